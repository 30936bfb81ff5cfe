import DriftStats
import DriftWatchCore
import Foundation
import Hummingbird

/// `POST/GET/DELETE /v1/models/{id}/reference` (`?version=` for a model version's own
/// reference) and `GET /v1/models/{id}/drift`.
struct ReferenceRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore
    let models: ModelRegistry
    let limits: IngestLimits

    func add(to router: Router<Context>) {
        router.post("/v1/models/:model/reference") { request, context in
            let id = try context.parameters.require("model")
            return try await Self.versioned(request) { try await upload(request, model: id, version: $0) }
        }
        router.post("/v1/models/:model/reference/window") { request, context in
            let id = try context.parameters.require("model")
            return try await Self.versioned(request) { try await fromWindow(request, model: id, version: $0) }
        }
        router.get("/v1/models/:model/reference") { request, context in
            let id = try context.parameters.require("model")
            return try await Self.versioned(request) { version in
                guard let reference = try await store.reference(modelID: id, version: version) else {
                    let path = "/v1/models/\(id)/reference" + (version.map { "?version=\($0)" } ?? "")
                    return JSONResponse.error(
                        .notFound, "\(Self.whose(id, version)) has no reference; POST one to \(path)")
                }
                var summary = Self.summary(reference)
                summary["versions_with_reference"] = try await store.referenceVersions(modelID: id)
                return JSONResponse.make(.ok, summary)
            }
        }
        router.delete("/v1/models/:model/reference") { request, context in
            let id = try context.parameters.require("model")
            return try await Self.versioned(request) { version in
                guard try await store.deleteReference(modelID: id, version: version) else {
                    return JSONResponse.error(.notFound, "\(Self.whose(id, version)) has no reference")
                }
                return Response(status: .noContent)
            }
        }
        router.get("/v1/models/:model/drift") { request, context in
            try await drift(request, model: try context.parameters.require("model"))
        }
        // The older stacks' path: the model `default`, or `model_id` from the query.
        router.get("/monitor/drift") { request, _ in
            try await drift(request, model: request.uri.queryParameters["model_id"].map(String.init) ?? "default")
        }
    }

    /// A reference named by a past window of the model's own production traffic (`from`, `to`
    /// or `window`), sampled to at most `limit` events (newest first).
    private func fromWindow(_ request: Request, model id: String, version: String?) async throws -> Response {
        let query = request.uri.queryParameters
        let window: TimeWindow
        switch TimeWindow.read(query) {
        case .success(let read): window = read
        case .failure(let refusal): return refusal.response
        }
        let limit = query["limit"].flatMap { Int($0) } ?? ModelChecks.referenceSample
        guard limit > 0, limit <= ModelChecks.maxEvents else {
            return JSONResponse.make(
                .badRequest, ["error": "must be an integer from 1 to \(ModelChecks.maxEvents)", "field": "limit"])
        }
        guard let model = try await models.lookUp(id) else { return JSONResponse.error(.notFound, "no model \(id)") }
        let rows = try await store.features(
            modelID: id, version: version, from: window.from, to: window.to, limit: limit)
        guard !rows.isEmpty else {
            return JSONResponse.error(.unprocessableContent, "\(Self.whose(id, version)) has no events in the window")
        }
        var reference = ReferenceDataset(
            modelID: id, source: "window \(Timestamps.format(window.from)) – \(Timestamps.format(window.to))",
            rows: rows, schema: model.schema, createdAt: Date())
        reference.modelVersion = version
        try await store.save(reference)
        return JSONResponse.make(.created, Self.summary(reference))
    }

    private func upload(_ request: Request, model id: String, version: String?) async throws -> Response {
        guard let body = try await JSONBody.collect(request, upTo: limits.maxBodyBytes) else {
            return JSONBody.tooLarge(limits.maxBodyBytes)
        }
        let bytes = Array(body.readableBytesView)
        let existing = try await models.lookUp(id)
        let schema = existing?.schema ?? ModelSchema()
        var reference: ReferenceDataset
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if contentType.contains("csv") {
            do {
                let table = try CSVTable(bytes: bytes, file: "reference.csv")
                reference = ReferenceDataset(modelID: id, table: table, schema: schema, createdAt: Date())
            } catch {
                return JSONResponse.error(.badRequest, "the CSV cannot be read: \(error.message)")
            }
        } else {
            switch ReferenceRows.read(bytes, contentType: contentType, limits: limits) {
            case .failure(let problem): return JSONResponse.error(.badRequest, problem.message)
            case .success(let rows):
                reference = ReferenceDataset(
                    modelID: id, source: "upload", rows: rows, schema: schema, createdAt: Date())
            }
        }
        reference.modelVersion = version
        guard reference.rowCount > 0, !reference.columns.isEmpty else {
            return JSONResponse.error(.unprocessableContent, "the reference has no rows or no columns")
        }
        if existing == nil {
            // A reference may come before any traffic: the model is created with the reference's columns.
            var features: [String: FeatureType] = [:]
            for column in reference.columns {
                features[column.name] = column.kind == .numeric ? .numeric : .categorical
            }
            _ = try await models.declare(
                ModelDefinition(
                    id: id, task: .unknown, schema: ModelSchema(features: features), origin: .learned,
                    createdAt: Date()))
        }
        try await store.save(reference)
        return JSONResponse.make(.created, Self.summary(reference))
    }

    private func drift(_ request: Request, model id: String) async throws -> Response {
        let query = request.uri.queryParameters
        let window: TimeWindow
        switch TimeWindow.read(query) {
        case .success(let read): window = read
        case .failure(let refusal): return refusal.response
        }
        var options = DriftReportOptions()
        if let names = query["method"].map(String.init), names != "auto" {
            var methods: [DriftMethod] = []
            for name in names.split(separator: ",") {
                guard let method = DriftMethod(rawValue: String(name)) else {
                    return JSONResponse.make(
                        .badRequest,
                        [
                            "error":
                                "unknown method \"\(name)\"; known: auto, \(DriftMethod.allCases.map(\.rawValue).joined(separator: ", "))",
                            "field": "method",
                        ])
                }
                methods.append(method)
            }
            options.methods = methods
        }
        let scope: TrafficScope
        switch TrafficScope.read(query) {
        case .success(let read): scope = read
        case .failure(let refusal): return refusal.response
        }
        let source = query["source"].map(String.init) ?? "profiles"
        guard source == "profiles" || source == "events" else {
            return JSONResponse.make(.badRequest, ["error": "must be profiles or events", "field": "source"])
        }
        var limit = ModelChecks.maxEvents
        if let text = query["limit"] {
            guard let value = Int(text), value > 0, value <= ModelChecks.maxEvents else {
                return JSONResponse.make(
                    .badRequest, ["error": "must be an integer from 1 to \(ModelChecks.maxEvents)", "field": "limit"])
            }
            limit = value
        }
        let checks = ModelChecks(store: store, models: models)
        var answer: [String: Any] = ["model_id": id, "window": window.json, "source": source, "scope": scope.json]
        do {
            if source == "events" {
                guard scope == .all else {
                    return JSONResponse.make(
                        .badRequest, ["error": "source=events answers for all traffic only", "field": "source"])
                }
                let result = try await checks.drift(model: id, window: window, options: options, limit: limit)
                answer["events"] = result.events
                answer["truncated"] = result.truncated
                answer["report"] = JSONText(text: result.report.jsonText())
            } else {
                let result = try await checks.profileDrift(model: id, window: window, scope: scope, options: options)
                answer["events"] = result.profile.count
                answer["truncated"] = false
                answer["reference"] = Self.origin(result.reference)
                answer["report"] = JSONText(text: result.report.jsonText())
            }
        } catch let unavailable as ModelChecks.Unavailable {
            return JSONResponse.error(.notFound, unavailable.message)
        }
        return JSONResponse.make(.ok, answer)
    }

    /// `version` from the query: nil when absent; refused when empty.
    static func version(_ request: Request) -> Result<String?, TimeWindow.Invalid> {
        guard let text = request.uri.queryParameters["version"].map(String.init) else { return .success(nil) }
        guard !text.isEmpty else {
            return .failure(TimeWindow.Invalid(parameter: "version", message: "must not be empty"))
        }
        return .success(text)
    }

    /// Runs `answer` with the request's `version`, or answers 400 naming it.
    static func versioned(_ request: Request, _ answer: (String?) async throws -> Response) async throws -> Response {
        switch version(request) {
        case .success(let version): return try await answer(version)
        case .failure(let refusal): return refusal.response
        }
    }

    /// "model m", or "version v of model m", for messages.
    static func whose(_ id: String, _ version: String?) -> String {
        version.map { "version \($0) of model \(id)" } ?? "model \(id)"
    }

    /// Which reference an answer was computed against.
    static func origin(_ reference: ReferenceDataset) -> [String: Any] {
        [
            "source": reference.source, "rows": reference.rowCount,
            "model_version": reference.modelVersion as Any,
        ]
    }

    static func summary(_ reference: ReferenceDataset) -> [String: Any] {
        [
            "model_id": reference.modelID,
            "model_version": reference.modelVersion as Any,
            "source": reference.source,
            "rows": reference.rowCount,
            "created_at": Timestamps.format(reference.createdAt),
            "columns": reference.columns.map {
                ["name": $0.name, "kind": $0.kind.rawValue, "missing": $0.missing] as [String: Any]
            },
        ]
    }
}

