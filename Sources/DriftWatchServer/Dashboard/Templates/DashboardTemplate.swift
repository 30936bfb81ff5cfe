/// The dashboard's mustache templates, compiled into the binary: `{{name}}` escapes for HTML,
/// `{{{name}}}` inserts markup the server made (SVG charts, a rendered page body).
enum DashboardTemplate: String, CaseIterable, Sendable {
    case layout
    case message
    case empty
    case models
    case overview
    case drift
    case performance
    case quality
    case latency
    case segments
    case alerts
    case simulations

    /// The template's text.
    var text: String {
        switch self {
        case .layout: Self.layoutText
        case .message: Self.messageText
        case .empty: Self.emptyText
        case .models: Self.modelsText
        case .overview: Self.overviewText
        case .drift: Self.driftText
        case .performance: Self.performanceText
        case .quality: Self.qualityText
        case .latency: Self.latencyText
        case .segments: Self.segmentsText
        case .alerts: Self.alertsText
        case .simulations: Self.simulationsText
        }
    }
}
