import DriftWatchCore
import Hummingbird
import NIOCore

/// A request body that is one JSON value (a model declaration, an older-stack prediction).
enum JSONBody {
    case json(JSONValue)
    /// The answer refusing it: 413 over ``IngestLimits/maxRowBytes``, 400 when it is not JSON.
    case refused(Response)

    static func read(_ request: Request, limits: IngestLimits) async throws -> JSONBody {
        guard let buffer = try await collect(request, upTo: limits.maxRowBytes) else {
            return .refused(tooLarge(limits.maxRowBytes))
        }
        do {
            return .json(
                try buffer.withUnsafeReadableBytes { raw in
                    try JSONParser.parse(raw.assumingMemoryBound(to: UInt8.self), maxDepth: limits.maxDepth)
                })
        } catch {
            return .refused(JSONResponse.error(.badRequest, "the body is not valid JSON: \(error)"))
        }
    }

    /// The whole body, or nil when it is longer than `limit` bytes.
    static func collect(_ request: Request, upTo limit: Int) async throws -> ByteBuffer? {
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            return nil
        }
    }

    /// 413 naming the limit.
    static func tooLarge(_ limit: Int) -> Response {
        JSONResponse.error(.contentTooLarge, "the body is larger than \(limit) bytes")
    }
}
