import DriftWatchCore
import Foundation

/// One page of the dashboard: reads what it shows for a request and lays it out with its
/// template. Pages read through the same checks and store calls as the JSON API.
protocol DashboardPage: Sendable {
    /// The page for `request`; throws ``DashboardFailure`` for an unknown model.
    func document(for request: DashboardRequest) async throws -> DashboardDocument
}

/// What an empty page or card says: what is missing, and the commands that provide it.
struct EmptyState: Sendable {
    let heading: String
    let text: String
    let commands: [String]
}

/// Commands shown in empty states, with the server's address and the model filled in.
enum DashboardCommands {
    /// `text` quoted for a POSIX shell.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.text
    }

    /// Logs one prediction for `model`.
    static func postInference(_ origin: String, model: String) -> String {
        let body =
            #"{"model_id": \#(jsonString(model)), "request_id": "r-1", "y_pred_num": 0.91, "latency_ms": 12, "features": {"amount": 120.5}}"#
        return "curl -X POST \(origin)/v1/inferences -H 'Content-Type: application/json' -d \(shellQuoted(body))"
    }

    /// Logs the label of that prediction.
    static func postLabel(_ origin: String, model: String) -> String {
        let body = #"{"model_id": \#(jsonString(model)), "request_id": "r-1", "y_true_num": 1}"#
        return "curl -X POST \(origin)/v1/labels -H 'Content-Type: application/json' -d \(shellQuoted(body))"
    }

    /// Uploads a reference CSV for `model`.
    static func uploadReference(_ origin: String, model: String) -> String {
        "driftwatch reference upload --model \(shellQuoted(model)) --file train.csv --server \(origin)"
    }

    /// Declares `model`'s task.
    static func declareTask(_ origin: String, model: String) -> String {
        let body = #"{"id": \#(jsonString(model)), "task": "binary"}"#
        return "curl -X POST \(origin)/v1/models -H 'Content-Type: application/json' -d \(shellQuoted(body))"
    }
}
