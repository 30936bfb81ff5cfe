import DriftWatchCore
import Foundation
import Hummingbird
import Mustache

/// Renders pages: each page's template, then the layout around it, into an HTML response.
enum DashboardView {
    /// Every template, compiled once. They are constants of this module: one that does not parse
    /// is a programming error that every page test catches.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for template in DashboardTemplate.allCases {
            do {
                try library.register(template.text, named: template.rawValue)
            } catch {
                preconditionFailure("the \(template.rawValue) template does not parse: \(error)")
            }
        }
        return library
    }()

    /// `view`'s fields rendered by `template`; `{{x}}` is HTML-escaped, `{{{x}}}` (SVG) is not.
    static func render(_ template: DashboardTemplate, _ view: Any) -> String {
        library.render(view, withTemplate: template.rawValue) ?? ""
    }

    /// The complete page. Without a request (it could not be read) the page offers no time range.
    static func response(_ document: DashboardDocument, request: DashboardRequest?, now: Date = Date()) -> Response {
        let html = render(.layout, LayoutView(document, request: request, now: now))
        return Response(
            status: document.status, headers: headers(contentType: "text/html; charset=utf-8", cache: "no-store"),
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A page that only says what went wrong and what to do.
    static func message(
        _ status: HTTPResponse.Status, heading: String, text: String, request: DashboardRequest?
    ) -> Response {
        let body = render(.message, MessageView(heading: heading, text: text))
        let document = DashboardDocument(
            heading: heading, title: heading, section: .models, usesWindow: false, body: body, status: status)
        return response(document, request: request)
    }

    /// Headers of every dashboard response: nothing from other origins, no inline script.
    static func headers(contentType: String, cache: String) -> HTTPFields {
        [
            .contentType: contentType, .cacheControl: cache, .xContentTypeOptions: "nosniff",
            .contentSecurityPolicy:
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ]
    }
}

/// The text of a message page.
struct MessageView: Sendable {
    let heading: String
    let text: String
}