/// Rows of a JSON or NDJSON reference upload: objects with a `features` map (events) or flat
/// objects of feature values.
enum ReferenceRows {
    static func read(_ bytes: [UInt8], contentType: String, limits: IngestLimits) -> Result<
        [[String: FeatureValue]], Malformed
    > {
        var splitter = JSONRowSplitter(
            framing: IngestBodyReader.framing(contentType: contentType), maxRowBytes: limits.maxRowBytes)
        var rows: [[String: FeatureValue]] = []
        var problem: String?
        func take(_ piece: JSONRowSplitter.Piece) {
            guard problem == nil else { return }
            let index = rows.count
            guard case .row(let row) = piece else {
                problem = "row \(index) is longer than \(limits.maxRowBytes) bytes"
                return
            }
            guard case .object(let object) = (try? JSONParser.parse(row, maxDepth: limits.maxDepth)) ?? .null else {
                problem = "row \(index) is not a JSON object"
                return
            }
            // Features are read by the same rules (and limits) as the features of an event.
            let members = object["features"]?.objectValue ?? object
            do throws(RejectedRow) {
                let fields = try EventFields(.object(["features": .object(members)]), index: index, limits: limits)
                rows.append(try fields.features("features").values)
            } catch {
                problem = "row \(index): \(error.field): \(error.error)"
            }
        }
        do {
            try bytes.withUnsafeBufferPointer { buffer in try splitter.feed(buffer, take) }
            try splitter.finish(take)
        } catch {
            return .failure(Malformed(message: "the body is not valid JSON: \(error)"))
        }
        if let problem { return .failure(Malformed(message: problem)) }
        return .success(rows)
    }

    struct Malformed: Error {
        var message: String
    }
}
