import DriftWatchCore
import Foundation
import Testing

@Suite struct CSVInputTests {
    private func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "csv-input-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func bareNumbersOnePerLineNeedNoHeader() throws {
        let path = try file("1.5\n2\nNaN\n-3e2\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVTable.read(path)
        #expect(table.header == ["value"])
        let values = try table.numericColumn(nil)
        #expect(values.count == 4)
        #expect(values[0] == 1.5 && values[1] == 2 && values[2].isNaN && values[3] == -300)
    }

    @Test func errorsInBareNumbersNameTheFileLine() throws {
        let path = try file("1\n2\nx\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVTable.read(path)
        #expect(throws: CSVError(file: path, line: 3, column: "value", message: "\"x\" is not a number")) {
            try table.numericColumn(nil)
        }
    }

    @Test func aNamedColumnOfACSVFile() throws {
        let path = try file("ts,error,latency\n1,0,12.5\n2,1,13\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVTable.read(path)
        #expect(try table.numericColumn("latency") == [12.5, 13])
        #expect(throws: CSVError(file: path, column: "nope", message: "no such column; the header has ts, error, latency")) {
            try table.numericColumn("nope")
        }
        #expect(throws: CSVError.self) { try table.numericColumn(nil) }
    }
}
