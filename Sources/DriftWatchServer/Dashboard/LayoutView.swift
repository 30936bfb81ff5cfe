import DriftWatchCore
import Foundation

/// What the layout template shows around a page.
struct LayoutView: Sendable {
    /// A link in a navigation bar or the time-range selector.
    struct Link: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    /// The note that the page reads part of the traffic, with the way back to all of it.
    struct Scope: Sendable {
        let description: String
        let clearHref: String
    }

    let documentTitle: String
    let heading: String
    /// The model the page is about, shown above the heading.
    let model: String?
    let version: String
    let nav: [Link]
    let hasModelNav: Bool
    let modelNav: [Link]
    let hasRange: Bool
    let range: [Link]
    /// All versions, then each named version: shown on model pages of a model with versions.
    let hasVersions: Bool
    let versions: [Link]
    let scope: Scope?
    let updatedISO: String
    let updatedText: String
    let body: String

    init(_ document: DashboardDocument, request: DashboardRequest?, now: Date) {
        let model = document.modelPage == nil ? nil : request?.model
        documentTitle = ([document.title] + (model.map { [$0] } ?? []) + ["DriftWatch"]).joined(separator: " · ")
        heading = document.heading
        self.model = model
        version = DriftWatchServer.version
        nav = DashboardDocument.Section.allCases.map {
            Link(label: $0.rawValue, href: $0.path, current: $0 == document.section)
        }
        let carried = request?.carried ?? []
        if let model, let current = document.modelPage {
            modelNav = ModelPage.allCases.map {
                Link(label: $0.label, href: DashboardLinks.model(model, $0, carried), current: $0 == current)
            }
        } else {
            modelNav = []
        }
        hasModelNav = !modelNav.isEmpty
        if let request, document.usesWindow {
            let path = Self.path(document, request: request)
            let kept = request.query.filter { $0.key != "window" }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            var choices = DashboardRequest.windowChoices
            if !choices.contains(where: { $0.value == request.windowText }) {
                choices.append((request.windowText, request.windowLabel))
            }
            range = choices.map { choice in
                Link(
                    label: choice.value, href: path + DashboardLinks.query([("window", choice.value)] + kept),
                    current: choice.value == request.windowText)
            }
            var parts: [String] = []
            if let version = request.scope.version { parts.append("version \(version)") }
            if request.scope.segment != ProfileBuilder.allTraffic { parts.append("segment \(request.scope.segment)") }
            let unscoped = kept.filter { $0.0 != "version" && $0.0 != "segment" }
            scope =
                parts.isEmpty
                ? nil
                : Scope(
                    description: parts.joined(separator: ", "),
                    clearHref: path + DashboardLinks.query([("window", request.windowText)] + unscoped))
        } else {
            range = []
            scope = nil
        }
        hasRange = !range.isEmpty
        if let request, let model, let page = document.modelPage, !document.versions.isEmpty {
            let path = DashboardLinks.model(model, page)
            let kept = request.query.filter { $0.key != "version" }.sorted { $0.key < $1.key }.map {
                ($0.key, $0.value)
            }
            versions =
                [Link(label: "all", href: path + DashboardLinks.query(kept), current: request.scope.version == nil)]
                + document.versions.map { version in
                    Link(
                        label: version, href: path + DashboardLinks.query(kept + [("version", version)]),
                        current: request.scope.version == version)
                }
        } else {
            versions = []
        }
        hasVersions = !versions.isEmpty
        updatedISO = Timestamps.format(request?.now ?? now)
        updatedText = DashboardFormat.time(request?.now ?? now)
        self.body = document.body
    }

    /// The page's own path, which the time-range links and the scope note point back to.
    private static func path(_ document: DashboardDocument, request: DashboardRequest) -> String {
        if let model = request.model, let page = document.modelPage { return DashboardLinks.model(model, page) }
        return document.section.path
    }
}
