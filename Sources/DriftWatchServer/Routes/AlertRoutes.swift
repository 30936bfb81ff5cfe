import Crypto
import DriftWatchAlerting
import DriftWatchCore
import Foundation
import HTTPTypes
import Hummingbird

/// Alert rules (with versions and an audit log), alerts, silences, backtests and delivery
/// statistics: `/v1/alert-rules`, `/v1/alerts`, `/v1/silences`, `/v1/audit`, `/v1/alerting`.
struct AlertRoutes<Context: RequestContext>: Sendable {
    let center: AlertCenter
    let limits: IngestLimits

    func add(to router: Router<Context>) {
        router.get("/v1/alert-rules") { _, _ in
            JSONResponse.make(.ok, ["rules": try await center.rules().map(Self.describe)])
        }
        router.post("/v1/alert-rules") { request, _ in
            try await save(request, id: nil)
        }
        router.post("/v1/alert-rules/backtest") { request, _ in
            try await backtest(request)
        }
        router.get("/v1/alert-rules/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let managed = try await center.rule(id: id) else {
                return JSONResponse.error(.notFound, "no alert rule \(id)")
            }
            var answer = Self.describe(managed)
            answer["versions"] = try await center.store.alertRuleVersions(id: id).map { version -> [String: Any] in
                [
                    "version": version.version, "changed_at": Timestamps.format(version.updatedAt),
                    "rule": JSONText(text: version.json),
                ]
            }
            return JSONResponse.make(.ok, answer)
        }
        router.put("/v1/alert-rules/:id") { request, context in
            try await save(request, id: try context.parameters.require("id"))
        }
        router.delete("/v1/alert-rules/:id") { request, context in
            let id = try context.parameters.require("id")
            do {
                try await center.deleteRule(id: id, actor: Self.actor(request), at: Date())
            } catch let refusal as AlertCenter.Refusal {
                return Self.answer(refusal)
            }
            return Response(status: .noContent)
        }
        router.get("/v1/alerts") { request, _ in
            let query = request.uri.queryParameters
            var state: AlertState?
            if let text = query["state"] {
                guard let parsed = AlertState(rawValue: String(text)) else {
                    return JSONResponse.make(
                        .badRequest, ["error": "must be pending, firing or resolved", "field": "state"])
                }
                state = parsed
            }
            let alerts = try await center.alerts(state: state)
            let history = try await center.store.alertHistory(state: state?.rawValue, limit: 200)
            return JSONResponse.make(
                .ok,
                [
                    "alerts": try alerts.map { JSONText(text: try AlertJSON.encode($0)) },
                    "history": history.map { entry -> [String: Any] in
                        [
                            "rule_id": entry.ruleID, "labels": JSONText(text: entry.labels), "from": entry.from,
                            "to": entry.to, "at": Timestamps.format(entry.at), "value": entry.value as Any,
                        ]
                    },
                ])
        }
        router.get("/v1/silences") { _, _ in
            JSONResponse.make(
                .ok, ["silences": try await center.silences().map { JSONText(text: try AlertJSON.encode($0)) }])
        }
        router.post("/v1/silences") { request, _ in
            try await addSilence(request)
        }
        router.delete("/v1/silences/:id") { request, context in
            do {
                try await center.expireSilence(
                    id: try context.parameters.require("id"), actor: Self.actor(request), at: Date())
            } catch let refusal as AlertCenter.Refusal {
                return Self.answer(refusal)
            }
            return Response(status: .noContent)
        }
        router.get("/v1/audit") { request, _ in
            let limit = request.uri.queryParameters["limit"].flatMap { Int($0) }.map { min(max($0, 1), 10_000) } ?? 100
            let entries = try await center.store.auditLog(limit: limit)
            return JSONResponse.make(
                .ok,
                [
                    "entries": entries.map { entry -> [String: Any] in
                        [
                            "at": Timestamps.format(entry.at), "actor": entry.actor, "action": entry.action,
                            "target": entry.target, "version": entry.version as Any,
                            "details": JSONText(text: entry.details),
                        ]
                    }
                ])
        }
        router.get("/v1/alerting/receivers") { _, _ in
            let statistics = await center.deliveryStatistics()
            return JSONResponse.make(
                .ok,
                [
                    "receivers": statistics.keys.sorted().map { name -> [String: Any] in
                        let entry = statistics[name]!
                        return [
                            "name": name, "sent": entry.sent, "failed": entry.failed, "retried": entry.retried,
                            "dropped": entry.dropped, "last_error": entry.lastError as Any,
                        ]
                    }
                ])
        }
    }

    private func save(_ request: Request, id: String?) async throws -> Response {
        guard let body = try await JSONBody.collect(request, upTo: limits.maxRowBytes) else {
            return JSONBody.tooLarge(limits.maxRowBytes)
        }
        let rule: AlertRule
        do {
            rule = try AlertJSON.decode(AlertRule.self, from: body.readableBytesView)
        } catch let error as DecodingError {
            return Self.answer(.invalid([AlertConfigurationProblem(error)]))
        } catch {
            return JSONResponse.make(.badRequest, ["error": "the body is not valid JSON: \(error)", "field": ""])
        }
        if let id, id != rule.id {
            return JSONResponse.make(
                .unprocessableContent, ["error": "must equal the id in the path (\(id))", "field": "id"])
        }
        do {
            let managed = try await center.save(rule, replacing: id != nil, actor: Self.actor(request), at: Date())
            return JSONResponse.make(id == nil ? .created : .ok, Self.describe(managed))
        } catch let refusal as AlertCenter.Refusal {
            return Self.answer(refusal)
        }
    }

    private func addSilence(_ request: Request) async throws -> Response {
        guard let body = try await JSONBody.collect(request, upTo: limits.maxRowBytes) else {
            return JSONBody.tooLarge(limits.maxRowBytes)
        }
        let actor = Self.actor(request)
        // starts_at defaults to now and created_by to the caller's key.
        guard case .object(var fields) = try? JSONParser.parse(Array(body.readableBytesView), maxDepth: limits.maxDepth)
        else { return JSONResponse.make(.badRequest, ["error": "the body must be a JSON object", "field": ""]) }
        if fields["starts_at"] == nil { fields["starts_at"] = .string(Timestamps.format(Date())) }
        if fields["created_by"] == nil { fields["created_by"] = .string(actor) }
        var writer = JSONWriter()
        writer.value(.object(fields))
        let silence: Silence
        do {
            silence = try AlertJSON.decode(Silence.self, from: writer.bytes)
        } catch let error as DecodingError {
            return Self.answer(.invalid([AlertConfigurationProblem(error)]))
        }
        do {
            try await center.add(silence, actor: actor, at: Date())
        } catch let refusal as AlertCenter.Refusal {
            return Self.answer(refusal)
        }
        return JSONResponse.make(.created, JSONText(text: try AlertJSON.encode(silence)))
    }

    /// `{"rule": {…}, "from": T, "to": T, "step": "1m"}` → when the rule would have fired.
    private func backtest(_ request: Request) async throws -> Response {
        guard let body = try await JSONBody.collect(request, upTo: limits.maxRowBytes) else {
            return JSONBody.tooLarge(limits.maxRowBytes)
        }
        let input: BacktestRequest
        do {
            input = try AlertJSON.decode(BacktestRequest.self, from: body.readableBytesView)
        } catch let error as DecodingError {
            return Self.answer(.invalid([AlertConfigurationProblem(error)]))
        }
        let problems = input.rule.validate().map { $0.nested(under: "rule") }
        guard problems.isEmpty else { return Self.answer(.invalid(problems)) }
        let report = try await AlertBacktest.run(
            input.rule, store: center.store, from: input.from, to: input.to, step: input.step ?? .minutes(1))
        return JSONResponse.make(.ok, JSONText(text: try AlertJSON.encode(report)))
    }

    private struct BacktestRequest: Decodable {
        var rule: AlertRule
        var from: Date
        var to: Date
        var step: AlertDuration?
    }

    static func describe(_ managed: AlertCenter.ManagedRule) -> [String: Any] {
        [
            "rule": JSONText(text: (try? AlertJSON.encode(managed.rule)) ?? "null"), "source": managed.source.rawValue,
            "version": managed.version,
        ]
    }

    static func answer(_ refusal: AlertCenter.Refusal) -> Response {
        switch refusal {
        case .exists(let id):
            JSONResponse.make(
                .conflict, ["error": "alert rule \(id) exists; PUT /v1/alert-rules/\(id) replaces it", "field": "id"])
        case .notFound(let id): JSONResponse.make(.notFound, ["error": "no \(id)", "field": "id"])
        case .readOnly(let id):
            JSONResponse.make(
                .conflict, ["error": "\(id) is defined in the config file; change it there", "field": "id"])
        case .invalid(let problems):
            JSONResponse.make(
                .unprocessableContent,
                [
                    "error": problems.first?.message ?? "invalid", "field": problems.first?.field ?? "",
                    "problems": problems.map { ["field": $0.field, "error": $0.message] },
                ])
        }
    }

    /// Who made a change: a fingerprint of the API key (`Authorization: Bearer …` or
    /// `X-API-Key`), never the key itself; `anonymous` without one.
    static func actor(_ request: Request) -> String {
        let bearer = request.headers[.authorization].flatMap { value -> String? in
            value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst(7)) : nil
        }
        guard let key = bearer ?? request.headers[HTTPField.Name("X-API-Key")!], !key.isEmpty else {
            return "anonymous"
        }
        let digest = SHA256.hash(data: Data(key.utf8))
        return "key:" + digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
