import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DriftWatchServer

/// Each dashboard page through the real router and a real SQLite store: status, HTML, and the
/// content that the page exists to show.
@Suite struct DashboardPageTests {
    @Test func theModelsPageListsEachModelWithItsHealth() async throws {
        try await withServer { client, store in
            let empty = try await page(client, "/")
            #expect(empty.status == .ok)
            #expect(empty.contentType == "text/html; charset=utf-8")
            #expect(empty.body.contains("No models yet"))
            #expect(empty.body.contains("/v1/inferences"), "the empty state says how to log predictions")

            try await seedDashboardModel(client, store)
            let listed = try await page(client, "/?window=6h")
            #expect(listed.status == .ok)
            #expect(listed.body.contains(#"<a href="/models/m?window=6h">m</a>"#))
            #expect(listed.body.contains("regression"))
            #expect(listed.body.contains(">1,000<"), "inferences in the window")
            // Drift share 0.5 and an error rate of 5 % (not above it): a warning for the drift.
            #expect(listed.body.contains(#"<span class="badge badge-warning">warning</span>"#))
            #expect(listed.body.contains("Drift share 50 %"))
            #expect(listed.body.contains(#"href="/models/m/drift?window=6h""#))
        }
    }

    @Test func theOverviewShowsSixCards() async throws {
        try await withServer { client, store in
            try await seedDashboardModel(client, store)
            let overview = try await page(client, "/models/m?window=1h&feature=x")
            #expect(overview.status == .ok)
            for heading in [
                "Inferences", "Latency p50", "Latency p95", "Inferences per minute", "Top segments by volume",
                "Prediction vs x",
            ] {
                #expect(overview.body.contains(">\(heading)</h2>"), "card \(heading)")
            }
            #expect(overview.body.contains(">1,000<"))
            #expect(overview.body.components(separatedBy: "class=\"dw-chart").count - 1 == 3, "three charts")
            #expect(overview.body.contains("dw-line-chart"))
            #expect(overview.body.contains("dw-bar-chart"))
            #expect(overview.body.contains("dw-scatter-plot"))
            #expect(overview.body.contains(#"<option value="x" selected>x</option>"#))
            #expect(overview.body.contains("region:us"))
            #expect(overview.body.contains(#"aria-current="page">Overview</a>"#))
            #expect(
                overview.body.contains(#"<a href="/models/m?window=6h&amp;feature=x">6h</a>"#),
                "the range keeps the feature")
        }
    }

    @Test func theDriftPageComparesEachFeatureWithTheReference() async throws {
        try await withServer { client, store in
            try await seedDashboardModel(client, store)
            let drift = try await page(client, "/models/m/drift")
            #expect(drift.status == .ok)
            #expect(drift.body.contains("Drift by feature"))
            #expect(drift.body.contains(#"<th scope="row">x</th>"#))
            #expect(drift.body.contains(#"<th scope="row">c</th>"#))
            #expect(drift.body.contains("wasserstein_normed"), "the automatic method for 2,000 numeric reference rows")
            #expect(drift.body.contains("jensenshannon"))
            #expect(drift.body.contains(#"<span class="badge badge-warning">drift</span>"#))
            #expect(drift.body.contains("dw-sparkline"))
            #expect(drift.body.contains("dw-heatmap"))
            #expect(drift.body.contains("dw-distribution"), "numeric overlay")
            #expect(drift.body.contains("dw-categorical-distribution"), "categorical overlay")
            #expect(!drift.body.contains("dw-heatmap dw-no-data"), "the stored scores fill the heatmap")
        }
    }

    @Test func theDriftPageSaysHowToUploadAReference() async throws {
        try await withServer { client, _ in
            _ = try await post(
                client, "/v1/inferences", TrafficRouteTests.body(10), contentType: "application/x-ndjson")
            let drift = try await page(client, "/models/m/drift")
            #expect(drift.status == .ok)
            #expect(drift.body.contains("No reference yet"))
            #expect(drift.body.contains("driftwatch reference upload --model &#39;m&#39;"))
        }
    }

    @Test func thePerformancePageShowsTheTrendAgainstItsBand() async throws {
        try await withServer { client, store in
            try await seedDashboardModel(client, store)
            let performance = try await page(client, "/models/m/performance")
            #expect(performance.status == .ok)
            #expect(performance.body.contains("Realized RMSE"))
            #expect(performance.body.contains("RMSE over time"))
            #expect(performance.body.contains("first-week mean ± 3 sd"), "the band's legend")
            #expect(performance.body.contains("over the model&#39;s first week"), "the band is explained")
            #expect(performance.body.contains("No estimated rmse is stored"))
            #expect(performance.body.contains(">50.0 %<"), "label coverage")
            #expect(performance.body.contains(#"<th scope="row">mae</th>"#))
        }
    }

