import DriftWatchCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// References named by a window of the model's own traffic.
@Suite struct ReferenceWindowTests {
    @Test func aPastWindowBecomesTheReference() async throws {
        try await withServer { client, store in
            let now = Date()
            let formatter = ISO8601DateFormatter()
            // Last week: x around 10; the last hour: x around 50.
            let week = (0..<500).map { k in
                #"{"model_id": "m", "request_id": "w\#(k)", "ts": "\#(formatter.string(from: now - 5 * 86_400 + Double(k)))", "features": {"x": \#(10 + Double(k % 20)), "c": "a"}}"#
            }
            let hour = (0..<300).map { k in
                #"{"model_id": "m", "request_id": "h\#(k)", "ts": "\#(formatter.string(from: now - 1_800 + Double(k)))", "features": {"x": \#(50 + Double(k % 20)), "c": "a"}}"#
            }
            let body = (week + hour).joined(separator: "\n")
            #expect(try await post(client, "/v1/inferences", body, contentType: "application/x-ndjson").status == .ok)
            let from = formatter.string(from: now - 6 * 86_400)
            let to = formatter.string(from: now - 4 * 86_400)
            let made = try await post(client, "/v1/models/m/reference/window?from=\(from)&to=\(to)", "{}")
            #expect(made.status == .created, "\(made.body)")
            #expect(made.body["rows"] as? Int == 500)
            #expect((made.body["source"] as? String)?.hasPrefix("window ") == true)
            let stored = try #require(try await store.reference(modelID: "m"))
            #expect(stored.rowCount == 500)
            let drift = try await get(client, "/v1/models/m/drift?window=1h")
            let report = try #require(drift.body["report"] as? [String: Any])
            let features = try #require(report["features"] as? [[String: Any]])
            #expect(features.first { $0["name"] as? String == "x" }?["drift"] as? Bool == true)
            let empty = try await post(
                client, "/v1/models/m/reference/window?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z", "{}")
            #expect(empty.status == .unprocessableContent)
            #expect(try await post(client, "/v1/models/nope/reference/window?window=1d", "{}").status == .notFound)
        }
    }
}
