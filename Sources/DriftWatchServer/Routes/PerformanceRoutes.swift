import DriftWatchCore
import Foundation
import Hummingbird

/// `GET /v1/models/{id}/performance`: realized performance of the predictions in a window that
/// have their labels, scored exactly as `driftwatch perf` scores a CSV file.
struct PerformanceRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore
    let models: ModelRegistry

    func add(to router: Router<Context>) {
        router.get("/v1/models/:model/performance") { request, context in
            try await performance(request, model: try context.parameters.require("model"))
        }
        // The older stacks' path: the model `default`, or `model_id` from the query.
        router.get("/monitor/performance") { request, _ in
            try await performance(request, model: request.uri.queryParameters["model_id"].map(String.init) ?? "default")
        }
    }

    private func performance(_ request: Request, model id: String) async throws -> Response {
        let query = request.uri.queryParameters
        let window: TimeWindow
        switch TimeWindow.read(query) {
        case .success(let read): window = read
        case .failure(let refusal): return refusal.response
        }
        let checks = ModelChecks(store: store, models: models)
        let labeled: LabeledWindow
        let report: PerformanceReport
        do {
            (labeled, report) = try await checks.performance(
                model: id, window: window, positive: query["positive"].map(String.init))
        } catch let unavailable as ModelChecks.Unavailable {
            return JSONResponse.error(
                unavailable == .noModel(id) ? .notFound : .unprocessableContent, unavailable.message)
        } catch let error as CSVError {
            return JSONResponse.error(
                .unprocessableContent, "the labelled predictions cannot be scored: \(error.message)")
        }
        return JSONResponse.make(
            .ok,
            [
                "model_id": id,
                "window": window.json,
                "inferences": labeled.inferences,
                "labeled": labeled.pairs.count,
                "label_coverage": labeled.inferences == 0
                    ? 0 : Double(labeled.pairs.count) / Double(labeled.inferences),
                "report": JSONText(text: report.json()),
            ])
    }
}

/// Labelled predictions as the CSV table `driftwatch perf` reads (`y_true`, `y_pred`, and
/// `proba` or `proba_<class>`), so that the server and the command line score identically.
enum LabeledTable {
    static func csv(_ pairs: [LabeledWindow.Pair], task: PerformanceTask, positive: String?)
        -> (text: String, hasProbability: Bool)
    {
        let classes = Set(pairs.flatMap(\.probabilities.keys)).sorted()
        let hasProbability = !classes.isEmpty
        var lines: [String] = []
        var header = ["y_true", "y_pred"]
        let positiveClass =
            positive ?? classes.first { ["1", "1.0", "true", "yes"].contains($0.lowercased()) } ?? classes.last
        switch task {
        case .binary where hasProbability: header.append("proba")
        case .multiclass where hasProbability: header += classes.map { "proba_\($0)" }
        default: break
        }
        lines.append(header.map(field).joined(separator: ","))
        for pair in pairs {
            let truth = pair.truthText ?? pair.truthNumber.map(FeatureValue.label) ?? ""
            let predicted = pair.predictionText ?? pair.predictionNumber.map(FeatureValue.label) ?? ""
            var row = [truth, predicted]
            switch task {
            case .binary where hasProbability:
                row.append(positiveClass.flatMap { pair.probabilities[$0] }.map { "\($0)" } ?? "")
            case .multiclass where hasProbability:
                row += classes.map { pair.probabilities[$0].map { "\($0)" } ?? "" }
            default: break
            }
            lines.append(row.map(field).joined(separator: ","))
        }
        return (lines.joined(separator: "\n") + "\n", hasProbability)
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
