/// Cuts a body that arrives in chunks into rows without holding the whole body, so that a
/// request of any length is parsed and stored in bounded memory.
///
/// Two framings:
/// - ``Framing/lines`` (NDJSON): each non-blank line is a row. A bad line is only that row's
///   problem; the next line starts afresh.
/// - ``Framing/document``: a JSON array, each element a row; or one or more top-level values
///   separated by whitespace (a single object is the common case), each a row.
///
/// Rows are found by scanning structure only (strings, escapes and bracket depth); each row is
/// then parsed on its own, so a row with a syntax error inside is reported as that row. Only a
/// broken structure between rows (a missing comma, an unterminated string or array) stops the
/// body, with a ``Malformed`` error.
public struct JSONRowSplitter: Sendable {
    /// How rows are delimited.
    public enum Framing: Sendable {
        /// One JSON value per line (NDJSON, JSON Lines).
        case lines
        /// A JSON array of rows, or whitespace-separated top-level values.
        case document
    }

    /// A row found in the body.
    public enum Piece {
        /// The bytes of one row, valid only during the callback.
        case row(UnsafeBufferPointer<UInt8>)
        /// A row longer than the limit; its bytes were skipped.
        case oversized(bytes: Int)
    }

    /// The body's structure is broken: no further rows can be found.
    public struct Malformed: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// The 0-based byte offset in the body.
        public var offset: Int

