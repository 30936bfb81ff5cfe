import DriftWatchCore
import Foundation
import Testing

@testable import DriftWatchSQLite

/// The map columns (features, segments, probabilities) are read back member by member; what
/// they decode to must equal what the JSON tree makes of the same text, and what was written.
@Suite struct JSONColumnsTests {
    /// Stored texts: written by ``JSONColumns`` and kept verbatim as received at ingestion
    /// (whitespace, escapes, exponents, repeated keys as a client may send them).
    static let stored: [String] = [
        "{}",
        #"{"f0":1.2345,"f1":-0.5012,"f2":0,"f3":-0,"f4":1E+2,"f5":2e-5}"#,
        #"{"a":null,"b":"cat","c":1e-07,"d":5.0}"#,
        "{ \"a\" : 1 ,\n\t\"b\" : \"x\" }",
        #"{"q":"a\"b\\c\/d\n\t\u0001\ud83d\ude00","\u00e9":"ü"}"#,
        #"{"x":1,"x":2}"#,
        #"{"big":123456789012345678901234567890,"tiny":4.9e-324,"p":0.30000000000000004}"#,
        #"{"region":"eu","tier":"gold"}"#,
    ]

    /// The tree's reading: every member, by kind.
    private static func tree(_ text: String) throws -> [String: JSONValue] {
        guard case .object(let members) = try JSONParser.parse(text) else { throw JSONColumnError.notAnObject }
        return members
    }

    @Test(arguments: stored)
    func featuresDecodeAsTheTreeReadsThem(text: String) throws {
        let expected = try Self.tree(text).mapValues { value -> FeatureValue in
            switch value {
            case .number(let number): .number(number)
            case .string(let text): .text(text)
            default: .missing
            }
        }
        #expect(try JSONColumns.decodeFeatures(text) == expected)
    }

    @Test(arguments: stored)
    func numbersAndStringsKeepOnlyTheirKind(text: String) throws {
        let members = try Self.tree(text)
        #expect(
            try JSONColumns.decodeNumbers(text)
                == members.compactMapValues { if case .number(let n) = $0 { n } else { nil } })
        #expect(
            try JSONColumns.decodeStrings(text)
                == members.compactMapValues { if case .string(let s) = $0 { s } else { nil } })
    }

    @Test func writtenColumnsReadBackToTheBit() throws {
        let features: [String: FeatureValue] = [
            "a": .number(0.1), "b": .number(-1e-300), "c": .number(1.7976931348623157e308), "d": .missing,
            "e": .text("caf\u{e9} \"q\" \\ \n"), "f": .number(-0.0), "g": .text(""),
        ]
        let decoded = try JSONColumns.decodeFeatures(JSONColumns.encode(features))
        #expect(decoded == features)
        if case .number(let zero)? = decoded["f"] { #expect(zero.sign == .minus) }
        let numbers = ["p": 0.25, "q": 1e-07, "r": 5.0]
        #expect(try JSONColumns.decodeNumbers(JSONColumns.encode(numbers)) == numbers)
        let strings = ["region": "eu", "é": "ü"]
        #expect(try JSONColumns.decodeStrings(JSONColumns.encode(strings)) == strings)
    }

    /// Rows read one after another, as the profiler reads them: a row repeats the previous
    /// row's names, all, some, in another order, with one changed or repeated.
    static let shapes: [String] = [
        #"{"a":1,"b":2,"c":3}"#, #"{"a":-0,"b":"x","c":null}"#, #"{"a":1,"b":2}"#, #"{"a":1,"b":2,"c":3,"d":4}"#,
        #"{"b":1,"a":2,"c":3}"#, #"{"a":1,"bb":2,"c":3}"#, #"{"a":1,"x":2,"c":3}"#, #"{"a":1,"b":2,"b":3}"#,
        #"{"a":1,"b":2,"c":3,"c":4}"#, #"{"\u0061":5,"b":2,"c":3}"#, #"{"é":1,"b":2,"c":3}"#, "{}",
    ]

    @Test func aReaderOfManyRowsDecodesEachAsAlone() throws {
        var reader = FeatureColumnReader()
        let pool = Self.shapes + Self.stored
        var read = 0
        // Every row after every other: twice in a row (the second time reuses the first's
        // names), then the other.
        for first in pool {
            for second in pool {
                for text in [first, first, second] {
                    #expect(try reader.decode(text) == JSONColumns.decodeFeatures(text), "\(first) then \(text)")
                    read += 1
                }
            }
        }
        #expect(read == 3 * pool.count * pool.count)
        // A bad row in between leaves the next ones as they are.
        #expect(throws: (any Error).self) { try reader.decode(#"{"a":1,"b":[2],"c":3}"#) }
        #expect(try reader.decode(#"{"a":1,"b":2,"c":3}"#) == ["a": .number(1), "b": .number(2), "c": .number(3)])
    }

    @Test(arguments: [
        "", "[]", "null", "42", #"{"a":[1]}"#, #"{"a":{"b":1}}"#, #"{"a":true}"#, #"{"a":1"#, #"{"a":1} x"#,
        #"{"a":1,}"#,
    ])
    func anythingButAFlatObjectOfScalarsIsRefused(text: String) {
        #expect(throws: (any Error).self) { try JSONColumns.decodeFeatures(text) }
    }
}
