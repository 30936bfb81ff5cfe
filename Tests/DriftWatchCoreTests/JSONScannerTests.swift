import DriftWatchCore
import Testing

@Suite struct JSONScannerTests {
    /// Not an object, or text after it.
    private struct Leftover: Error {}

    /// Scans an object's members: raw keys, decoded keys and values.
    private func members(_ text: String, raw: Bool, maxDepth: Int = 32) throws -> [String: JSONValue] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(bytes: buffer, maxDepth: maxDepth)
            guard scanner.enterObject() else { throw Leftover() }
            var result: [String: JSONValue] = [:]
            var first = true
            while true {
                let key: String
                if raw {
                    guard let bytes = try scanner.nextRawKey(first: first) else { break }
                    key = String(decoding: bytes, as: UTF8.self)
                } else {
                    guard let text = try scanner.nextKey(first: first) else { break }
                    key = text
                }
                first = false
                result[key] = try scanner.value(depth: 1)
            }
            guard scanner.isAtEnd() else { throw Leftover() }
            return result
        }
    }

    @Test func readsMembersAsTheParserDoes() throws {
        let texts = [
            #"{}"#, " { } ", #"{"a":1,"b":[true,null],"c":{"d":"e\u00e9"}}"#,
            "{\n \"é\" : -0.5e3 ,\t\"x\":\"\\\"\"\n}\n",
        ]
        for text in texts {
            let parsed = try JSONParser.parse(text).objectValue
            #expect(try members(text, raw: true) == parsed, "\(text)")
            #expect(try members(text, raw: false) == parsed, "\(text)")
        }
    }

    @Test func rawKeysRefuseEscapesThatDecodedKeysRead() throws {
        let text = #"{"a\u0062":1}"#
        #expect(throws: JSONSyntaxError.self) { try members(text, raw: true) }
        #expect(try members(text, raw: false) == ["ab": .number(1)])
    }

    @Test(arguments: [
        #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":1 "b":2}"#, #"{a:1}"#, #"{"a":1"#, #"{"a":[1}"#, #"{"a":1} 2"#,
        "{\"a\u{1}\":1}", #"{"a":{"b":{}}}"#,
    ])
    func refusesWhatTheParserRefuses(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text, maxDepth: 2) }
        #expect(throws: (any Error).self) { try members(text, raw: true, maxDepth: 2) }
        #expect(throws: (any Error).self) { try members(text, raw: false, maxDepth: 2) }
    }

    @Test func peeksPastWhitespaceAndSaysWhenAValueIsNotAnObject() {
        let bytes = Array("  [1]".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(bytes: buffer)
            let entered = scanner.enterObject()
            let next = scanner.peek()
            #expect(!entered)
            #expect(next == UInt8(ascii: "["))
            #expect(scanner.position == 2)
        }
    }
}
