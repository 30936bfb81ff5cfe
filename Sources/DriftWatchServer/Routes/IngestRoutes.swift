import DriftWatchCore
import Foundation
import Hummingbird

/// `POST /v1/inferences` and `POST /v1/labels`: stream, validate, store, acknowledge after commit.
struct IngestRoutes<Context: RequestContext>: Sendable {
    let writer: GroupCommitWriter
    let models: ModelRegistry
    let limits: IngestLimits
    let admission: IngestAdmission
    let metrics: ServerMetrics

    func add(to router: Router<Context>) {
        router.post("/v1/inferences") { request, context in try await inferences(request, context) }
        router.post("/v1/labels") { request, context in try await labels(request, context) }
    }

    /// Why storing stopped early.
    private enum Refusal: Error {
        case busy
        case storage(any Error)
    }

    private func inferences(_ request: Request, _ context: Context) async throws -> Response {
        let receivedAt = Date()
        var stored = IngestAnswer(duplicates: 0, requestIDs: [], schemaViolations: 0)
        let reader = IngestBodyReader(limits: limits)
        var decoder = InferenceRowDecoder(limits: limits, receivedAt: receivedAt)
        let outcome: IngestBodyReader.Outcome
        do {
            outcome = try await reader.read(
                request, keepingText: "features",
                decodeBytes: { decoder.decode($0) },
                decode: { (row) throws(RejectedRow) in
                    try EventRowDecoding.inference(
                        row.value, index: row.index, limits: limits, receivedAt: receivedAt,
                        featuresText: row.keptText)
                },
                deliver: { events in
                    let fresh = try await write(events.count) {
                        let checked = try await models.check(events)
                        let fresh = try await writer.insert(checked)
                        for (event, isNew) in zip(checked, fresh) where isNew {
                            stored.schemaViolations! += event.schemaViolations.count
                        }
                        return fresh
                    }
                    stored.accepted += events.count
                    stored.duplicates! += fresh.count { !$0 }
                    // A loop: a lazy map over the events copied each one to read its id.
                    stored.requestIDs!.reserveCapacity(stored.requestIDs!.count + events.count)
                    for event in events { stored.requestIDs!.append(event.requestID) }
                    record(events, fresh)
                })
        } catch let refusal as Refusal {
            return refused(refusal, context, stored)
        }
        return answer(outcome, stored)
    }

    private func labels(_ request: Request, _ context: Context) async throws -> Response {
        let receivedAt = Date()
        var stored = IngestAnswer()
        let reader = IngestBodyReader(limits: limits)
        let decoder = LabelRowDecoder(limits: limits, receivedAt: receivedAt)
        let outcome: IngestBodyReader.Outcome
        do {
            outcome = try await reader.read(
                request,
                decodeBytes: { decoder.decode($0) },
                decode: { (row) throws(RejectedRow) in
                    try EventRowDecoding.label(row.value, index: row.index, limits: limits, receivedAt: receivedAt)
                },
                deliver: { labels in
                    try await write(labels.count) { try await writer.insert(labels) }
                    stored.accepted += labels.count
                })
        } catch let refusal as Refusal {
            return refused(refusal, context, stored)
        }
        return answer(outcome, stored)
    }

    /// The answer once the body has been read: 200 when anything was stored (or the body was
    /// empty), 400 when nothing in it was JSON, 422 when every row was refused, 413 and 400 when
    /// reading stopped early (saying what was stored before).
    private func answer(_ outcome: IngestBodyReader.Outcome, _ stored: IngestAnswer) -> Response {
        for row in outcome.rejected { metrics.rejected(field: row.field) }
        var answer = stored
        answer.rejected = outcome.rejected
        answer.rejectedCount = outcome.rejectedCount
        switch outcome.end {
        case .tooLarge:
            answer.error = "the body is larger than \(limits.maxBodyBytes) bytes"
            return answer.response(.contentTooLarge)
        case .malformed(let error):
            answer.error = "the body is not valid JSON: \(error)"
            return answer.response(.badRequest)
        case .complete:
            if answer.accepted > 0 || outcome.rejectedCount == 0 { return answer.response(.ok) }
            if outcome.syntaxErrors == outcome.rows {
                answer.error = "the body is not valid JSON: \(outcome.rejected.first?.error ?? "")"
                return answer.response(.badRequest)
            }
            return answer.response(.unprocessableContent)
        }
    }

    /// Runs `write` with room reserved for `count` rows, giving the room back however it ends.
    private func write<T: Sendable>(_ count: Int, _ write: () async throws -> T) async throws -> T {
        guard admission.reserve(count) else { throw Refusal.busy }
        do {
            let result = try await write()
            admission.release(count)
            return result
        } catch {
            admission.release(count)
            throw Refusal.storage(error)
        }
    }

    private func refused(_ refusal: Refusal, _ context: Context, _ stored: IngestAnswer) -> Response {
        var answer = stored
        switch refusal {
        case .busy:
            answer.error = "the ingest queue is full; retry after 1 second"
            var response = answer.response(.tooManyRequests)
            response.headers[.retryAfter] = "1"
            return response
        case .storage(let error):
            context.logger.error("storing events failed", metadata: ["error": "\(error)"])
            answer.error = "the events could not be stored; retry"
            return answer.response(.serviceUnavailable)
        }
    }

    /// Counts newly stored inferences and their latencies, per model.
    /// A part is nearly always of one model: counted by runs of one model, not hashed per event.
    private func record(_ events: [InferenceEvent], _ fresh: [Bool]) {
        var start = 0
        var latencies: [Double] = []
        while start < events.count {
            let model = events[start].modelID
            var count = 0
            latencies.removeAll(keepingCapacity: true)
            var end = start
            while end < events.count && events[end].modelID == model {
                if fresh[end] {
                    count += 1
                    if let latency = events[end].latencyMilliseconds { latencies.append(latency) }
                }
                end += 1
            }
            metrics.predictionsStored(model: model, count: count)
            metrics.predictionLatencies(model: model, milliseconds: latencies)
            start = end
        }
    }
}
