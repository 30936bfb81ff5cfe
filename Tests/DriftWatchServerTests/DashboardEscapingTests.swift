import DriftWatchCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Model ids, feature names and segment values are whatever clients send: markup in them must
/// come out as text on every page, and links to them must still work.
@Suite struct DashboardEscapingTests {
    static let model = #"<script>alert("m")</script>&'"#
    static let feature = #"<b onmouseover="x()">f&</b>"#
    static let segment = #"<i>eu</i>"#

    /// Events of the hostile model with the hostile feature and segment value, as NDJSON.
    static func events() throws -> String {
        try (0..<200).map { i in
            let event: [String: Any] = [
                "model_id": model, "request_id": "r\(i)", "y_pred_num": Double(i % 10) / 10, "latency_ms": i % 50,
                "features": [feature: Double(i % 7), "plain": i % 2 == 0 ? "a" : "b"],
                "segments": ["region": segment],
            ]
            return String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self)
        }.joined(separator: "\n")
    }

    @Test func markupInNamesIsEscapedOnEveryPage() async throws {
        try await withServer { client, store in
            #expect(
                try await post(client, "/v1/inferences", try Self.events(), contentType: "application/x-ndjson").status
                    == .ok)
            let rows: [[String: FeatureValue]] = (0..<100).map {
                [Self.feature: .number(Double($0 % 9)), "plain": .text("a")]
            }
            try await store.save(
                ReferenceDataset(
                    modelID: Self.model, source: "test", rows: rows, schema: ModelSchema(), createdAt: Date()))
            let base = "/models/" + DashboardLinksForTests.encode(Self.model)
            let feature = DashboardLinksForTests.encode(Self.feature)
            for uri in [
                "/", base + "?feature=\(feature)", base + "/drift", base + "/performance", base + "/quality",
                base + "/latency", base + "/segments",
                base + "?segment=region:" + DashboardLinksForTests.encode(Self.segment),
            ] {
                let html = try await page(client, uri)
                #expect(html.status == .ok, "\(uri)")
                #expect(!html.body.contains("<script>alert"), "\(uri)")
                #expect(!html.body.contains("<b onmouseover"), "\(uri)")
                #expect(!html.body.contains("<i>eu</i>"), "\(uri)")
                #expect(html.body.contains("&lt;script&gt;alert(&quot;m&quot;)&lt;/script&gt;&amp;&#39;"), "\(uri)")
            }
            let overview = try await page(client, base + "?feature=\(feature)")
            #expect(overview.body.contains("Prediction vs &lt;b onmouseover=&quot;x()&quot;&gt;f&amp;&lt;/b&gt;"))
            #expect(overview.body.contains("/models/%3Cscript%3Ealert%28%22m%22%29%3C%2Fscript%3E%26%27/drift"))
            let drift = try await page(client, base + "/drift")
            #expect(drift.body.contains(#"<th scope="row">&lt;b onmouseover=&quot;x()&quot;&gt;f&amp;&lt;/b&gt;</th>"#))
            let quality = try await page(client, base + "/quality")
            #expect(quality.body.contains("&lt;b onmouseover=&quot;x()&quot;&gt;f&amp;&lt;/b&gt;"))
            let segments = try await page(client, base + "/segments")
            #expect(segments.body.contains("region:&lt;i&gt;eu&lt;/i&gt;"))
        }
    }

    @Test func anUnknownHostileModelIsA404WithItsNameEscaped() async throws {
        try await withServer { client, _ in
            let html = try await page(client, "/models/" + DashboardLinksForTests.encode(Self.model) + "/drift")
            #expect(html.status == .notFound)
            #expect(!html.body.contains("<script>alert"))
            #expect(html.body.contains("There is no model &lt;script&gt;"))
        }
    }
}

/// Percent-encoding as a browser does for a path segment or query value.
enum DashboardLinksForTests {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
