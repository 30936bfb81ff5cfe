import DriftWatchCore
import Hummingbird

/// The answer to an ingest request, written straight to JSON bytes: it is on the path of every
/// request, and a single-event request should not pay for `JSONSerialization`.
struct IngestAnswer {
    var accepted = 0
    /// For inferences: duplicates, request ids and schema violations.
    var duplicates: Int?
    var requestIDs: [String]?
    var schemaViolations: Int?
    var rejected: [RejectedRow] = []
    var rejectedCount = 0
    var error: String?

    func response(_ status: HTTPResponse.Status) -> Response {
        var writer = JSONWriter()
        writer.raw("{\"accepted\":")
        writer.integer(accepted)
        if let duplicates {
            writer.raw(",\"duplicates\":")
            writer.integer(duplicates)
        }
        if let error {
            writer.raw(",\"error\":")
            writer.string(error)
        }
        writer.raw(",\"rejected\":")
        writer.array(rejected) { writer, row in
            writer.raw("{\"error\":")
            writer.string(row.error)
            writer.raw(",\"field\":")
            writer.string(row.field)
            writer.raw(",\"index\":")
            writer.integer(row.index)
            writer.raw("}")
        }
        writer.raw(",\"rejected_count\":")
        writer.integer(rejectedCount)
        if let requestIDs {
            writer.raw(",\"request_ids\":")
            writer.array(requestIDs) { $0.string($1) }
        }
        if let schemaViolations {
            writer.raw(",\"schema_violations\":")
            writer.integer(schemaViolations)
        }
        writer.raw("}")
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }
}