    @Test func thePerformancePageAsksForTheTaskWhenItIsUnknown() async throws {
        try await withServer { client, _ in
            _ = try await post(
                client, "/v1/inferences", TrafficRouteTests.body(10), contentType: "application/x-ndjson")
            _ = try await post(client, "/v1/models", #"{"id": "m", "task": "unknown"}"#)
            let performance = try await page(client, "/models/m/performance")
            #expect(performance.status == .ok)
            #expect(performance.body.contains("The task of this model is unknown"))
        }
    }

    @Test func theQualityLatencyAndSegmentsPagesReadTheWindow() async throws {
        try await withServer { client, store in
            try await seedDashboardModel(client, store)
            let quality = try await page(client, "/models/m/quality")
            #expect(quality.status == .ok)
            #expect(quality.body.contains("Quality by feature"))
            #expect(quality.body.contains(#"<th scope="row">x</th>"#))
            #expect(quality.body.contains("Out of range"))
            #expect(quality.body.contains("dw-line-chart"), "the stored quality scores")

            let latency = try await page(client, "/models/m/latency?segment=region:eu")
            #expect(latency.status == .ok)
            for heading in ["Latency p50", "Latency p95", "Latency p99", "Error rate"] {
                #expect(latency.body.contains(">\(heading)</h2>"))
            }
            #expect(latency.body.contains(">25.0 %<"), "every 20th event is an eu event with an error")
            #expect(latency.body.contains("Showing segment region:eu only."))

            let segments = try await page(client, "/models/m/segments")
            #expect(segments.status == .ok)
            #expect(segments.body.contains(#"<a href="/models/m?window=1h&amp;segment=region%3Aus">region:us</a>"#))
            #expect(segments.body.contains(">80.0 %<"))
            #expect(segments.body.contains("dw-bar-chart"))
        }
    }

    @Test func pagesWithoutTrafficSayHowToLogIt() async throws {
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "quiet", "task": "binary"}"#)
            for path in ["", "/latency", "/quality"] {
                let empty = try await page(client, "/models/quiet\(path)")
                #expect(empty.status == .ok)
                #expect(empty.body.contains("No inferences in the last hour"), "\(path)")
                #expect(empty.body.contains("curl -X POST"), "\(path)")
            }
            let segments = try await page(client, "/models/quiet/segments")
            #expect(segments.body.contains("No segments in the last hour"))
            let performance = try await page(client, "/models/quiet/performance")
            #expect(performance.body.contains("No labelled predictions"))
            #expect(performance.body.contains("/v1/labels"))
        }
    }

    @Test func anUnknownModelIsA404PageAndABadWindowA400() async throws {
        try await withServer { client, _ in
            for path in ["", "/drift", "/performance", "/quality", "/latency", "/segments"] {
                let missing = try await page(client, "/models/nope\(path)")
                #expect(missing.status == .notFound, "\(path)")
                #expect(missing.contentType == "text/html; charset=utf-8")
                #expect(missing.body.contains("There is no model nope."))
            }
            let bad = try await page(client, "/models/nope?window=forever")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("The window must be a duration"))
            let segment = try await page(client, "/?segment=region")
            #expect(segment.status == .badRequest)
            #expect(segment.body.contains("segment must be key:value"))
        }
    }

    @Test func theAssetsAreServedFromTheBinary() async throws {
        try await withServer { client, _ in
            let css = try await page(client, "/assets/dashboard.css")
            #expect(css.status == .ok)
            #expect(css.contentType == "text/css; charset=utf-8")
            #expect(css.body.contains(":focus-visible"))
            let script = try await page(client, "/assets/dashboard.js")
            #expect(script.contentType == "text/javascript; charset=utf-8")
            #expect(script.body.contains("30000"), "auto-refresh every 30 s")
            let icon = try await page(client, "/assets/favicon.svg")
            #expect(icon.contentType == "image/svg+xml")
            let home = try await page(client, "/")
            #expect(!home.body.contains(#"src="http"#) && !home.body.contains(#"href="http"#), "nothing from elsewhere")
        }
    }
}
