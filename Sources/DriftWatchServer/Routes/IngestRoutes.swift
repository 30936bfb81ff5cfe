import DriftWatchCore
import Foundation
import Hummingbird

/// `POST /v1/inferences` and `POST /v1/labels`: validate, store, acknowledge after commit.
struct IngestRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore
    let limits: IngestLimits
    let admission: IngestAdmission
    let metrics: ServerMetrics

    init(store: any EventStore, limits: IngestLimits, metrics: ServerMetrics) {
        self.store = store
        self.limits = limits
        self.metrics = metrics
        self.admission = IngestAdmission(capacity: limits.maxPendingEvents, metrics: metrics)
    }

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
        for row in decoded.rejected { metrics.rejected(field: row.field) }
        let fresh: [Bool]
        do {
            guard
                let stored = try await admitted(events.count, { events.isEmpty ? [] : try await store.insert(events) })
            else { return Self.busy() }
            fresh = stored
        } catch {
            context.logger.error("storing inferences failed: \(error)")
            return JSONResponse.error(.serviceUnavailable, "the events could not be stored; retry")
        }
        record(events, fresh)
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
        for row in decoded.rejected { metrics.rejected(field: row.field) }
        let labels = decoded.labels.map(\.label)
        do {
            let written: Bool? = try await admitted(labels.count) {
                if !labels.isEmpty { try await store.insert(labels) }
                return true
            }
            guard written != nil else { return Self.busy() }
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

    /// Runs `write` with room reserved for `count` rows, and gives the room back however it
    /// ends; nil when the ingest queue is full.
    private func admitted<T: Sendable>(_ count: Int, _ write: () async throws -> T) async throws -> T? {
        guard await admission.reserve(count) else { return nil }
        do {
            let result = try await write()
            await admission.release(count)
            return result
        } catch {
            await admission.release(count)
            throw error
        }
    }

    /// Counts newly stored inferences and their latencies, per model.
    private func record(_ events: [InferenceEvent], _ fresh: [Bool]) {
        var perModel: [String: Int] = [:]
        for (event, isNew) in zip(events, fresh) where isNew {
            perModel[event.modelID, default: 0] += 1
            if let latency = event.latencyMilliseconds {
                metrics.predictionLatency(model: event.modelID, milliseconds: latency)
            }
        }
        for (model, count) in perModel { metrics.predictionsStored(model: model, count: count) }
    }

    /// 429 with `Retry-After`: the queue of events waiting for their commit is full.
    private static func busy() -> Response {
        var response = JSONResponse.error(.tooManyRequests, "the ingest queue is full; retry after 1 second")
        response.headers[.retryAfter] = "1"
        return response
    }
}