        public var description: String { "\(message) at byte \(offset)" }
    }

    private enum State {
        /// Before the first non-blank byte of a document.
        case start
        /// Between rows: expecting a row, the end of the array, or (outside an array) whitespace.
        case betweenRows
        /// After an array element: expecting ',' or ']'.
        case afterElement
        /// Inside a row.
        case inRow
        /// After the closing ']': only whitespace may follow.
        case finished
    }

    /// The framing in use.
    public let framing: Framing
    /// The largest row kept, in bytes; longer rows are reported as ``Piece/oversized(bytes:)``.
    public let maxRowBytes: Int

    private var state = State.start
    private var inArray = false
    private var expectingElement = false
    private var current: [UInt8] = []
    private var currentBytes = 0
    /// In lines: how many of `currentBytes` are blanks at the end of the row so far (not part of it
    /// unless more of the row follows).
    private var trailingBlanks = 0
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var consumed = 0

    /// Creates a splitter.
    public init(framing: Framing, maxRowBytes: Int) {
        self.framing = framing
        self.maxRowBytes = maxRowBytes
    }

    /// Scans the next chunk of the body, handing each complete row to `emit`.
    public mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>, _ emit: (Piece) -> Void
    ) throws(Malformed) {
        switch framing {
        case .lines: feedLines(chunk, emit)
        case .document: try feedDocument(chunk, emit)
        }
        consumed += chunk.count
    }

    /// Ends the body, handing over a last row that had no terminator.
    public mutating func finish(_ emit: (Piece) -> Void) throws(Malformed) {
        switch framing {
        case .lines:
            if state == .inRow { endRow(nil, 0, 0, emit) }
        case .document:
            if state == .inRow {
                guard depth == 0, !inString, !inArray else {
                    throw Malformed(message: "the body ends inside a value", offset: consumed)
                }
                endRow(nil, 0, 0, emit)
                state = .betweenRows
            }
            if inArray && state != .finished {
                throw Malformed(message: "the body ends before the array's closing ']'", offset: consumed)
            }
        }
    }

    // MARK: - NDJSON

    private mutating func feedLines(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (Piece) -> Void) {
        var rowStart = 0
        var index = 0
        while index < chunk.count {
            let byte = chunk[index]
            if byte == 0x0A {
                if state == .inRow { endRow(chunk, rowStart, index, emit) }
                state = .betweenRows
            } else if state != .inRow && !Self.isBlank(byte) {
                state = .inRow
                rowStart = index
                current.removeAll(keepingCapacity: true)
                currentBytes = 0
                trailingBlanks = 0
            }
            index += 1
        }
        if state == .inRow { keep(chunk, rowStart, chunk.count) }
    }

    // MARK: - Arrays and value sequences

    private mutating func feedDocument(
        _ chunk: UnsafeBufferPointer<UInt8>, _ emit: (Piece) -> Void
    ) throws(Malformed) {
        var rowStart = 0
        var index = 0
        while index < chunk.count {
            let byte = chunk[index]
            switch state {
            case .start, .betweenRows:
                if Self.isBlank(byte) { break }
                if state == .start && byte == UInt8(ascii: "[") {
                    inArray = true
                    state = .betweenRows
                } else if inArray && byte == UInt8(ascii: "]") && !expectingElement {
                    state = .finished
                } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    throw malformed("expected a value, found \(JSONReader.describe(byte))", index)
                } else {
                    beginRow(at: index, &rowStart)
                    continue  // scan this byte as part of the row
                }
            case .afterElement:
                if Self.isBlank(byte) { break }
                if byte == UInt8(ascii: ",") {
                    expectingElement = true
                    state = .betweenRows
                } else if byte == UInt8(ascii: "]") {
                    state = .finished
                } else {
                    throw malformed("expected ',' or ']' after an array element", index)
                }
            case .finished:
                guard Self.isBlank(byte) else { throw malformed("unexpected text after the array", index) }
            case .inRow:
                let (end, scan) = scanRow(chunk, from: index)
                switch scan {
                case .inside:
                    index = end  // the end of the chunk
                case .endsWithByte:
                    endRow(chunk, rowStart, end + 1, emit)
                    state = inArray ? .afterElement : .betweenRows
                    expectingElement = false
                    index = end + 1
                case .endsBeforeByte:
                    endRow(chunk, rowStart, end, emit)
                    state = inArray ? .afterElement : .betweenRows
                    expectingElement = false
                    index = end  // the delimiter is read again in the new state
                }
                continue
            }
            index += 1
        }
        if state == .inRow { keep(chunk, rowStart, chunk.count) }
    }

    private mutating func beginRow(at index: Int, _ rowStart: inout Int) {
        state = .inRow
        rowStart = index
        current.removeAll(keepingCapacity: true)
        currentBytes = 0
        depth = 0
        inString = false
        escaped = false
        rowHasBytes = false
    }

    private enum RowScan {
        case inside
        case endsWithByte
        case endsBeforeByte
    }

    /// Scans a row of a document from chunk[start] to where it ends (the index of its last byte,
    /// or of the delimiter after it) or to the end of the chunk. The row is an object or array
    /// (it ends with its closing bracket), a string (it ends with its quote), or a bare scalar
    /// (it ends before the next delimiter).
    ///
    /// The state is held in locals while scanning, and a string's plain bytes are skipped in a
    /// loop of their own: this scan reads every byte of every body, and a call per byte on the
    /// splitter's stored state took twice as long (5 % of the server's CPU in batches of 1,000).
    private mutating func scanRow(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> (index: Int, scan: RowScan) {
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        var depth = self.depth
        var inString = self.inString
        var escaped = self.escaped
        var hasBytes = rowHasBytes
        defer {
            self.depth = depth
            self.inString = inString
            self.escaped = escaped
            rowHasBytes = hasBytes
        }
        var index = start
        let end = chunk.count
        while index < end {
            let byte = chunk[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == backslash {
                    escaped = true
                } else if byte == quote {
                    inString = false
                    if depth == 0 { return (index, .endsWithByte) }
                } else {
                    index += 1
                    while index < end && chunk[index] != quote && chunk[index] != backslash { index += 1 }
                    hasBytes = true
                    continue
                }
                hasBytes = true
                index += 1
                continue
            }
            switch byte {
            case quote:
                if depth == 0 && hasBytes { return (index, .endsBeforeByte) }
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 0 && hasBytes { return (index, .endsBeforeByte) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return (index, .endsBeforeByte) }
                depth -= 1
                if depth == 0 { return (index, .endsWithByte) }
            case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                if depth == 0 { return (index, .endsBeforeByte) }
            default:
                break
            }
            hasBytes = true
            index += 1
        }
        return (end, .inside)
    }

    private var rowHasBytes = false

    // MARK: - Row buffer

    /// The trailing blanks of the row once chunk[start..<end] is added to it: in lines, trailing
    /// blanks (and the \r of \r\n) are not part of the row, wherever the chunks were cut.
    private func trailingBlanks(after chunk: UnsafeBufferPointer<UInt8>?, _ start: Int, _ end: Int) -> Int {
        guard framing == .lines else { return 0 }
        var last = end
        if let chunk { while last > start && Self.isBlank(chunk[last - 1]) { last -= 1 } }
        return last == start ? trailingBlanks + (end - start) : end - last
    }

    /// Keeps chunk[start..<end] as part of the current row, unless the row is already too long.
    /// At most `maxRowBytes` bytes are held: in lines, a row of that size may be followed by blanks
    /// that turn out not to be part of it.
    private mutating func keep(_ chunk: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        trailingBlanks = trailingBlanks(after: chunk, start, end)
        currentBytes += end - start
        if currentBytes - trailingBlanks > maxRowBytes {
            current.removeAll(keepingCapacity: false)
        } else {
            let count = min(end - start, maxRowBytes - current.count)
            current.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<(start + count)]))
        }
    }

    /// Hands over the row that ends at chunk[end] (or at the end of the body when `chunk` is nil).
    private mutating func endRow(
        _ chunk: UnsafeBufferPointer<UInt8>?, _ start: Int, _ end: Int, _ emit: (Piece) -> Void
    ) {
        defer {
            current.removeAll(keepingCapacity: true)
            currentBytes = 0
            trailingBlanks = 0
        }
        let blanks = trailingBlanks(after: chunk, start, end)
        let total = currentBytes + (end - start) - blanks
        if total > maxRowBytes {
            emit(.oversized(bytes: total))
        } else if currentBytes == 0, let chunk {
            emit(.row(UnsafeBufferPointer(rebasing: chunk[start..<(end - blanks)])))
        } else {
            // The row's bytes are all held (it is not too long); drop the blanks after them.
            if let chunk { current.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<end])) }
            current.removeLast(current.count - total)
            current.withUnsafeBufferPointer { emit(.row($0)) }
        }
    }

    private func malformed(_ message: String, _ index: Int) -> Malformed {
        Malformed(message: message, offset: consumed + index)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
