import DriftWatchCore
import Foundation
import Hummingbird

/// Service-health reads from the profiles: `GET /v1/models/{id}/overview`, `/latency` and
/// `/segments`. Each answers in time proportional to the window's buckets, whatever the number
/// of events.
struct TrafficRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore
    let models: ModelRegistry

    /// Points in the scatter sample of the overview.
    static var scatterPoints: Int { 500 }
    /// Segments listed in the overview.
    static var topSegments: Int { 10 }

    func add(to router: Router<Context>) {
        router.get("/v1/models/:model/overview") { request, context in
            try await answer(request, context) { id, window, scope in try await overview(id, window, scope, request) }
        }
        router.get("/v1/models/:model/latency") { request, context in
            try await answer(request, context) { id, window, scope in try await latency(id, window, scope) }
        }
        router.get("/v1/models/:model/segments") { request, context in
            try await answer(request, context) { id, window, scope in try await segments(id, window, scope) }
        }
    }

    /// Reads the model, window and scope, and turns a missing model into 404.
    private func answer(
        _ request: Request, _ context: Context,
        _ body: (String, TimeWindow, TrafficScope) async throws -> [String: Any]
    ) async throws -> Response {
        let id = try context.parameters.require("model")
        let query = request.uri.queryParameters
        let window: TimeWindow
        let scope: TrafficScope
        switch TimeWindow.readScoped(query) {
        case .success(let read): (window, scope) = read
        case .failure(let refusal): return refusal.response
        }
        guard try await models.lookUp(id) != nil else { return JSONResponse.error(.notFound, "no model \(id)") }
        // Read-your-writes: events acknowledged before this request are in the answer.
        try await Profiler(store: store).catchUp()
        var body = try await body(id, window, scope)
        body["model_id"] = id
        body["window"] = window.json
        body["scope"] = scope.json
        return JSONResponse.make(.ok, body)
    }

    /// The resolution of a chart's buckets: minutes up to 6 hours, hours up to 14 days, else days.
    static func resolution(_ window: TimeWindow) -> ProfileResolution {
        let length = window.to.timeIntervalSince(window.from)
        return length <= 6 * 3600 ? .minute : length <= 14 * 86_400 ? .hour : .day
    }

    private func overview(_ id: String, _ window: TimeWindow, _ scope: TrafficScope, _ request: Request)
        async throws -> [String: Any]
    {
        // Four independent reads, run together on the store's reader connections.
        let resolution = Self.resolution(window)
        async let windowProfile = store.windowProfile(
            modelID: id, version: scope.version, segment: scope.segment, from: window.from, to: window.to,
            detail: .summary)
        async let windowSeries = store.profileSeries(
            modelID: id, version: scope.version, segment: scope.segment, resolution: resolution, from: window.from,
            to: window.to)
        async let segmentProfiles = store.segmentProfiles(
            modelID: id, version: scope.version, from: window.from, to: window.to)
        async let recentEvents = store.recentEvents(
            modelID: id, from: window.from, to: window.to, limit: Self.scatterPoints)
        let (profile, series, segments, events) = try await (windowProfile, windowSeries, segmentProfiles, recentEvents)
        let minutes = max(window.to.timeIntervalSince(window.from) / 60, 1)
        let top = segments.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(Self.topSegments)
        let feature =
            request.uri.queryParameters["feature"].map(String.init)
            ?? profile.features.filter { $0.value.moments.count > 0 }.keys.sorted().first
        return [
            "inferences": profile.count,
            "errors": profile.errors,
            "error_rate": profile.errorRate as Any,
            "latency_ms": ["p50": profile.latencyQuantile(0.5) as Any, "p95": profile.latencyQuantile(0.95) as Any],
            "inferences_per_minute": Double(profile.count) / minutes,
            "resolution": resolution.rawValue,
            "series": series.map { ["start": Timestamps.format($0.start), "inferences": $0.profile.count] },
            "top_segments": top.map { segment(name: $0.key, $0.value, total: profile.count) },
            "scatter": [
                "feature": feature as Any,
                "points": feature.map { name in Self.scatterJSON(events, feature: name) } ?? JSONText(text: "[]"),
            ],
        ]
    }

    private func latency(_ id: String, _ window: TimeWindow, _ scope: TrafficScope) async throws -> [String: Any] {
        let resolution = Self.resolution(window)
        async let windowProfile = store.windowProfile(
            modelID: id, version: scope.version, segment: scope.segment, from: window.from, to: window.to,
            detail: .summary)
        async let windowSeries = store.profileSeries(
            modelID: id, version: scope.version, segment: scope.segment, resolution: resolution, from: window.from,
            to: window.to)
        let (profile, series) = try await (windowProfile, windowSeries)
        return [
            "inferences": profile.count,
            "errors": profile.errors,
            "error_rate": profile.errorRate as Any,
            "latency_ms": Self.latencySummary(profile),
            "resolution": resolution.rawValue,
            "series": series.map { bucket -> [String: Any] in
                var entry = Self.latencySummary(bucket.profile)
                entry["start"] = Timestamps.format(bucket.start)
                entry["inferences"] = bucket.profile.count
                entry["errors"] = bucket.profile.errors
                entry["error_rate"] = bucket.profile.errorRate as Any
                return entry
            },
        ]
    }

    private func segments(_ id: String, _ window: TimeWindow, _ scope: TrafficScope) async throws -> [String: Any] {
        async let windowTotal = store.windowProfile(
            modelID: id, version: scope.version, segment: ProfileBuilder.allTraffic, from: window.from, to: window.to,
            detail: .summary)
        async let segmentProfiles = store.segmentProfiles(
            modelID: id, version: scope.version, from: window.from, to: window.to)
        let (total, segments) = try await (windowTotal, segmentProfiles)
        let ordered = segments.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        return [
            "inferences": total.count,
            "segments": ordered.map { segment(name: $0.key, $0.value, total: total.count) },
        ]
    }

    private func segment(name: String, _ profile: TrafficProfile, total: Int) -> [String: Any] {
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        let features = profile.features.values
        let values = features.reduce(0) { $0 + $1.present + $1.missing }
        return [
            "segment": name, "key": parts.first ?? name, "value": parts.count > 1 ? parts[1] : "",
            "inferences": profile.count, "share": total == 0 ? 0 : Double(profile.count) / Double(total),
            "errors": profile.errors, "error_rate": profile.errorRate as Any,
            "latency_ms": ["p50": profile.latencyQuantile(0.5) as Any, "p95": profile.latencyQuantile(0.95) as Any],
            "prediction_mean": profile.prediction.moments.count > 0 ? profile.prediction.moments.mean : NSNull(),
            "missing_rate": values == 0 ? 0 : Double(features.reduce(0) { $0 + $1.missing }) / Double(values),
        ]
    }

    static func latencySummary(_ profile: TrafficProfile) -> [String: Any] {
        [
            "p50": profile.latencyQuantile(0.5) as Any, "p95": profile.latencyQuantile(0.95) as Any,
            "p99": profile.latencyQuantile(0.99) as Any,
            "mean": profile.latencyMoments.count > 0 ? profile.latencyMoments.mean : NSNull(),
            "max": profile.latencyMoments.count > 0 ? profile.latencyMoments.maximum : NSNull(),
        ]
    }

    /// Prediction against one numeric feature, with the event's first segment tag for colour.
    /// One point of the prediction-vs-feature scatter.
    struct ScatterPoint {
        var x: Double
        var y: Double
        var segment: String?
        var timestamp: Date
    }

    /// The events' points for `feature` (events without a number for it or a prediction are left out).
    static func scatterPoints(_ events: [InferenceEvent], feature: String) -> [ScatterPoint] {
        events.compactMap { event in
            guard case .number(let x)? = event.features[feature],
                let y = event.predictionNumber ?? event.probabilities["1"]
            else { return nil }
            let segment = event.segments.keys.sorted().first.map { "\($0):\(event.segments[$0]!)" }
            return ScatterPoint(x: x, y: y, segment: segment, timestamp: event.timestamp)
        }
    }

    /// The points as JSON, written directly: hundreds of small dictionaries cost more to encode
    /// through ``JSONResponse`` than the rest of the overview. Same keys and order.
    static func scatterJSON(_ events: [InferenceEvent], feature: String) -> JSONText {
        var writer = JSONWriter()
        writer.raw("[")
        for (index, point) in scatterPoints(events, feature: feature).enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"segment\":")
            if let segment = point.segment { writer.string(segment) } else { writer.null() }
            writer.raw(",\"ts\":")
            writer.string(Timestamps.format(point.timestamp))
            writer.raw(",\"x\":")
            writer.number(point.x)
            writer.raw(",\"y\":")
            writer.number(point.y)
            writer.raw("}")
        }
        writer.raw("]")
        return JSONText(text: writer.text)
    }
}
