import Hummingbird

/// A page's content and where it sits: the layout adds the navigation, the time-range
/// selector, the scope note and the time it was read.
struct DashboardDocument: Sendable {
    /// The top-level navigation.
    enum Section: String, Sendable, CaseIterable {
        case models = "Models"
        case alerts = "Alerts"
        case simulations = "Simulations"

        /// The section's page.
        var path: String {
            switch self {
            case .models: "/"
            case .alerts: "/alerts"
            case .simulations: "/simulations"
            }
        }
    }

    /// The page's `<h1>`.
    var heading: String
    /// Names the page in the browser's tab, before the heading.
    var title: String
    var section: Section
    /// Which model page this is, for the model navigation (the model is the request's).
    var modelPage: ModelPage? = nil
    /// Whether the page reads a time window, and so offers the time-range selector.
    var usesWindow = true
    /// The model's named versions, for the version picker of a model page (set by the routes).
    var versions: [String] = []
    /// The page's own markup, rendered by its template.
    var body: String
    var status: HTTPResponse.Status = .ok
}
