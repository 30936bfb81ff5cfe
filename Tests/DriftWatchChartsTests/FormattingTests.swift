import Foundation
import Testing

@testable import DriftWatchCharts

@Suite struct FormattingTests {
    @Test("Coordinates keep at most two decimals and never print -0")
    func coordinates() {
        #expect(NumberText.coordinate(12.3456) == "12.35")
        #expect(NumberText.coordinate(3) == "3")
        #expect(NumberText.coordinate(2.5) == "2.5")
        #expect(NumberText.coordinate(-7.004) == "-7")
        #expect(NumberText.coordinate(-0.001) == "0")
        #expect(NumberText.coordinate(.nan) == "0")
    }

    @Test("Data values round-trip exactly")
    func exactValues() {
        #expect(NumberText.exact(130) == "130")
        #expect(NumberText.exact(0.1) == "0.1")
        #expect(NumberText.exact(-0.0) == "0")
        for value in [0.1 + 0.2, 1e-9, -123.456, 1e20] {
            #expect(Double(NumberText.exact(value)) == value)
        }
    }

    @Test("Readable values keep about four significant digits")
    func readableValues() {
        #expect(NumberText.readable(0.012_345_6) == "0.01235")
        #expect(NumberText.readable(130) == "130")
        #expect(NumberText.readable(12_345.6) == "12346")
        #expect(NumberText.readable(-2.5) == "-2.5")
        #expect(NumberText.readable(0.000_012_34) == "1.234e-5")
        #expect(NumberText.readable(.infinity) == "")
    }

    @Test("XML special characters become entities and forbidden control characters vanish")
    func escaping() {
        #expect(XMLEscaping.escape(#"a<b & "c" 'd' >"#) == "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;")
        #expect(XMLEscaping.escape("tab\there\u{0}\u{1B}end") == "tab\thereend")
        #expect(XMLEscaping.escape("Zürich ✓") == "Zürich ✓")
    }

    @Test("UTC calendar fields, including before the epoch and on a leap day")
    func utcDates() {
        #expect(UTCDate(Date(timeIntervalSince1970: 1_741_185_000)).timestamp == "2025-03-05 14:30 UTC")
        #expect(UTCDate(Date(timeIntervalSince1970: -1)).timestamp == "1969-12-31 23:59:59 UTC")
        #expect(UTCDate(Date(timeIntervalSince1970: 951_782_400)).iso8601 == "2000-02-29T00:00:00Z")
        #expect(UTCDate.date(year: 2024, month: 13) == UTCDate.date(year: 2025, month: 1))
        #expect(UTCDate.date(year: 2025, month: 0) == UTCDate.date(year: 2024, month: 12))
    }
}
