import Hummingbird

/// The files the pages load, compiled into the binary: nothing comes from another origin, so
/// the dashboard works offline.
enum DashboardAsset: String, CaseIterable, Sendable {
    case stylesheet = "/assets/dashboard.css"
    case script = "/assets/dashboard.js"
    case icon = "/assets/favicon.svg"

    var path: String { rawValue }

    var contentType: String {
        switch self {
        case .stylesheet: "text/css; charset=utf-8"
        case .script: "text/javascript; charset=utf-8"
        case .icon: "image/svg+xml"
        }
    }

    var text: String {
        switch self {
        case .stylesheet: Self.stylesheetText
        case .script: Self.scriptText
        case .icon: Self.iconText
        }
    }

    /// The file, cacheable for an hour: pages ask for it with the server's version in the query,
    /// so an upgrade is never served a stale copy.
    var response: Response {
        Response(
            status: .ok, headers: DashboardView.headers(contentType: contentType, cache: "public, max-age=3600"),
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The tab icon: a line that drifts upward.
    static let iconText = #"""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#16325c"/><path d="M5 22 L12 18 L18 20 L27 9" fill="none" stroke="#ffffff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>

        """#
}
