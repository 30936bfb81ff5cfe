/// Reads JSON objects member by member, without building a ``JSONValue`` tree, for decoders
/// that know the shape of what they read (ingestion's typed row decoders).
///
/// Scalars are read by the same code as ``JSONParser`` (``value(depth:)``), so strings and
/// numbers come out exactly as the parser makes them; object keys can be read as raw bytes, so
/// that matching a known member name allocates nothing. Every syntax error is thrown, though
/// not always with the parser's message: a decoder that needs the exact error parses the text
/// again with ``JSONParser``.
public struct JSONScanner {
    private var reader: JSONReader

    /// A scanner at the start of `bytes`; `maxDepth` is the parser's nesting limit, counted as
    /// ``JSONParser`` counts it (the outermost object is depth 1).
    public init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSONParser.defaultMaxDepth) {
        reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
    }

    /// The byte offset of the cursor.
    public var position: Int { reader.position }

    /// The next byte after whitespace (the cursor moves past the whitespace), or nil at the end.
    public mutating func peek() -> UInt8? {
        reader.skipWhitespace()
        return reader.position < reader.bytes.count ? reader.bytes[reader.position] : nil
    }

    /// Opens an object (after whitespace); false, with the cursor on the next value, when the
    /// next value is not an object.
    public mutating func enterObject() -> Bool {
        reader.skipWhitespace()
        return reader.take(UInt8(ascii: "{"))
    }

    /// Moves to the next member of the object entered last: its key as raw UTF-8 bytes (valid
    /// only as long as the scanned buffer), with the cursor on the member's value; nil after the
    /// closing `}`. `first` says whether no member was read yet. A key with escapes is refused
    /// (thrown), so that the raw bytes are always the key's text.
    public mutating func nextRawKey(first: Bool) throws(JSONSyntaxError) -> UnsafeBufferPointer<UInt8>? {
        guard try openMember(first: first) else { return nil }
        switch try readKey(decodingEscapes: false) {
        case .raw(let key): return key
        case .decoded: throw reader.error("a key the scanner does not read raw")  // refused in readKey
        }
    }

    /// A member's key: its raw UTF-8 bytes when it has no escapes (valid only as long as the
    /// scanned buffer), else its text decoded as the parser decodes it.
    public enum Key {
        case raw(UnsafeBufferPointer<UInt8>)
        case decoded(String)
    }

    /// As ``nextRawKey(first:)``, but a key with escapes is decoded instead of refused.
    public mutating func nextKeyBytes(first: Bool) throws(JSONSyntaxError) -> Key? {
        guard try openMember(first: first) else { return nil }
        return try readKey(decodingEscapes: true)
    }

    /// The key at the cursor (on its opening quote) and the `:` after it. With
    /// `decodingEscapes`, a key with an escape or a control byte is read by the parser's string
    /// reader (which decodes the one and refuses the other); without, it is refused.
    private mutating func readKey(decodingEscapes: Bool) throws(JSONSyntaxError) -> Key {
        let start = reader.position + 1
        var end = start
        var ascii = true
        while true {
            guard end < reader.bytes.count else { throw reader.error("unterminated string") }
            let byte = reader.bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") || byte < 0x20 {
                guard decodingEscapes else { throw reader.error("a key the scanner does not read raw") }
                let key = try reader.string()
                try closeKey()
                return .decoded(key)
            }
            if byte >= 0x80 { ascii = false }
            end += 1
        }
        let key = UnsafeBufferPointer(rebasing: reader.bytes[start..<end])
        if !ascii, String(validating: key, as: UTF8.self) == nil { throw reader.error("invalid UTF-8 in a string") }
        reader.position = end + 1
        try closeKey()
        return .raw(key)
    }

    /// Moves to the next member of the object entered last: its key, decoded as the parser
    /// decodes it, with the cursor on the member's value; nil after the closing `}`.
    public mutating func nextKey(first: Bool) throws(JSONSyntaxError) -> String? {
        guard try openMember(first: first) else { return nil }
        let key = try reader.string()
        try closeKey()
        return key
    }

    /// The value at the cursor, parsed as ``JSONParser`` parses it; `depth` is the nesting depth
    /// of the object or array that holds it (1 for a member of the outermost object).
    public mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        reader.skipWhitespace()
        return try reader.value(depth: depth)
    }

    /// Whether only whitespace is left.
    public mutating func isAtEnd() -> Bool { peek() == nil }

    /// Before a key: skips `,` between members; false (after consuming it) at the closing `}`.
    private mutating func openMember(first: Bool) throws(JSONSyntaxError) -> Bool {
        reader.skipWhitespace()
        if reader.take(UInt8(ascii: "}")) { return false }
        if !first {
            guard reader.take(UInt8(ascii: ",")) else { throw reader.error("expected ',' or '}' in an object") }
            reader.skipWhitespace()
        }
        guard reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: "\"") else {
            throw reader.error("expected a string key in an object")
        }
        return true
    }

    /// After a key: the `:` and the whitespace before the value.
    private mutating func closeKey() throws(JSONSyntaxError) {
        reader.skipWhitespace()
        guard reader.take(UInt8(ascii: ":")) else { throw reader.error("expected ':' after an object key") }
        reader.skipWhitespace()
    }
}
