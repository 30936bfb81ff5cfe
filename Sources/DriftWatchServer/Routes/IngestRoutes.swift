import DriftWatchCore
import Foundation
import Hummingbird

/// `POST /v1/inferences` and `POST /v1/labels`: validate, store, acknowledge after commit.
struct IngestRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore
    let limits: IngestLimits

    func add(to router: Router<Context>) {
        router.post("/v1/inferences") { request, context in try await inferences(request, context) }
        router.post("/v1/labels") { request, context in try await labels(request, context) }
    }

    private enum Rows {
        case parsed([JSONValue])
        case refused(Response)
    }

    private func rows(_ request: inout Request) async throws -> Rows {
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limits.maxBodyBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return .refused(
                JSONResponse.error(.contentTooLarge, "the body is larger than \(limits.maxBodyBytes) bytes"))
        }
        do {
            let rows = try RequestBodyRows.rows(
                Array(buffer.readableBytesView), contentType: request.headers[.contentType])
            return .parsed(rows)
        } catch {
            return .refused(JSONResponse.error(.badRequest, error.message))
        }
    }

    private func inferences(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let parsed: [JSONValue]
        switch try await rows(&request) {
        case .parsed(let rows): parsed = rows
        case .refused(let response): return response
        }
        let decoded = EventRowDecoding.inferences(parsed, limits: limits, receivedAt: Date())
        let events = decoded.events.map(\.event)
        let fresh: [Bool]
        do {
            fresh = events.isEmpty ? [] : try await store.insert(events)
        } catch {
            context.logger.error("storing inferences failed: \(error)")
            return JSONResponse.error(.serviceUnavailable, "the events could not be stored; retry")
        }
        return JSONResponse.make(
            events.isEmpty && !decoded.rejected.isEmpty ? .unprocessableContent : .ok,
            [
                "accepted": events.count,
                "duplicates": fresh.count { !$0 },
                "request_ids": events.map(\.requestID),
                "rejected": decoded.rejected.map { ["index": $0.index, "field": $0.field, "error": $0.error] },
            ])
    }

    private func labels(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let parsed: [JSONValue]
        switch try await rows(&request) {
        case .parsed(let rows): parsed = rows
        case .refused(let response): return response
        }
        let decoded = EventRowDecoding.labels(parsed, limits: limits, receivedAt: Date())
        do {
            if !decoded.labels.isEmpty { try await store.insert(decoded.labels.map(\.label)) }
        } catch {
            context.logger.error("storing labels failed: \(error)")
            return JSONResponse.error(.serviceUnavailable, "the labels could not be stored; retry")
        }
        return JSONResponse.make(
            decoded.labels.isEmpty && !decoded.rejected.isEmpty ? .unprocessableContent : .ok,
            [
                "accepted": decoded.labels.count,
                "rejected": decoded.rejected.map { ["index": $0.index, "field": $0.field, "error": $0.error] },
            ])
    }
}
