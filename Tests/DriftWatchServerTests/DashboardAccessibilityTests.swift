import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DriftWatchServer

/// What every page owes keyboard and screen-reader users: a language, a skip link to the main
/// landmark, labelled navigation, headings in order, and table headers with a scope.
@Suite struct DashboardAccessibilityTests {
    static let pages = [
        "/", "/models/m", "/models/m/drift", "/models/m/performance", "/models/m/quality", "/models/m/latency",
        "/models/m/segments", "/alerts", "/simulations", "/models/nope",
    ]

    @Test func everyPageHasLandmarksAndHeadingsInOrder() async throws {
        try await withServer { client, store in
            try await seedDashboardModel(client, store)
            for path in Self.pages {
                let html = try await page(client, path)
                #expect(html.body.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(path)")
                #expect(html.body.contains(##"<a class="skip-link" href="#main">"##), "\(path)")
                #expect(html.body.contains(#"<main id="main""#), "\(path)")
                #expect(html.body.contains(#"<nav class="site-nav" aria-label="Main">"#), "\(path)")
                #expect(html.body.contains("<footer"), "\(path)")
                let levels = html.headingLevels
                #expect(levels.first == 1, "\(path) starts with its h1")
                #expect(levels.filter { $0 == 1 }.count == 1, "\(path) has one h1")
                for (previous, next) in zip(levels, levels.dropFirst()) {
                    #expect(next <= previous + 1, "\(path): h\(previous) is followed by h\(next)")
                }
                #expect(!html.body.contains("<th>"), "\(path): every header cell has a scope")
                let selects = html.body.components(separatedBy: "<select id=\"").dropFirst()
                for select in selects {
                    let id = String(select.prefix { $0 != "\"" })
                    #expect(html.body.contains(#"<label for="\#(id)">"#), "\(path): the \(id) select has a label")
                }
            }
        }
    }

    @Test func theRoutesAreTheOnesListedForTheAPIDocument() async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-dashboard-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
        let router = Router()
        DashboardRoutes<BasicRequestContext>(store: store, models: ModelRegistry(store: store)).add(to: router)
        let served = Set(router.routes.map(\.path.description))
        #expect(served == Set(DashboardRoutes<BasicRequestContext>.paths.map { RouterPath($0).description }))
        #expect(served.allSatisfy { !$0.hasPrefix("/v1") }, "the dashboard stays out of the JSON API's paths")
    }
}
