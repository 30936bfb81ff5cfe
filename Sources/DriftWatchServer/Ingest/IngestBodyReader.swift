import DriftWatchCore
import Foundation
import Hummingbird

/// Reads a request body as a stream of rows: splits it (``JSONRowSplitter``), parses each row,
/// decodes it into an item, and hands the items over in parts of at most
/// ``IngestLimits/maxEventsPerCommit`` as the body streams in, so that a body of any length is
/// stored in bounded memory.
///
/// A body shorter than one part is parsed whole before anything is handed over: if its structure
/// turns out broken, nothing of it is stored.
struct IngestBodyReader {
    /// Why reading stopped.
    enum End: Sendable {
        /// The whole body was read.
        case complete
        /// The body passed ``IngestLimits/maxBodyBytes``.
        case tooLarge
        /// The structure between rows is broken; rows before it in the same part were dropped.
        case malformed(JSONRowSplitter.Malformed)
    }

    /// What was read.
    struct Outcome: Sendable {
        var end: End
        /// Rows seen, good and bad.
        var rows = 0
        /// Rejected rows, up to ``IngestLimits/maxReportedRejections``.
        var rejected: [RejectedRow] = []
        /// All rejected rows.
        var rejectedCount = 0
        /// Rejected rows that were not JSON at all.
        var syntaxErrors = 0
    }

    let limits: IngestLimits

    /// One row, parsed.
    struct ParsedRow {
        var value: JSONValue
        /// The 0-based position of the row in the body.
        var index: Int
        /// The text of the member named by `keepingText`, as received (for storing it without
        /// encoding it again).
        var keptText: String?
    }

    /// The framing a content type asks for: NDJSON / JSON Lines, else a JSON document.
    static func framing(contentType: String?) -> JSONRowSplitter.Framing {
        guard let type = contentType else { return .document }
        // "jsonl" also covers "jsonlines".
        return contains(type, "ndjson") || contains(type, "jsonl") || contains(type, "json-lines")
            ? .lines : .document
    }

    /// The first `Content-Length` and `Content-Type`, in one pass over the headers: looking a
    /// name up in `HTTPFields` collects and joins every field of that name, which cost more
    /// than the rest of reading a one-event request's headers.
    static func lengthAndType(_ headers: HTTPFields) -> (length: String?, type: String?) {
        var length: String?
        var type: String?
        for field in headers {
            if length == nil && field.name == .contentLength {
                length = field.value
            } else if type == nil && field.name == .contentType {
                type = field.value
            }
        }
        return (length, type)
    }

    /// Whether `text` contains the lowercase ASCII `word`, ignoring ASCII case. Byte by byte:
    /// Foundation's `lowercased()` and `contains` cost more than the rest of reading a
    /// one-event request's headers.
    private static func contains(_ text: String, _ word: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = word.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            return (0...(bytes.count - count)).contains { start in
                (0..<count).allSatisfy { k in
                    let byte = bytes[start + k]
                    let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                    return lower == word.utf8Start[k]
                }
            }
        }
    }

    /// Reads `request`'s body; `decode` turns a row into an item, `deliver` stores a part.
    /// `keepingText` names a member of each row whose received text is handed to `decode`.
    /// `decodeBytes`, when it gives an item, decodes a row straight from its bytes; when it
    /// gives nil, the row is parsed and handed to `decode`, which has the last word.
    func read<Item>(
        _ request: Request, keepingText member: String? = nil,
        decodeBytes: (UnsafeBufferPointer<UInt8>) -> Item? = { _ in nil },
        decode: (ParsedRow) throws(RejectedRow) -> Item,
        deliver: ([Item]) async throws -> Void
    ) async throws -> Outcome {
        var outcome = Outcome(end: .complete)
        let (contentLength, contentType) = Self.lengthAndType(request.headers)
        if let declared = contentLength.flatMap(Int.init), declared > limits.maxBodyBytes {
            outcome.end = .tooLarge
            return outcome
        }
        var splitter = JSONRowSplitter(
            framing: Self.framing(contentType: contentType), maxRowBytes: limits.maxRowBytes)
        var items: [Item] = []
        var received = 0
        func take(_ piece: JSONRowSplitter.Piece) {
            let index = outcome.rows
            outcome.rows += 1
            switch piece {
            case .oversized(let bytes):
                reject(
                    RejectedRow(
                        index: index, field: "", error: "the row is \(bytes) bytes; the limit is \(limits.maxRowBytes)"),
                    &outcome)
            case .row(let bytes):
                if let item = decodeBytes(bytes) {
                    items.append(item)
                    return
                }
                let parsed: ParsedRow
                do throws(JSONSyntaxError) {
                    let (value, range) = try JSONParser.parse(bytes, capturing: member, maxDepth: limits.maxDepth)
                    parsed = ParsedRow(
                        value: value, index: index,
                        keptText: range.map {
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
                        }
                    )
                } catch {
                    outcome.syntaxErrors += 1
                    reject(RejectedRow(index: index, field: "", error: "not valid JSON: \(error)"), &outcome)
                    return
                }
                do throws(RejectedRow) {
                    items.append(try decode(parsed))
                } catch {
                    reject(error, &outcome)
                }
            }
        }
        do {
            for try await chunk in request.body {
                received += chunk.readableBytes
                if received > limits.maxBodyBytes {
                    outcome.end = .tooLarge
                    return outcome
                }
                try chunk.withUnsafeReadableBytes { raw in
                    try splitter.feed(raw.assumingMemoryBound(to: UInt8.self), take)
                }
                if items.count >= limits.maxEventsPerCommit {
                    // Whole parts now; the remainder waits for more rows.
                    let whole = items.count / limits.maxEventsPerCommit * limits.maxEventsPerCommit
                    for start in stride(from: 0, to: whole, by: limits.maxEventsPerCommit) {
                        try await deliver(Array(items[start..<start + limits.maxEventsPerCommit]))
                    }
                    items.removeFirst(whole)
                }
            }
            try splitter.finish(take)
        } catch let error as JSONRowSplitter.Malformed {
            outcome.end = .malformed(error)
            return outcome
        }
        if !items.isEmpty { try await deliver(items) }
        return outcome
    }

    private func reject(_ row: RejectedRow, _ outcome: inout Outcome) {
        outcome.rejectedCount += 1
        if outcome.rejected.count < limits.maxReportedRejections { outcome.rejected.append(row) }
    }
}
