import DriftWatchCore
import Foundation
import Hummingbird

/// `GET /v1/models/{id}/report` (and `GET /monitor/report` for the model `default` or
/// `model_id`): the model's report over a window, as one self-contained HTML page (the
/// default) or, with `format=json` or `Accept: application/json`, the same content as JSON.
///
/// Query: `from`/`to` or `window` (default the last 7 days), `version`, `segment=key:value`,
/// `threshold` (the acceptance threshold of the headline metric; default 10 % worse than its
/// reference level), `horizon` (how far the forecast looks, such as `14d`), `format`.
struct ReportRoutes<Context: RequestContext>: Sendable {
    let builder: ReportBuilder

    /// The window a report covers when the query names none.
    static var defaultWindow: TimeInterval { 7 * 86_400 }

    func add(to router: Router<Context>) {
        router.get("/v1/models/:model/report") { request, context in
            await report(request, context, model: try context.parameters.require("model"))
        }
        // The older stacks' path: the model `default`, or `model_id` from the query.
        router.get("/monitor/report") { request, context in
            await report(
                request, context, model: request.uri.queryParameters["model_id"].map(String.init) ?? "default")
        }
    }

    /// How the report is asked for, or the refusal naming the first parameter that cannot be read.
    struct Query: Sendable {
        var request: ReportBuilder.Request
        var json: Bool

        static func read(_ request: Request, now: Date) -> Result<Query, TimeWindow.Invalid> {
            let query = request.uri.queryParameters
            let window: TimeWindow
            do throws(TimeWindow.Invalid) {
                window = try TimeWindow.parse(
                    from: query["from"].map(String.init), to: query["to"].map(String.init),
                    window: query["window"].map(String.init), now: now, defaultLength: ReportRoutes.defaultWindow)
            } catch {
                return .failure(error)
            }
            let scope: TrafficScope
            switch TrafficScope.read(query) {
            case .success(let read): scope = read
            case .failure(let refusal): return .failure(refusal)
            }
            var threshold: Double?
            if let text = query["threshold"] {
                guard let value = Double(String(text)), value.isFinite else {
                    return .failure(.init(parameter: "threshold", message: "must be a finite number, such as 0.85"))
                }
                threshold = value
            }
            var horizon: TimeInterval?
            if let text = query["horizon"] {
                guard let length = TimeWindow.duration(String(text)), length <= 365 * 86_400 else {
                    return .failure(
                        .init(parameter: "horizon", message: "must be a duration up to 365d, such as 7d or 12h"))
                }
                horizon = length
            }
            let json: Bool
            switch query["format"].map(String.init) {
            case "json"?: json = true
            case "html"?: json = false
            case nil: json = request.headers[.accept]?.contains("application/json") ?? false
            case let other?:
                return .failure(.init(parameter: "format", message: "must be html or json, got '\(other)'"))
            }
            return .success(
                Query(
                    request: ReportBuilder.Request(
                        window: window, scope: scope, threshold: threshold, horizon: horizon),
                    json: json))
        }
    }

    private func report(_ request: Request, _ context: Context, model id: String) async -> Response {
        let query: Query
        switch Query.read(request, now: Date()) {
        case .success(let read): query = read
        case .failure(let refusal): return refusal.response
        }
        do {
            let report = try await builder.build(model: id, request: query.request)
            if query.json {
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: try report.json())))
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8", .xContentTypeOptions: "nosniff",
                    // Inline styles only; no script, image or request to any address.
                    .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ReportHTML.render(report))))
        } catch ModelChecks.Unavailable.noModel(let missing) {
            return JSONResponse.error(.notFound, "no model \(missing)")
        } catch {
            context.logger.error("building a report failed", metadata: ["model": "\(id)", "error": "\(error)"])
            return JSONResponse.error(
                .internalServerError, "the report could not be built; the server log has the details")
        }
    }
}
