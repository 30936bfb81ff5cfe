import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The dashboard in a real browser: the real server process with real traffic, every page
/// loaded by headless Chromium, its DOM checked after scripts ran, nothing logged to the
/// console, and screenshots of each page under `.build/test-artifacts/dashboard/` (1280 × 900,
/// the whole page, and three pages at a phone's 375 px).
@Suite(.serialized) struct DashboardBrowserTests {
    /// A page, the text its DOM must hold, and the name of its screenshot.
    struct Page {
        var name: String
        var path: String
        var expected: [String]
    }

    static let pages: [Page] = [
        Page(
            name: "models", path: "/",
            expected: ["<h1>Models</h1>", #"<a href="/models/fraud?window=1h">fraud</a>"#, "badge-", "binary"]),
        Page(
            name: "overview", path: "/models/fraud",
            expected: [
                ">Inferences</h2>", ">Latency p50</h2>", ">Latency p95</h2>", ">Inferences per minute</h2>",
                ">Top segments by volume</h2>", ">Prediction vs age</h2>", "dw-line-chart", "dw-bar-chart",
                "dw-scatter-plot", ">3,000<", #"<label for="feature-select">"#,
            ]),
        Page(
            name: "overview-amount", path: "/models/fraud?window=6h&feature=amount",
            expected: [">Prediction vs amount</h2>", #"<option value="amount" selected="">amount</option>"#]),
        Page(
            name: "drift", path: "/models/fraud/drift",
            expected: [
                ">Drift by feature</h2>", #"<th scope="row">amount</th>"#, #"<th scope="row">age</th>"#,
                #"<th scope="row">country</th>"#, "dw-sparkline", "dw-heatmap", "dw-distribution",
                "dw-categorical-distribution", #"<span class="badge badge-warning">drift</span>"#,
            ]),
        Page(
            name: "performance", path: "/models/fraud/performance",
            expected: [">Realized accuracy</h2>", ">Accuracy over time</h2>", ">Label coverage</h2>", "dw-line-chart"]),
        Page(
            name: "quality", path: "/models/fraud/quality",
            expected: [">Quality by feature</h2>", #"<th scope="row">amount</th>"#, ">Quality score</h2>"]),
        Page(
            name: "latency", path: "/models/fraud/latency?window=6h",
            expected: [">Latency p99</h2>", ">Error rate</h2>", "dw-line-chart", #"aria-current="true">6h</a>"#]),
        Page(
            name: "segments", path: "/models/fraud/segments",
            expected: [">Segments</h2>", "region:eu", "region:apac", "dw-bar-chart"]),
        Page(name: "alerts", path: "/alerts", expected: ["<h1>Alerts</h1>", #"aria-current="page">Alerts</a>"#]),
        Page(
            name: "simulations", path: "/simulations",
            expected: ["<h1>Simulations</h1>", #"aria-current="page">Simulations</a>"#]),
        Page(name: "not-found", path: "/models/nope", expected: ["<h1>Model not found</h1>"]),
    ]

    /// Where the screenshots go: `.build/test-artifacts/dashboard/` of the package.
    static var artifacts: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/test-artifacts/dashboard").path
    }

    @Test func everyPageRendersInChromiumWithoutConsoleErrors() async throws {
        let browser = try DashboardBrowser.find()
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        // Monitors every two seconds, so that stored results fill the sparklines and trends soon.
        let config = try directory.write(
            "driftwatch.yaml", "monitoring:\n  interval: 2s\n  window: 1h\nprofiling:\n  interval: 1s\n")
        let server = try ServerProcess.start(
            port: port, dataDirectory: directory.path,
            arguments: [
                "serve", "--config", config, "--port", "\(port)", "--data-dir", directory.path + "/data",
            ])
        defer { server.terminate() }
        let base = "http://127.0.0.1:\(port)"
        let seed = DashboardSeed(base: URL(string: base)!)
        try await seed.send()
        try await waitForMonitorResults(seed)
        try FileManager.default.createDirectory(atPath: Self.artifacts, withIntermediateDirectories: true)

        for page in Self.pages {
            let load = try browser.dumpDOM(base + page.path, origin: base)
            for text in page.expected {
                #expect(load.output.contains(text), "\(page.path) shows \(text)")
            }
            #expect(load.errors.isEmpty, "\(page.path) logged to the console: \(load.errors)")
            // The script ran: it reveals the auto-refresh control.
            #expect(load.output.contains(#"aria-pressed="false">Pause auto-refresh</button>"#), "\(page.path)")
            let shot = try browser.screenshot(base + page.path, origin: base, to: "\(Self.artifacts)/\(page.name).png")
            #expect(shot.errors.isEmpty, "\(page.path) logged to the console: \(shot.errors)")
            #expect(try Self.isPNG("\(Self.artifacts)/\(page.name).png"), "\(page.name).png was written")
            // The whole page too, for a reader of the artifacts: the window is as tall as the longest page.
            let full = try browser.screenshot(
                base + page.path, origin: base, to: "\(Self.artifacts)/\(page.name)-full.png", height: 2_600)
            #expect(full.errors.isEmpty, "\(page.path) logged to the console: \(full.errors)")
        }
        for page in Self.pages.filter({ ["overview", "drift", "models"].contains($0.name) }) {
            let path = "\(Self.artifacts)/\(page.name)-375.png"
            let shot = try browser.screenshot(base + page.path, origin: base, to: path, width: 375, height: 900)
            #expect(shot.errors.isEmpty, "\(page.path) at 375 px logged to the console: \(shot.errors)")
            #expect(try Self.isPNG(path), "\(page.name)-375.png was written")
        }
    }

    /// The console check itself: a missing stylesheet and a script error on a page are both caught.
    @Test func consoleErrorsAndFailedLoadsAreCaught() async throws {
        let browser = try DashboardBrowser.find()
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        let server = try ServerProcess.start(port: port, dataDirectory: directory.path)
        defer { server.terminate() }
        let html =
            #"<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="http://127.0.0.1:\#(port)/assets/missing.css"></head><body><script>undefinedFunction();</script></body></html>"#
        let file = try directory.write("broken.html", html)
        let load = try browser.dumpDOM("file://" + file, origin: "http://127.0.0.1:\(port)")
        #expect(load.errors.contains { $0.contains("Uncaught") }, "\(load.errors)")
        #expect(
            load.errors.contains { $0.hasPrefix("http://127.0.0.1:\(port)/assets/missing.css") && $0.contains("404") },
            "\(load.errors)")
    }

    /// Waits until the monitors have stored drift scores and two accuracy results, so that the
    /// pages have history to draw; fails if they never do (the bound only stops a hung run).
    private func waitForMonitorResults(_ seed: DashboardSeed) async throws {
        for _ in 0..<3_000 {
            let drift = try await seed.json("v1/models/fraud/timeseries?metric=feature_drift_score&window=1h")
            let accuracy = try await seed.json("v1/models/fraud/timeseries?metric=accuracy&window=1h")
            let driftPoints = (drift["points"] as? [Any])?.count ?? 0
            let accuracyPoints = (accuracy["points"] as? [Any])?.count ?? 0
            if driftPoints > 0 && accuracyPoints >= 2 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ServerFailure(message: "the monitors stored no drift or accuracy results within 10 minutes")
    }

    private static func isPNG(_ path: String) throws -> Bool {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.count > 1_000 && data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47])
    }
}
