import Foundation

/// A JSON syntax error and the byte offset where it was found.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The 0-based byte offset in the parsed text.
    public var offset: Int

    public var description: String { "\(message) at byte \(offset)" }
}

/// Parses RFC 8259 JSON text into a ``JSONValue``.
///
/// Written by hand because ingestion parses hundreds of thousands of events a second, and
/// Foundation's `JSONDecoder` into an untyped value manages about 140,000 of our events a second
/// on two cores. This parser reads the bytes once, builds the values directly, validates UTF-8
/// only where a string has non-ASCII bytes, and enforces a nesting limit as it descends (deep
/// nesting is refused instead of exhausting the stack).
public enum JSONParser {
    /// The nesting limit used when none is given.
    public static let defaultMaxDepth = 32

    /// Parses exactly one JSON value (surrounded by optional whitespace).
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = defaultMaxDepth
    ) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes, capturing: nil, maxDepth: maxDepth).value
    }

    /// Parses exactly one JSON value, and says where the value of the top-level object's member
    /// `member` lies in `bytes` (nil when the value is not an object, has no such member, or no
    /// member is asked for), so that a caller can keep that member's text as it came.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, capturing member: String?, maxDepth: Int = defaultMaxDepth
    ) throws(JSONSyntaxError) -> (value: JSONValue, captured: Range<Int>?) {
        var reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
        reader.capturedKey = member
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.position == bytes.count else { throw reader.error("unexpected text after the JSON value") }
        return (value, reader.captured)
    }

    /// Parses exactly one JSON value from `bytes`.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) in try parse(buffer, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    /// Parses exactly one JSON value from `text`.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}

/// The cursor of one parse.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0
    /// A member of the top-level object whose value's byte range is recorded in ``captured``.
    var capturedKey: String?
    var captured: Range<Int>?

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, offset: position) }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Whether the next byte is `byte`; consumes it if so.
    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else { throw error("unexpected end of JSON") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        case let byte:
            throw error("unexpected \(Self.describe(byte))")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        position += 1
        // Members are collected first and hashed once into a dictionary of the right size;
        // growing the dictionary member by member rehashes it at every doubling.
        var members: [(String, JSONValue)] = []
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return .object([:]) }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a string key in an object")
            }
            let key = try string()
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { throw error("expected ':' after an object key") }
            skipWhitespace()
            let start = position
            members.append((key, try value(depth: depth)))
            if depth == 1, let capturedKey, key == capturedKey { captured = start..<position }
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            if take(UInt8(ascii: "}")) { return .object(Dictionary(members) { _, last in last }) }
            throw error(position < bytes.count ? "expected ',' or '}' in an object" : "unexpected end of JSON")
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth))
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            if take(UInt8(ascii: "]")) { return .array(elements) }
            throw error(position < bytes.count ? "expected ',' or ']' in an array" : "unexpected end of JSON")
        }
    }

    /// `word` at the cursor; an error names the first byte that differs, where it is.
    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        for k in 0..<word.utf8CodeUnitCount {
            guard position + k < bytes.count else {
                throw JSONSyntaxError(message: "unexpected end of JSON", offset: bytes.count)
            }
            let byte = bytes[position + k]
            guard byte == word.utf8Start[k] else {
                throw JSONSyntaxError(message: "unexpected \(Self.describe(byte))", offset: position + k)
            }
        }
        position += word.utf8CodeUnitCount
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        position += 1
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(
                    UnsafeBufferPointer(rebasing: bytes[start..<position]), ascii: ascii, quote: start - 1)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw error("control character in a string") }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        throw error("unterminated string")
    }

    /// The string's text; invalid UTF-8 is reported at the string's opening quote, at `quote`.
    private func makeString(
        _ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool, quote: Int
    ) throws(JSONSyntaxError) -> String {
        if ascii { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw JSONSyntaxError(message: "invalid UTF-8 in a string", offset: quote)
        }
        return text
    }

    /// The slow path of ``string()``: a string with escapes, decoded into a byte buffer.
    private mutating func escapedString(from start: Int) throws(JSONSyntaxError) -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return try utf8.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                    try makeString(buffer, ascii: false, quote: start - 1)
                }
            case UInt8(ascii: "\\"):
                let escapeStart = position
                position += 1
                guard position < bytes.count else { throw error("unterminated string") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape(at: escapeStart))
                default:
                    throw JSONSyntaxError(
                        message: "invalid escape \\\(Character(Unicode.Scalar(escape)))", offset: escapeStart)
                }
            case 0..<0x20:
                throw error("control character in a string")
            default:
                utf8.append(byte)
                position += 1
            }
        }
        throw error("unterminated string")
    }

    /// `\uXXXX` (after the `u`; the backslash is at `escapeStart`), with a following low surrogate
    /// when the first is a high one. Surrogate errors point at the escape that is wrong.
    private mutating func unicodeEscape(at escapeStart: Int) throws(JSONSyntaxError) -> [UInt8] {
        let first = try hexQuad()
        var scalarValue = first
        if (0xD800...0xDBFF).contains(first) {
            let lowStart = position
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")) else {
                throw JSONSyntaxError(
                    message: "a high surrogate \\u escape must be followed by a low one", offset: lowStart)
            }
            let second = try hexQuad()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONSyntaxError(message: "invalid low surrogate \\u escape", offset: lowStart)
            }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(first) {
            throw JSONSyntaxError(message: "unpaired low surrogate \\u escape", offset: escapeStart)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw error("invalid \\u escape") }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("unterminated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in a \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// A number per the JSON grammar, converted with the CSV reader's correctly rounded parser.
    private mutating func number() throws(JSONSyntaxError) -> Double {
        let start = position
        _ = take(UInt8(ascii: "-"))
        guard position < bytes.count, Self.isDigit(bytes[position]) else { throw error("invalid number") }
        if !take(UInt8(ascii: "0")) { skipDigits() }
        if take(UInt8(ascii: ".")) {
            guard position < bytes.count, Self.isDigit(bytes[position]) else { throw error("invalid number") }
            skipDigits()
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard position < bytes.count, Self.isDigit(bytes[position]) else { throw error("invalid number") }
            skipDigits()
        }
        let parsed: NumberParser.Value
        if position < bytes.count, let base = bytes.baseAddress {
            parsed = NumberParser.parse(base, start, position)
        } else {
            // NumberParser reads one byte past the end; give it a terminated copy.
            let copy = Array(bytes[start..<position]) + [0]
            parsed = copy.withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, 0, copy.count - 1) }
        }
        switch parsed {
        case .number(let value): return value
        case .missing: return bytes[start] == UInt8(ascii: "-") ? -.infinity : .infinity  // overflow
        case .notANumber: throw error("invalid number")
        }
    }

    private mutating func skipDigits() {
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
