import DriftStats
import DriftWatchCore
import Foundation
import Testing

@Suite struct JSONParserTests {
    // MARK: - Agreement with Foundation

    @Test func agreesWithFoundationOnTextWrittenByJSONSerialization() throws {
        for seed in 0..<400 as Range<UInt64> {
            var generator = DocumentGenerator(seed: seed)
            let document = generator.document()
            var options: JSONSerialization.WritingOptions = [.fragmentsAllowed]
            if seed % 3 == 1 { options.insert(.prettyPrinted) }
            if seed % 4 == 2 { options.insert(.withoutEscapingSlashes) }
            if seed % 5 == 3 { options.insert(.sortedKeys) }
            let data = try JSONSerialization.data(withJSONObject: document.foundationObject, options: options)
            let bytes = [UInt8](data)
            let reference = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            let ours = try JSONParser.parse(bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            let fromFoundation = difference(ours, fromFoundation: reference)
            #expect(fromFoundation == nil, "seed \(seed): \(fromFoundation ?? "") in \(text)")
            let fromGenerated = difference(ours, document.value)
            #expect(fromGenerated == nil, "seed \(seed): \(fromGenerated ?? "") in \(text)")
        }
    }

    @Test func agreesWithFoundationOnTextWithVariedEscapesSpacingAndNumberShapes() throws {
        var escapedSurrogatePairs = 0
        for seed in 0..<600 as Range<UInt64> {
            var generator = DocumentGenerator(seed: seed)
            let document = generator.document()
            var writer = VariedWriter(seed: seed &* 7919 &+ 1)
            writer.write(document)
            let bytes = Array(writer.text.utf8)
            escapedSurrogatePairs += writer.escapedSurrogatePairs
            let reference = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            let ours = try JSONParser.parse(bytes)
            let fromFoundation = difference(ours, fromFoundation: reference)
            #expect(fromFoundation == nil, "seed \(seed): \(fromFoundation ?? "") in \(writer.text)")
            let fromGenerated = difference(ours, document.value)
            #expect(fromGenerated == nil, "seed \(seed): \(fromGenerated ?? "") in \(writer.text)")
        }
        // The documents really exercised `\uD83D\uDE00`-style escapes.
        #expect(escapedSurrogatePairs > 50)
    }

    @Test func writerOutputParsesBackToTheSameValue() throws {
        for seed in 0..<400 as Range<UInt64> {
            var generator = DocumentGenerator(seed: seed &+ 10_000)
            let value = generator.document().value
            var writer = JSONWriter()
            writer.value(value)
            let reparsed = try JSONParser.parse(writer.bytes)
            let roundTrip = difference(reparsed, value)
            #expect(roundTrip == nil, "seed \(seed): \(roundTrip ?? "") in \(writer.text)")
            // Foundation reads the writer's text the same way.
            let reference = try JSONSerialization.jsonObject(with: Data(writer.bytes), options: [.fragmentsAllowed])
            let fromFoundation = difference(value, fromFoundation: reference)
            #expect(fromFoundation == nil, "seed \(seed): \(fromFoundation ?? "") in \(writer.text)")
        }
    }

    // MARK: - Numbers

    @Test func numbersAreCorrectlyRoundedInEveryShape() throws {
        var generator = DocumentGenerator(seed: 42)
        var failures: [String] = []
        for _ in 0..<20_000 {
            let token = generator.numberToken(allowLong: true, allowOutOfRange: true)
            let expected = Double(token)!
            guard case .number(let ours) = try JSONParser.parse(token) else {
                failures.append("\(token): not a number")
                continue
            }
            if ours.bitPattern != expected.bitPattern { failures.append("\(token): \(ours), expected \(expected)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test(arguments: [
        "0.1", "0.30000000000000004", "9007199254740993", "9007199254740993.0", "18446744073709551615",
        "123456789012345678901234567890", "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9e-324", "5e-324",
        "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308",
        "7.2057594037927933e16", "1e23", "8.589973e9", "4.35679e-310",
        // Exactly halfway between 1 and the next double (ties to even), then just above halfway.
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203125000000000001",
        "0.000000000000000000000000000000000000000000000000000000000000000001e66",
        "100000000000000000000000000000000000000000000000000000000000000000e-66",
    ])
    func hardNumbersAreCorrectlyRounded(token: String) throws {
        let expected = Double(token)!
        #expect(try JSONParser.parse(token) == .number(expected))
        guard case .number(let ours) = try JSONParser.parse("[\(token)]").arrayElements?.first else {
            Issue.record("not a number")
            return
        }
        #expect(ours.bitPattern == expected.bitPattern)
    }

    @Test(arguments: [
        ("1e400", Double.infinity), ("-1e400", -Double.infinity), ("1.7976931348623159e308", .infinity),
        ("1e99999", .infinity), ("-123456789e999999999999", -.infinity), ("1e-400", 0), ("-1e-400", -0.0),
        ("1e-99999", 0), ("0e99999", 0),
    ])
    func numbersOutsideTheDoubleRangeBecomeInfinityOrZero(token: String, expected: Double) throws {
        guard case .number(let value) = try JSONParser.parse(token) else {
            Issue.record("not a number")
            return
        }
        #expect(value.bitPattern == expected.bitPattern, "\(token) gave \(value)")
    }

    @Test func overflowInsideADocumentKeepsItsSign() throws {
        let value = try JSONParser.parse(#"{"big": 1e400, "small": -1E+400, "tiny": 1e-400, "list": [2e999, -2e999]}"#)
        #expect(
            value
                == .object([
                    "big": .number(.infinity), "small": .number(-.infinity), "tiny": .number(0),
                    "list": .array([.number(.infinity), .number(-.infinity)]),
                ]))
    }

    @Test(arguments: ["-0", "-0.0", "-0e7", "-0.000E-2"])
    func negativeZeroKeepsItsSign(token: String) throws {
        guard case .number(let value) = try JSONParser.parse(token) else {
            Issue.record("not a number")
            return
        }
        #expect(value == 0 && value.sign == .minus)
        guard case .number(let positive) = try JSONParser.parse(String(token.dropFirst())) else {
            Issue.record("not a number")
            return
        }
        #expect(positive == 0 && positive.sign == .plus)
    }

    // MARK: - Entry points

    @Test func theThreeEntryPointsAgree() throws {
        for seed in 0..<50 as Range<UInt64> {
            var generator = DocumentGenerator(seed: seed &+ 20_000)
            let text = generator.document().text
            let fromString = try JSONParser.parse(text)
            let fromBytes = try JSONParser.parse(Array(text.utf8))
            let fromBuffer = try Array(text.utf8).withUnsafeBufferPointer { try JSONParser.parse($0) }
            #expect(difference(fromString, fromBytes) == nil && difference(fromString, fromBuffer) == nil, "\(text)")
        }
    }

    @Test func aBufferEndingInsideLongerTextEndsItsLastNumberThere() throws {
        // A number that ends the buffer is read without looking at the bytes after it.
        let bytes = Array("12345678901234567890123e5".utf8)
        for length in [1, 2, 15, 16, 17, 20, 23] {
            let value = try bytes.withUnsafeBufferPointer { buffer in
                try JSONParser.parse(UnsafeBufferPointer(rebasing: buffer[0..<length]))
            }
            let expected = Double(String(decoding: bytes[0..<length], as: UTF8.self))!
            #expect(value == .number(expected), "first \(length) bytes")
        }
        let array = Array("[1.5]9".utf8)
        let value = try array.withUnsafeBufferPointer { try JSONParser.parse(UnsafeBufferPointer(rebasing: $0[1..<4])) }
        #expect(value == .number(1.5))
    }

    @Test func whitespaceAroundTheValueIsAllowed() throws {
        #expect(try JSONParser.parse(" \t\r\n true \n") == .bool(true))
        #expect(try JSONParser.parse("\n[ 1 ,\t{ \"a\" : null } ]\r\n") == .array([.number(1), .object(["a": .null])]))
    }

    // MARK: - Rejected input

    @Test(arguments: rejectedInputs)
    func rejects(_ input: RejectedInput) {
        do {
            let value = try JSONParser.parse(input.bytes, maxDepth: input.maxDepth)
            Issue.record("accepted as \(value)")
        } catch {
            #expect(error.message.contains(input.message), "message: \(error.message)")
            if let offset = input.offset { #expect(error.offset == offset, "\(error)") }
            #expect(error.offset >= 0 && error.offset <= input.bytes.count)
        }
    }

    @Test func errorsDescribeTheMessageAndTheByte() {
        let error = syntaxError("[1 2]")
        #expect(error?.message == "expected ',' or ']' in an array" && error?.offset == 3)
        #expect(error?.description == "expected ',' or ']' in an array at byte 3")
        #expect(syntaxError("[1 2]") == error)
    }

    // MARK: - Nesting

    @Test(arguments: [0, 1, 5, JSONParser.defaultMaxDepth])
    func nestingUpToMaxDepthIsAcceptedAndOneMoreIsRejected(maxDepth: Int) throws {
        let arrays = String(repeating: "[", count: maxDepth) + String(repeating: "]", count: maxDepth)
        let objects = String(repeating: #"{"a":"#, count: maxDepth) + "1" + String(repeating: "}", count: maxDepth)
        if maxDepth > 0 { #expect(throws: Never.self) { try JSONParser.parse(arrays, maxDepth: maxDepth) } }
        #expect(throws: Never.self) { try JSONParser.parse(objects, maxDepth: maxDepth) }
        if maxDepth == JSONParser.defaultMaxDepth {
            #expect(throws: Never.self) { try JSONParser.parse(arrays) }
        }

        let deeperArrays = "[" + arrays + "]"
        let arraysError = syntaxError(deeperArrays, maxDepth: maxDepth)
        #expect(arraysError?.message == "nesting deeper than \(maxDepth) levels" && arraysError?.offset == maxDepth)
        let deeperObjects =
            String(repeating: #"{"a":"#, count: maxDepth + 1) + "1"
            + String(repeating: "}", count: maxDepth + 1)
        let objectsError = syntaxError(deeperObjects, maxDepth: maxDepth)
        #expect(
            objectsError?.message == "nesting deeper than \(maxDepth) levels" && objectsError?.offset == 5 * maxDepth)
        // Scalars are at depth 0.
        #expect(try JSONParser.parse("1", maxDepth: maxDepth) == .number(1))
    }

    @Test func veryDeepNestingIsRefusedWithoutExhaustingTheStack() {
        let text = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        let error = syntaxError(text)
        #expect(error?.message == "nesting deeper than 32 levels" && error?.offset == 32)
        let objects = String(repeating: #"{"k":["#, count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(objects) }
    }

    // MARK: - Objects

    @Test func aDuplicateKeyKeepsTheLastValue() throws {
        #expect(try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#) == .object(["a": .number(3), "b": .number(2)]))
        #expect(try JSONParser.parse(#"{"a": {"x": 1}, "a": [true]}"#) == .object(["a": .array([.bool(true)])]))
        // The same key spelled with an escape is the same key.
        #expect(try JSONParser.parse(#"{"a": 1, "\u0061": null}"#) == .object(["a": .null]))
    }

    @Test func keysAreComparedAsSwiftStrings() throws {
        // "é" precomposed and "e" + combining acute are equal Swift strings, so they are one key.
        let value = try JSONParser.parse("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        #expect(value.objectValue?.count == 1)
        #expect(value.objectValue?["\u{E9}"] == .number(2))
    }

    @Test func stringsKeepTheirExactScalars() throws {
        let value = try JSONParser.parse(#"["e\u0301", "\u00e9", "\ud83d\ude00", "\uD834\uDD1E", "\u0000", "\/"]"#)
        let strings = value.arrayElements?.compactMap { element -> [UInt8]? in
            if case .string(let text) = element { return Array(text.utf8) }
            return nil
        }
        #expect(
            strings == [
                [0x65, 0xCC, 0x81], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xF0, 0x9D, 0x84, 0x9E], [0x00], [0x2F],
            ])
    }

    // MARK: - Writer

    @Test func writerEscapesWhatJSONRequiresAndWritesNonFiniteNumbersAsNull() throws {
        var writer = JSONWriter()
        writer.value(
            .object([
                "z": .number(-0.0), "a": .string("q\"b\\s/\n\r\t\u{1}\u{1F}\u{7F}é😀"),
                "m": .array([.number(.infinity), .number(-.infinity), .number(.nan), .number(0.1), .number(1e-7)]),
            ]))
        #expect(
            writer.text
                == #"{"a":"q\"b\\s/\n\r\t\u0001\u001f"# + "\u{7F}é😀" + #"","m":[null,null,null,0.1,1e-07],"z":-0.0}"#)
        let reparsed = try JSONParser.parse(writer.bytes)
        guard case .number(let zero) = reparsed.objectValue?["z"] else {
            Issue.record("no z")
            return
        }
        #expect(zero.sign == .minus)
    }
}

// MARK: - Rejection table

struct RejectedInput: Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    /// A fragment of the expected message.
    var message: String
    /// The expected byte offset.
    var offset: Int?
    var maxDepth = JSONParser.defaultMaxDepth

    init(_ text: String, _ message: String, at offset: Int?, maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.bytes = Array(text.utf8)
        self.message = message
        self.offset = offset
        self.maxDepth = maxDepth
    }

    init(bytes: [UInt8], _ message: String, at offset: Int?) {
        self.bytes = bytes
        self.message = message
        self.offset = offset
    }

    var testDescription: String {
        let text = String(decoding: bytes, as: UTF8.self)
        return String(text.debugDescription.prefix(60)) + (bytes.contains { $0 >= 0x80 } ? " \(bytes.prefix(12))" : "")
    }
}

private let rejectedInputs: [RejectedInput] = [
    // Empty input.
    RejectedInput("", "unexpected end of JSON", at: 0),
    RejectedInput(" \n\t ", "unexpected end of JSON", at: 4),
    // Trailing commas and missing members.
    RejectedInput("[1,2,]", "unexpected ']'", at: 5),
    RejectedInput(#"{"a":1,}"#, "expected a string key in an object", at: 7),
    RejectedInput("[,1]", "unexpected ','", at: 1),
    RejectedInput("[1 2]", "expected ',' or ']' in an array", at: 3),
    RejectedInput(#"{"a":1 "b":2}"#, "expected ',' or '}' in an object", at: 7),
    RejectedInput(#"{"a" 1}"#, "expected ':' after an object key", at: 5),
    RejectedInput(#"{"a":1]"#, "expected ',' or '}' in an object", at: 6),
    RejectedInput("[1}", "expected ',' or ']' in an array", at: 2),
    RejectedInput("{1:2}", "expected a string key in an object", at: 1),
    RejectedInput("[", "unexpected end of JSON", at: 1),
    RejectedInput("[1", "unexpected end of JSON", at: 2),
    RejectedInput(#"{"a":"#, "unexpected end of JSON", at: 5),
    RejectedInput(#"{"a":1"#, "unexpected end of JSON", at: 6),
    // Single quotes and comments.
    RejectedInput("'a'", "unexpected '''", at: 0),
    RejectedInput("{'a': 1}", "expected a string key in an object", at: 1),
    RejectedInput("[1] // note", "unexpected text after the JSON value", at: 4),
    RejectedInput("/* note */ 1", "unexpected '/'", at: 0),
    // Numbers outside the JSON grammar.
    RejectedInput("01", "unexpected text after the JSON value", at: 1),
    RejectedInput("-01", "unexpected text after the JSON value", at: 2),
    RejectedInput("[01]", "expected ',' or ']' in an array", at: 2),
    RejectedInput(".5", "unexpected '.'", at: 0),
    RejectedInput("[-.5]", "invalid number", at: 2),
    RejectedInput("1.", "invalid number", at: 2),
    RejectedInput("1.e5", "invalid number", at: 2),
    RejectedInput("+1", "unexpected '+'", at: 0),
    RejectedInput("-", "invalid number", at: 1),
    RejectedInput("--1", "invalid number", at: 1),
    RejectedInput("1e", "invalid number", at: 2),
    RejectedInput("1e+", "invalid number", at: 3),
    RejectedInput("1E-x", "invalid number", at: 3),
    RejectedInput("0x10", "unexpected text after the JSON value", at: 1),
    RejectedInput("NaN", "unexpected 'N'", at: 0),
    RejectedInput("-NaN", "invalid number", at: 1),
    RejectedInput("Infinity", "unexpected 'I'", at: 0),
    RejectedInput("-Infinity", "invalid number", at: 1),
    RejectedInput("[1, inf]", "unexpected 'i'", at: 4),
    // Strings.
    RejectedInput(#""abc"#, "unterminated string", at: 4),
    RejectedInput(#""ab\"#, "unterminated string", at: 4),
    RejectedInput(#""a\""#, "unterminated string", at: 4),
    RejectedInput("\"a\u{1}b\"", "control character in a string", at: 2),
    RejectedInput("\"line\nbreak\"", "control character in a string", at: 5),
    RejectedInput("\"tab\there\"", "control character in a string", at: 4),
    RejectedInput("\"\\n\u{0}\"", "control character in a string", at: 3),
    RejectedInput(#""\x""#, "invalid escape \\x", at: 1),
    RejectedInput(#"["ok", "\'"]"#, "invalid escape \\'", at: 8),
    RejectedInput(#""\U0041""#, "invalid escape \\U", at: 1),
    RejectedInput(#""\u00g0""#, "invalid hex digit in a \\u escape", at: 5),
    RejectedInput(#""\u12"#, "unterminated \\u escape", at: 3),
    // Lone surrogates.
    RejectedInput(#""\ud800""#, "a high surrogate \\u escape must be followed by a low one", at: 7),
    RejectedInput(#""\ud800x""#, "a high surrogate \\u escape must be followed by a low one", at: 7),
    RejectedInput(#""\uD800\u0041""#, "invalid low surrogate \\u escape", at: 7),
    RejectedInput(#""\ud800\ud800""#, "invalid low surrogate \\u escape", at: 7),
    RejectedInput(#""\udc00""#, "unpaired low surrogate \\u escape", at: 1),
    RejectedInput(#""a\uDFFFb""#, "unpaired low surrogate \\u escape", at: 2),
    // Invalid UTF-8 (reported at the string's opening quote).
    RejectedInput(bytes: [0x22, 0xFF, 0x22], "invalid UTF-8 in a string", at: 0),
    RejectedInput(bytes: [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], "invalid UTF-8 in a string", at: 1),
    RejectedInput(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 in a string", at: 0),
    RejectedInput(bytes: [0x22, 0xE2, 0x82, 0x22], "invalid UTF-8 in a string", at: 0),
    RejectedInput(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 in a string", at: 0),
    RejectedInput(bytes: [0x22, 0x5C, 0x6E, 0xFF, 0x22], "invalid UTF-8 in a string", at: 0),
    RejectedInput(bytes: [0x22, 0xC3], "unterminated string", at: 2),
    RejectedInput(bytes: [0xFF], "unexpected byte 0xff", at: 0),
    RejectedInput(bytes: [0xEF, 0xBB, 0xBF, 0x31], "unexpected byte 0xef", at: 0),
    RejectedInput("\u{A0}1", "unexpected byte 0xc2", at: 0),
    // Literals.
    RejectedInput("tru", "unexpected end of JSON", at: 3),
    RejectedInput("[fals", "unexpected end of JSON", at: 5),
    RejectedInput("nul", "unexpected end of JSON", at: 3),
    RejectedInput("trux", "unexpected 'x'", at: 3),
    RejectedInput("nan", "unexpected 'a'", at: 1),
    RejectedInput("[nulL]", "unexpected 'L'", at: 4),
    RejectedInput("True", "unexpected 'T'", at: 0),
    RejectedInput("nulll", "unexpected text after the JSON value", at: 4),
    // Text after the value.
    RejectedInput("1 2", "unexpected text after the JSON value", at: 2),
    RejectedInput("{} {}", "unexpected text after the JSON value", at: 3),
    RejectedInput("[]]", "unexpected text after the JSON value", at: 2),
    RejectedInput(#""a"x"#, "unexpected text after the JSON value", at: 3),
    RejectedInput("null\u{0}", "unexpected text after the JSON value", at: 4),
    // Nesting.
    RejectedInput("[[[]]]", "nesting deeper than 2 levels", at: 2, maxDepth: 2),
    RejectedInput(#"{"a":[{"b":1}]}"#, "nesting deeper than 2 levels", at: 6, maxDepth: 2),
    RejectedInput("[]", "nesting deeper than 0 levels", at: 0, maxDepth: 0),
]

// MARK: - Comparison

/// The error parsing `text` throws, or nil when it parses.
private func syntaxError(_ text: String, maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(text, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

extension JSONValue {
    fileprivate var arrayElements: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}

/// Where two parsed values differ, or nil: numbers must be bit-identical (so `-0` is not `0`) and
/// strings byte-identical (Swift's `==` would equate canonically equivalent strings).
private func difference(_ ours: JSONValue, _ other: JSONValue, at path: String = "$") -> String? {
    switch (ours, other) {
    case (.null, .null):
        return nil
    case (.bool(let a), .bool(let b)):
        return a == b ? nil : "\(path): \(a) vs \(b)"
    case (.number(let a), .number(let b)):
        return a.bitPattern == b.bitPattern ? nil : "\(path): \(a) vs \(b)"
    case (.string(let a), .string(let b)):
        return Array(a.utf8) == Array(b.utf8) ? nil : "\(path): \(a.debugDescription) vs \(b.debugDescription)"
    case (.array(let a), .array(let b)):
        guard a.count == b.count else { return "\(path): \(a.count) elements vs \(b.count)" }
        for index in a.indices {
            if let found = difference(a[index], b[index], at: "\(path)[\(index)]") { return found }
        }
        return nil
    case (.object(let a), .object(let b)):
        let others = Dictionary(uniqueKeysWithValues: b.map { (Array($0.key.utf8), $0.value) })
        guard a.count == b.count else { return "\(path): keys \(a.keys.sorted()) vs \(b.keys.sorted())" }
        for (key, value) in a {
            guard let otherValue = others[Array(key.utf8)] else { return "\(path): no key \(key.debugDescription)" }
            if let found = difference(value, otherValue, at: "\(path).\(key.debugDescription)") { return found }
        }
        return nil
    default:
        return "\(path): \(ours) vs \(other)"
    }
}

private let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))

/// Where our value differs from what `JSONSerialization.jsonObject` gave, or nil.
///
/// Foundation drops a U+FEFF that starts a string or follows an escape in it (it reads each run of
/// text as if it could start with a byte order mark); U+FEFF is left out of both sides' strings
/// here, and the exact comparison with the generated value covers it.
///
/// Foundation returns integers as integer `NSNumber`s and long plain decimals (`0.30000000000000004`)
/// as `NSDecimalNumber`, whose `doubleValue` is not correctly rounded; the decimal itself is exact,
/// so its text is converted with Swift's correctly rounded `Double(_:)`. Neither form carries the
/// sign of zero, so only there `-0` and `0` are taken as equal; every other double must be
/// bit-identical.
private func difference(_ ours: JSONValue, fromFoundation reference: Any, at path: String = "$") -> String? {
    switch reference {
    case is NSNull:
        return ours == .null ? nil : "\(path): \(ours) vs null"
    case let number as NSNumber:
        if ObjectIdentifier(type(of: number)) == booleanClass {
            return ours == .bool(number.boolValue) ? nil : "\(path): \(ours) vs \(number.boolValue)"
        }
        guard case .number(let value) = ours else { return "\(path): \(ours) vs number \(number)" }
        let expected: Double
        let carriesSignOfZero: Bool
        if let decimal = number as? NSDecimalNumber {
            expected = Double(decimal.description)!
            carriesSignOfZero = false
        } else {
            switch String(cString: number.objCType) {
            case "d", "f":
                expected = number.doubleValue
                carriesSignOfZero = true
            case "Q":
                expected = Double(number.uint64Value)
                carriesSignOfZero = false
            default:
                expected = Double(number.int64Value)
                carriesSignOfZero = false
            }
        }
        let same = value.bitPattern == expected.bitPattern || (!carriesSignOfZero && value == expected)
        return same ? nil : "\(path): \(value) vs \(expected) (Foundation: \(number))"
    case let text as String:
        guard case .string(let value) = ours else { return "\(path): \(ours) vs string" }
        return withoutBOM(value) == withoutBOM(text)
            ? nil : "\(path): \(value.debugDescription) vs \(text.debugDescription)"
    case let elements as [Any]:
        guard case .array(let values) = ours, values.count == elements.count else {
            return "\(path): \(ours) vs array of \(elements.count)"
        }
        for index in values.indices {
            if let found = difference(values[index], fromFoundation: elements[index], at: "\(path)[\(index)]") {
                return found
            }
        }
        return nil
    case let members as [String: Any]:
        guard case .object(let values) = ours, values.count == members.count else {
            return "\(path): \(ours) vs object of \(members.count)"
        }
        let ourMembers = Dictionary(values.map { (withoutBOM($0.key), $0.value) }) { first, _ in first }
        for (key, member) in members {
            guard let value = ourMembers[withoutBOM(key)] else { return "\(path): no key \(key.debugDescription)" }
            if let found = difference(value, fromFoundation: member, at: "\(path).\(key.debugDescription)") {
                return found
            }
        }
        return nil
    default:
        return "\(path): unexpected Foundation value \(type(of: reference))"
    }
}

/// The UTF-8 of `text` without U+FEFF.
private func withoutBOM(_ text: String) -> [UInt8] {
    Array(String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{FEFF}" })).utf8)
}

// MARK: - Generated documents

/// A generated document. Numbers keep the text they are written with; object keys are distinct.
private indirect enum Document {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([Document])
    case object([(key: String, value: Document)])

    /// The value the text denotes; numbers correctly rounded by the standard library.
    var value: JSONValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let token): .number(Double(token)!)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.value))
        case .object(let members):
            .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value.value) }))
        }
    }

    /// The value as `JSONSerialization` takes it.
    var foundationObject: Any {
        switch self {
        case .null: NSNull()
        case .bool(let flag): NSNumber(value: flag)
        case .number(let token): NSNumber(value: Double(token)!)
        case .string(let text): text
        case .array(let elements): elements.map(\.foundationObject)
        case .object(let members):
            Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value.foundationObject) }) as [String: Any]
        }
    }

    /// Plain text: numbers as generated, strings escaped only where required.
    var text: String {
        var writer = VariedWriter(seed: 0, varied: false)
        writer.write(self)
        return writer.text
    }
}

private struct DocumentGenerator {
    var random: SeededRandomNumberGenerator

    init(seed: UInt64) {
        random = SeededRandomNumberGenerator(seed: seed)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func chance(_ oneIn: Int) -> Bool { int(1...oneIn) == 1 }

    mutating func document(depth: Int = 0) -> Document {
        switch int(0...(depth >= 5 ? 5 : 9)) {
        case 0: return .null
        case 1: return .bool(chance(2))
        case 2, 3: return .number(numberToken())
        case 4, 5: return .string(string(maxLength: 16))
        case 6, 7:
            var elements: [Document] = []
            for _ in 0..<int(0...5) { elements.append(document(depth: depth + 1)) }
            return .array(elements)
        default:
            var members: [(key: String, value: Document)] = []
            var keys: Set<String> = []
            for _ in 0..<int(0...5) {
                let key = string(maxLength: 8)
                // Distinct as Swift strings, and also once U+FEFF is left out (see `difference(_:fromFoundation:)`).
                guard keys.insert(String(decoding: withoutBOM(key), as: UTF8.self)).inserted else { continue }
                members.append((key, document(depth: depth + 1)))
            }
            return .object(members)
        }
    }

    /// `count` decimal digits, the first not zero.
    mutating func digits(_ count: Int) -> String {
        var text = String(int(1...9))
        for _ in 1..<max(count, 1) { text += String(int(0...9)) }
        return text
    }

    /// A number token in one of many shapes. With `allowLong`, up to 40 significant digits; with
    /// `allowOutOfRange`, magnitudes that overflow to infinity or underflow to zero.
    mutating func numberToken(allowLong: Bool = false, allowOutOfRange: Bool = false) -> String {
        let sign = chance(4) ? "-" : ""
        let significant = allowLong && chance(3) ? int(18...40) : int(1...17)
        let mantissa = digits(significant)
        switch int(0...9) {
        case 0:
            return sign + ["0", "0.0", "0e0", "0.000E-3", "0e+12", "0.0e-0"][int(0...5)]
        case 1:
            return sign + String(int(1...1000))
        case 2:
            return sign + mantissa  // integers up to 17 (or 40) digits
        case 3, 4:
            // A plain decimal, possibly with leading zeros after the point and trailing zeros.
            let point = int(0...significant)
            let integerPart = point == 0 ? "0" : String(mantissa.prefix(point))
            let leadingZeros = point == 0 ? String(repeating: "0", count: int(0...8)) : ""
            let fraction = leadingZeros + String(mantissa.dropFirst(point)) + String(repeating: "0", count: int(0...3))
            return sign + integerPart + (fraction.isEmpty ? "" : "." + fraction)
        case 5, 6:
            return sign + exponentForm(mantissa, exponent: int(-300...300))
        case 7:
            // Tiny: subnormals, and below the smallest subnormal (rounds to zero).
            return sign + exponentForm(mantissa, exponent: int((allowOutOfRange ? -400 : -330)...(-300)))
        case 8:
            // Huge: up to 9.99e307 (or beyond the largest double).
            return sign + exponentForm(mantissa, exponent: int(300...(allowOutOfRange ? 400 : 307)))
        default:
            let hard = [
                "0.1", "0.30000000000000004", "9007199254740993", "2.2250738585072011e-308",
                "2.2250738585072012e-308", "4.9e-324", "5e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
                "8.98846567431158e307", "123456789012345678", "7.2057594037927933e16", "4.35679e-310", "1e23",
                "1E-7", "5e-1", "1.5", "100", "1e+2",
            ]
            return sign + hard[int(0...(hard.count - 1))]
        }
    }

    /// About `d.ddd` times ten to the `exponent`, with the point anywhere in the digits, in varied spelling.
    private mutating func exponentForm(_ mantissa: String, exponent: Int) -> String {
        let point = int(1...mantissa.count)
        let written = exponent - (point - 1)
        let body =
            String(mantissa.prefix(point)) + (point < mantissa.count ? "." + String(mantissa.dropFirst(point)) : "")
        let e = chance(2) ? "e" : "E"
        let exponentSign = written < 0 ? "-" : (chance(2) ? "+" : "")
        let padding = chance(5) ? "00" : ""
        return body + e + exponentSign + padding + String(abs(written))
    }

    private static let scalars: [Unicode.Scalar] = [
        "\u{E9}", "\u{DF}", "\u{3A9}", "\u{301}", "\u{4E2D}", "\u{6587}", "\u{2028}", "\u{2029}", "\u{FEFF}",
        "\u{FFFD}",
        "\u{E000}", "\u{FFFF}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{1F600}", "\u{1F469}", "\u{200D}",
        "\u{1F4BB}", "\u{1D11E}", "\u{10000}", "\u{10FFFF}",
    ]

    private static let punctuation: [Unicode.Scalar] = ["\"", "\\", "/", "]", "[", "}", "{", ",", ":", " ", "'", "#"]

    mutating func string(maxLength: Int) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<int(0...maxLength) {
            switch int(0...9) {
            case 0...3: text.append(Unicode.Scalar(UInt8(int(0x20...0x7E))))
            case 4, 5: text.append(Self.punctuation[int(0...(Self.punctuation.count - 1))])
            case 6: text.append(Unicode.Scalar(UInt8(int(0x00...0x1F))))
            default: text.append(Self.scalars[int(0...(Self.scalars.count - 1))])
            }
        }
        return String(text)
    }
}

/// Writes a document as JSON text in varied but valid spelling: whitespace between tokens, every
/// kind of escape (short ones, `\u` in either case, surrogate pairs for astral characters, `\/`).
private struct VariedWriter {
    var random: SeededRandomNumberGenerator
    var varied: Bool
    private(set) var text = ""
    private(set) var escapedSurrogatePairs = 0

    init(seed: UInt64, varied: Bool = true) {
        random = SeededRandomNumberGenerator(seed: seed)
        self.varied = varied
    }

    private mutating func chance(_ oneIn: Int) -> Bool { varied && Int.random(in: 1...oneIn, using: &random) == 1 }

    private mutating func space() {
        guard chance(3) else { return }
        let blank = [" ", "\t", "\n", "\r\n", "  ", " \n\t"][Int.random(in: 0...5, using: &random)]
        text += blank
    }

    mutating func write(_ document: Document) {
        space()
        switch document {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let token): text += token
        case .string(let value): string(value)
        case .array(let elements):
            text += "["
            space()
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                write(element)
            }
            text += "]"
        case .object(let members):
            text += "{"
            space()
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                space()
                string(member.key)
                space()
                text += ":"
                write(member.value)
            }
            text += "}"
        }
        space()
    }

    private mutating func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: chance(2))
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    private mutating func string(_ value: String) {
        text += "\""
        for scalar in value.unicodeScalars {
            let spelling = spelling(scalar)
            text += spelling
        }
        text += "\""
    }

    private mutating func spelling(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": return chance(3) ? hex(0x22) : "\\\""
        case "\\": return chance(3) ? hex(0x5C) : "\\\\"
        case "/": return chance(3) ? "\\/" : (chance(3) ? hex(0x2F) : "/")
        case "\u{8}": return chance(2) ? hex(0x08) : "\\b"
        case "\u{C}": return chance(2) ? hex(0x0C) : "\\f"
        case "\n": return chance(2) ? hex(0x0A) : "\\n"
        case "\r": return chance(2) ? hex(0x0D) : "\\r"
        case "\t": return chance(2) ? hex(0x09) : "\\t"
        case "\u{0}"..."\u{1F}": return hex(scalar.value)
        default:
            guard chance(3) else { return String(scalar) }
            guard scalar.value >= 0x10000 else { return hex(scalar.value) }
            let offset = scalar.value - 0x10000
            escapedSurrogatePairs += 1
            return hex(0xD800 + (offset >> 10)) + hex(0xDC00 + (offset & 0x3FF))
        }
    }
}
