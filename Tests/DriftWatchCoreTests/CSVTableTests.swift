import DriftWatchCore
import Foundation
import Testing

@Suite struct CSVTableTests {
    private func table(_ text: String) throws -> CSVTable {
        try CSVTable(bytes: Array(text.utf8), file: "test.csv")
    }

    @Test func readsHeaderRowsAndQuotedFields() throws {
        let csv = try table("a,b,c\r\n1,\"x, \"\"y\"\"\",3\n\n4,\"multi\nline\",\n")
        #expect(csv.header == ["a", "b", "c"])
        #expect(csv.rowCount == 2)
        #expect(csv.categories(column: 1) == ["x, \"y\"", "multi\nline"])
        #expect(csv.categories(column: 2) == ["3", nil])
        let numbers = try csv.numbers(column: 0).get()
        #expect(numbers == [1, 4])
    }

    @Test func readsFilesAndNamesUnreadableOnes() throws {
        let path = NSTemporaryDirectory() + "csv-table-\(UUID().uuidString).csv"
        try "a,b\n1,x\n2,y\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = try CSVTable(contentsOf: path)
        #expect(csv.header == ["a", "b"])
        #expect(try csv.numbers(column: 0).get() == [1, 2])
        #expect(csv.categories(column: 1) == ["x", "y"])
        #expect(
            throws: CSVError(file: "/nonexistent/x.csv", message: "cannot read the file (No such file or directory)")
        ) {
            try CSVTable(contentsOf: "/nonexistent/x.csv")
        }
        #expect(throws: CSVError(file: NSTemporaryDirectory(), message: "not a regular file")) {
            try CSVTable(contentsOf: NSTemporaryDirectory())
        }
    }

    @Test func skipsByteOrderMarkAndAcceptsMissingFinalNewline() throws {
        let csv = try table("\u{FEFF}x,y\n1,2")
        #expect(csv.header == ["x", "y"])
        #expect(try csv.numbers(column: 1).get() == [2])
    }

    @Test func missingTokensBecomeNaNInNumericColumns() throws {
        let csv = try table("v\n1.5\n\nNA\nNaN\nnull\ninf\n-Infinity\n N/A \n2\n")
        let values = try csv.numbers(column: 0).get()
        #expect(values.count == 8)
        #expect(values.filter(\.isNaN).count == 6)
        #expect(values.filter { !$0.isNaN } == [1.5, 2])
    }

    @Test func talliesCategoriesMergingQuotedSpellings() throws {
        let csv = try table("c\nred\n\"red\"\nblue\nNA\n\n\"a,b\"\n null \nred\n")
        let tally = csv.categoryTally(column: 0)
        #expect(tally.counts == ["red": 3, "blue": 1, "a,b": 1])
        #expect(tally.missing == 2)  // NA and null; blank lines are skipped, as pandas does
        #expect(CategoryTally(csv.categories(column: 0)) == tally)
    }

    @Test func reportsTheFirstNonNumericField() throws {
        let csv = try table("v\n1\n2\nabc\n3\n")
        guard case .failure(let field) = csv.numbers(column: 0) else {
            Issue.record("expected a non-numeric field")
            return
        }
        #expect(field.line == 4)
        #expect(field.text == "abc")
    }

    @Test func wrongFieldCountNamesTheLine() {
        #expect(throws: CSVError(file: "test.csv", line: 3, message: "expected 2 fields as in the header, found 3")) {
            try table("a,b\n1,2\n1,2,3\n")
        }
    }

    @Test func unclosedQuoteNamesTheLineItStarts() {
        #expect(throws: CSVError(file: "test.csv", line: 2, message: "a quoted field is never closed")) {
            try table("a,b\n\"1,2\n3,4\n")
        }
    }

    @Test func duplicateHeaderIsAnError() {
        #expect(throws: CSVError(file: "test.csv", line: 1, column: "a", message: "the header names this column twice"))
        {
            try table("a,a\n1,2\n")
        }
    }

    @Test func parsesNumbersExactlyLikeTheStandardLibrary() throws {
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = []
        for _ in 0..<20_000 {
            let value =
                Double.random(in: -1e6...1e6, using: &generator) * pow10(Int.random(in: -30...30, using: &generator))
            texts.append("\(value)")
            texts.append(String(format: "%.\(Int.random(in: 0...17, using: &generator))f", value))
            texts.append(String(format: "%.\(Int.random(in: 0...17, using: &generator))e", value))
        }
        texts += [
            "0", "-0", "+1", "1.", ".5", "1e5", "1E-5", "123456789012345678901234567890", "4.9e-324",
            "1.7976931348623157e308",
        ]
        let csv = try table("v\n" + texts.joined(separator: "\n") + "\n")
        let parsed = try csv.numbers(column: 0).get()
        for (text, value) in zip(texts, parsed) {
            #expect(value == Double(text), "\(text)")
        }
    }

    private func pow10(_ exponent: Int) -> Double { Double("1e\(exponent)")! }
}
