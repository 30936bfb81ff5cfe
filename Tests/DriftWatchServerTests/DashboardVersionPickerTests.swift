import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DriftWatchServer

/// Model pages offer the model's versions; a chosen version scopes the page and is marked.
@Suite struct DashboardVersionPickerTests {
    @Test func modelPagesLinkEachVersionAndMarkTheChosenOne() async throws {
        try await withServer { client, _ in
            let events = (0..<60).map { k in
                #"{"model_id": "m", "model_version": "\#(k % 3 == 0 ? "v2" : "v1")", "request_id": "r\#(k)", "y_pred_num": \#(k), "features": {"x": \#(k)}}"#
            }.joined(separator: "\n")
            #expect(try await post(client, "/v1/inferences", events, contentType: "application/x-ndjson").status == .ok)
            let plain = #"{"model_id": "other", "request_id": "a", "y_pred_num": 1, "features": {"x": 1}}"#
            #expect(try await post(client, "/v1/inferences", plain).status == .ok)

            let all = try await page(client, "/models/m?window=1h")
            #expect(all.status == .ok)
            #expect(all.body.contains(#"<span id="version-label" class="range-label">Version</span>"#))
            #expect(all.body.contains(#"<a href="/models/m?window=1h" aria-current="true">all</a>"#))
            #expect(all.body.contains(#"<a href="/models/m?window=1h&amp;version=v1">v1</a>"#))
            #expect(all.body.contains(#"<a href="/models/m?window=1h&amp;version=v2">v2</a>"#))
            #expect(all.body.contains(">60<"), "every version's inferences")

            let chosen = try await page(client, "/models/m/latency?window=1h&version=v2")
            #expect(chosen.status == .ok)
            #expect(
                chosen.body.contains(
                    #"<a href="/models/m/latency?window=1h&amp;version=v2" aria-current="true">v2</a>"#))
            #expect(chosen.body.contains(#"<a href="/models/m/latency?window=1h">all</a>"#))
            #expect(chosen.body.contains("version v2"), "the scope note names the version")

            let unversioned = try await page(client, "/models/other?window=1h")
            #expect(unversioned.status == .ok)
            #expect(!unversioned.body.contains("version-label"), "no picker without named versions")
        }
    }
}
