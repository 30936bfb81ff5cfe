import DriftStats
import DriftWatchCore
import Testing

@Suite struct JSONRowSplitterTests {
    // MARK: - Chunking does not change the rows

    @Test(arguments: [BodyShape.lines, .array, .valueSequence])
    func chunkingNeverChangesTheRows(shape: BodyShape) {
        for seed in 0..<300 as Range<UInt64> {
            var generator = BodyGenerator(seed: seed &+ UInt64(shape.rawValue) &* 1_000_003)
            let body = generator.body(shape)
            let expected = body.rows.map { Piece.row(Array($0.utf8)) }
            for chunking in chunkings(seed: seed) {
                let result = split(body.bytes, shape.framing, chunking: chunking)
                #expect(result.error == nil, "seed \(seed), \(chunking): \(body.text.debugDescription)")
                #expect(result.pieces == expected, "seed \(seed), \(chunking): \(body.text.debugDescription)")
            }
        }
    }

    @Test(arguments: [BodyShape.lines, .array, .valueSequence])
    func oversizedRowsAreReportedWithTheirSizeInEveryChunking(shape: BodyShape) {
        var oversized = 0
        var kept = 0
        for seed in 0..<300 as Range<UInt64> {
            var generator = BodyGenerator(seed: seed &+ 500 &+ UInt64(shape.rawValue) &* 1_000_003)
            let body = generator.body(shape)
            let sizes = body.rows.map(\.utf8.count)
            guard let pick = sizes.randomElement(using: &generator.random) else { continue }
            // Sometimes exactly a row's size (that row is kept), sometimes one byte less.
            let limit = max(0, seed % 2 == 0 ? pick : pick - 1)
            let expected = body.rows.map { row in
                row.utf8.count > limit ? Piece.oversized(row.utf8.count) : Piece.row(Array(row.utf8))
            }
            oversized += expected.filter(\.isOversized).count
            kept += expected.count { !$0.isOversized }
            for chunking in chunkings(seed: seed) {
                let result = split(body.bytes, shape.framing, maxRowBytes: limit, chunking: chunking)
                #expect(result.error == nil, "seed \(seed), \(chunking): \(body.text.debugDescription)")
                #expect(
                    result.pieces == expected,
                    "seed \(seed), limit \(limit), \(chunking): \(body.text.debugDescription)")
            }
        }
        #expect(oversized > 100 && kept > 100)
    }

    // MARK: - Documents

    @Test func eachArrayElementIsARowScalarsIncluded() {
        expectRows(#"[1, "a", true, null, {"x":1}]"#, .document, [#"1"#, #""a""#, "true", "null", #"{"x":1}"#])
        expectRows(
            #"[[1,[2,"]"]], {"a":"}"} ,-0.5e3,"x\"y",  "\\" , [] ,{}]"#, .document,
            [#"[1,[2,"]"]]"#, #"{"a":"}"}"#, "-0.5e3", #""x\"y""#, #""\\""#, "[]", "{}"])
        expectRows("\n [\n{\"a\":\n1}\r\n,\t2\n]\n", .document, ["{\"a\":\n1}", "2"])
    }

    @Test func whitespaceSeparatedValuesAreRows() {
        expectRows(
            "{\"a\":1}\n{\"b\":[2]}  \"s\" 3 true\r\n[4]\tnull", .document,
            [#"{"a":1}"#, #"{"b":[2]}"#, #""s""#, "3", "true", "[4]", "null"])
        expectRows(#"  {"only": "one"}  "#, .document, [#"{"only": "one"}"#])
        expectRows("-12.5e-3", .document, ["-12.5e-3"])
    }

    @Test func emptyBodiesAndEmptyArraysHaveNoRows() {
        for body in ["", " \n\r\n\t "] {
            expectRows(body, .lines, [])
            expectRows(body, .document, [])
        }
        for body in ["[]", "[ \n ]", "  [\r\n]\n"] { expectRows(body, .document, []) }
    }

    // MARK: - NDJSON

    @Test func blankLinesAndCarriageReturnsAreNotRows() {
        expectRows(
            "\r\n{\"a\":1}\r\n\r\n   \n\t{\"b\":2}  \r\n\n \t\r\n", .lines, [#"{"a":1}"#, #"{"b":2}"#])
    }

    @Test func aFinalLineWithoutANewlineIsARow() {
        expectRows("{\"a\":1}\n{\"b\":2}", .lines, [#"{"a":1}"#, #"{"b":2}"#])
        expectRows("{\"a\":1}\r\n  {\"b\":2} \t", .lines, [#"{"a":1}"#, #"{"b":2}"#])
    }

    @Test func aBrokenLineIsStillOneRowAndTheNextLineIsItsOwn() throws {
        let rows = expectRows(
            "{\"a\": [1, 2\n{\"b\": 2}\n}{\n\"open\n", .lines, [#"{"a": [1, 2"#, #"{"b": 2}"#, "}{", #""open"#])
        // The parser reports the broken rows; the good one between them parses.
        #expect(rows.count == 4)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(rows[0]) }
        #expect(try JSONParser.parse(rows[1]) == .object(["b": .number(2)]))
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(rows[2]) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(rows[3]) }
    }

    @Test func stringsAreNotScannedInLines() {
        // Brackets, quotes and escaped newlines inside a line do not matter to line framing.
        expectRows(#"{"a": "]}\"\n,"}"# + "\n" + #"["\\", "{"]"#, .lines, [#"{"a": "]}\"\n,"}"#, #"["\\", "{"]"#])
    }

    // MARK: - Oversized rows

    @Test func anOversizedRowIsReportedBetweenIntactRows() {
        let big = #"{"big": "xxxxxxxxxxxxxxxxxxxx"}"#  // 31 bytes
        let expected: [Piece] = [.row(Array(#"{"a":1}"#.utf8)), .oversized(31), .row(Array(#"{"c":3}"#.utf8))]
        let bodies: [(String, JSONRowSplitter.Framing)] = [
            ("{\"a\":1}\n\(big)\n{\"c\":3}\n", .lines),
            ("{\"a\":1}\r\n  \(big) \t\r\n{\"c\":3}", .lines),
            ("[{\"a\":1},\(big) ,\n{\"c\":3}]", .document),
            ("{\"a\":1} \(big)\n{\"c\":3}", .document),
        ]
        for (body, framing) in bodies {
            for chunking in chunkings(seed: 7) {
                let result = split(Array(body.utf8), framing, maxRowBytes: 30, chunking: chunking)
                #expect(result.error == nil)
                #expect(result.pieces == expected, "\(chunking): \(body.debugDescription)")
            }
        }
    }

    @Test func aRowOfExactlyTheLimitIsKeptWhateverItsLineEnding() {
        for body in ["{\"a\":12}\r\n", "{\"a\":12}  \n", "\t{\"a\":12} \r\n{\"a\":123}\r\n", "{\"a\":12}\t "] {
            var expected: [Piece] = [.row(Array(#"{"a":12}"#.utf8))]
            if body.contains("123") { expected.append(.oversized(9)) }
            for chunking in chunkings(seed: 3) {
                let result = split(Array(body.utf8), .lines, maxRowBytes: 8, chunking: chunking)
                #expect(result.pieces == expected && result.error == nil, "\(chunking): \(body.debugDescription)")
            }
        }
    }

    @Test func aLimitOfZeroReportsEveryRow() {
        let result = split(Array("[1,\"ab\",{}]".utf8), .document, maxRowBytes: 0, chunking: .whole)
        #expect(result.pieces == [.oversized(1), .oversized(4), .oversized(2)] && result.error == nil)
    }

    // MARK: - Malformed structure

    @Test(arguments: malformedBodies)
    func aBrokenStructureStopsTheBody(_ body: MalformedBody) {
        for chunking in chunkings(seed: 11) {
            let result = split(Array(body.text.utf8), .document, chunking: chunking)
            #expect(result.error?.message == body.message, "\(chunking)")
            #expect(result.error?.offset == body.offset, "\(chunking)")
            #expect(result.pieces == body.rowsBefore.map { .row(Array($0.utf8)) }, "\(chunking)")
        }
    }

    @Test func malformedDescribesTheMessageAndTheByte() {
        let result = split(Array("[1 2]".utf8), .document, chunking: .whole)
        #expect(result.error?.description == "expected ',' or ']' after an array element at byte 3")
    }

    /// Checks `body` splits into `rows` without error in every chunking; returns the rows.
    @discardableResult
    private func expectRows(
        _ body: String, _ framing: JSONRowSplitter.Framing, _ rows: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [String] {
        let expected = rows.map { Piece.row(Array($0.utf8)) }
        var found: [String] = []
        for chunking in chunkings(seed: UInt64(body.utf8.count)) {
            let result = split(Array(body.utf8), framing, chunking: chunking)
            #expect(result.error == nil, "\(chunking): \(body.debugDescription)", sourceLocation: sourceLocation)
            #expect(result.pieces == expected, "\(chunking): \(body.debugDescription)", sourceLocation: sourceLocation)
            found = result.pieces.compactMap(\.text)
        }
        return found
    }
}

// MARK: - Malformed table

struct MalformedBody: Sendable, CustomTestStringConvertible {
    var text: String
    var message: String
    var offset: Int
    /// The rows handed over before the error.
    var rowsBefore: [String] = []

    var testDescription: String { text.debugDescription }
}

private let malformedBodies: [MalformedBody] = [
    MalformedBody(text: "[1 2]", message: "expected ',' or ']' after an array element", offset: 3, rowsBefore: ["1"]),
    MalformedBody(
        text: #"[{"a":1} {"b":2}]"#, message: "expected ',' or ']' after an array element", offset: 9,
        rowsBefore: [#"{"a":1}"#]),
    MalformedBody(text: "[1,]", message: "expected a value, found ']'", offset: 3, rowsBefore: ["1"]),
    MalformedBody(text: "[,1]", message: "expected a value, found ','", offset: 1),
    MalformedBody(text: "[1", message: "the body ends inside a value", offset: 2),
    MalformedBody(text: #"{"a": 1"#, message: "the body ends inside a value", offset: 7),
    MalformedBody(text: #"{"a":"\"}"#, message: "the body ends inside a value", offset: 9),
    MalformedBody(text: #"["a]"#, message: "the body ends inside a value", offset: 4),
    MalformedBody(text: "[", message: "the body ends before the array's closing ']'", offset: 1),
    MalformedBody(
        text: #"[{"a":1}, "#, message: "the body ends before the array's closing ']'", offset: 10,
        rowsBefore: [#"{"a":1}"#]),
    MalformedBody(text: "] ", message: "expected a value, found ']'", offset: 0),
    MalformedBody(text: "}", message: "expected a value, found '}'", offset: 0),
    MalformedBody(text: " \n,", message: "expected a value, found ','", offset: 2),
    MalformedBody(
        text: #"{"a":1} ]"#, message: "expected a value, found ']'", offset: 8, rowsBefore: [#"{"a":1}"#]),
    MalformedBody(text: "1,2", message: "expected a value, found ','", offset: 1, rowsBefore: ["1"]),
    MalformedBody(text: "[1] x", message: "unexpected text after the array", offset: 4, rowsBefore: ["1"]),
    MalformedBody(text: "[1][2]", message: "unexpected text after the array", offset: 3, rowsBefore: ["1"]),
]

// MARK: - Splitting

/// What the splitter handed over, copied out of the callback.
private enum Piece: Equatable, CustomStringConvertible {
    case row([UInt8])
    case oversized(Int)

    var isOversized: Bool {
        if case .oversized = self { return true }
        return false
    }

    var text: String? {
        if case .row(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    var description: String {
        switch self {
        case .row(let bytes): "row(\(String(decoding: bytes, as: UTF8.self).debugDescription))"
        case .oversized(let count): "oversized(\(count))"
        }
    }
}

/// How a body is cut into the chunks it arrives in.
private enum Chunking: CustomStringConvertible {
    case whole
    case every(Int)
    /// Random sizes from 0 to 16 bytes, empty chunks included.
    case random(seed: UInt64)

    func ranges(count: Int) -> [Range<Int>] {
        switch self {
        case .whole:
            return [0..<count]
        case .every(let size):
            return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
        case .random(let seed):
            var random = SeededRandomNumberGenerator(seed: seed)
            var ranges: [Range<Int>] = []
            var start = 0
            while start < count {
                let end = min(count, start + Int.random(in: 0...16, using: &random))
                ranges.append(start..<end)
                start = end
            }
            return ranges
        }
    }

    var description: String {
        switch self {
        case .whole: "whole body"
        case .every(let size): "chunks of \(size)"
        case .random(let seed): "random chunks (seed \(seed))"
        }
    }
}

private func chunkings(seed: UInt64) -> [Chunking] {
    [.whole, .every(1), .every(2), .every(3), .every(7), .random(seed: seed), .random(seed: seed &+ 1_000)]
}

private struct SplitResult {
    var pieces: [Piece] = []
    var error: JSONRowSplitter.Malformed?
}

/// Feeds `body` to a splitter chunk by chunk (each chunk in its own allocation) and finishes it.
private func split(
    _ body: [UInt8], _ framing: JSONRowSplitter.Framing, maxRowBytes: Int = 1 << 20, chunking: Chunking
) -> SplitResult {
    var splitter = JSONRowSplitter(framing: framing, maxRowBytes: maxRowBytes)
    var result = SplitResult()
    func take(_ piece: JSONRowSplitter.Piece) {
        switch piece {
        case .row(let bytes): result.pieces.append(.row(Array(bytes)))
        case .oversized(let count): result.pieces.append(.oversized(count))
        }
    }
    do {
        for range in chunking.ranges(count: body.count) {
            let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: range.count)
            defer { chunk.deallocate() }
            _ = chunk.initialize(from: body[range])
            try splitter.feed(UnsafeBufferPointer(chunk), take)
        }
        try splitter.finish(take)
    } catch {
        result.error = error
    }
    return result
}

// MARK: - Generated bodies

enum BodyShape: Int, Sendable, CaseIterable {
    /// NDJSON.
    case lines
    /// A JSON array of rows.
    case array
    /// Whitespace-separated top-level values.
    case valueSequence

    var framing: JSONRowSplitter.Framing { self == .lines ? .lines : .document }
}

private struct GeneratedBody {
    var text = ""
    var rows: [String] = []
    var bytes: [UInt8] { Array(text.utf8) }
}

private struct BodyGenerator {
    var random: SeededRandomNumberGenerator

    init(seed: UInt64) {
        random = SeededRandomNumberGenerator(seed: seed)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func pick(_ choices: [String]) -> String { choices[int(0...(choices.count - 1))] }

    mutating func body(_ shape: BodyShape) -> GeneratedBody {
        var body = GeneratedBody()
        let count = int(0...12)
        switch shape {
        case .lines:
            for index in 0..<count {
                while int(0...3) == 0 { body.text += pick(["", " ", "\t", "\r", "  \r", " \t "]) + "\n" }
                let row = int(0...7) == 0 ? pick(Self.brokenRows) : value(multiline: false)
                body.rows.append(row)
                body.text += pick(["", " ", "\t", "  ", "\r"]) + row + pick(["", "", " ", "\t", " \t ", "\r", " \r"])
                let last = index == count - 1
                body.text += last && int(0...2) == 0 ? "" : pick(["\n", "\r\n"])
            }
        case .array:
            body.text = space() + "[" + space()
            for index in 0..<count {
                if index > 0 { body.text += space() + "," + space() }
                let row = value(multiline: true)
                body.rows.append(row)
                body.text += row
            }
            body.text += space() + "]" + space()
        case .valueSequence:
            body.text = space()
            for index in 0..<count {
                // A leading '[' would make the body an array.
                var row = value(multiline: true)
                while index == 0 && row.hasPrefix("[") { row = value(multiline: true) }
                body.rows.append(row)
                let last = index == count - 1
                body.text += row + (last && int(0...1) == 0 ? "" : pick([" ", "\n", "\r\n", "\t", " \n "]))
            }
        }
        return body
    }

    /// Lines that are not JSON (the splitter frames them all the same).
    private static let brokenRows = [#"{"a": [1, 2"#, "not json", "}{", #""open"#, "[1,,2]", #"{"a":1}}"#, "]"]

    private mutating func space(multiline: Bool = true) -> String {
        multiline ? pick(["", "", " ", "\n", "\r\n", "\t", "  \n  "]) : pick(["", "", " ", "\t"])
    }

    /// JSON text of a value; newlines only between tokens, and only when `multiline`.
    mutating func value(multiline: Bool, depth: Int = 0) -> String {
        switch int(0...(depth >= 3 ? 2 : 5)) {
        case 0: return string()
        case 1: return pick(["0", "-1", "42", "3.25", "-0.5e-3", "1E+9", "12345678901234567890"])
        case 2: return pick(["true", "false", "null", string()])
        case 3:
            var elements: [String] = []
            for _ in 0..<int(0...4) { elements.append(value(multiline: multiline, depth: depth + 1)) }
            return "[" + space(multiline: multiline) + elements.joined(separator: "," + space(multiline: multiline))
                + space(multiline: multiline) + "]"
        default:
            var members: [String] = []
            for _ in 0..<int(0...4) {
                let key = string()
                let separator = space(multiline: multiline) + ":" + space(multiline: multiline)
                members.append(key + separator + value(multiline: multiline, depth: depth + 1))
            }
            return "{" + space(multiline: multiline) + members.joined(separator: "," + space(multiline: multiline))
                + space(multiline: multiline) + "}"
        }
    }

    /// A JSON string whose content has brackets, commas, quotes, escapes and non-ASCII text.
    private mutating func string() -> String {
        var text = "\""
        for _ in 0..<int(0...8) {
            text += pick([
                "a", "Z", "0", " ", "]", "}", ",", "[", "{", ":", #"\""#, #"\\"#, #"\n"#, #"\r\n"#, #"\u00e9"#, "é",
                "😀", #"\/"#, #"\t"#, #"\\\""#, "\u{2028}",
            ])
        }
        // Sometimes end with an escaped backslash, right before the closing quote.
        if int(0...4) == 0 { text += #"\\"# }
        return text + "\""
    }
}
