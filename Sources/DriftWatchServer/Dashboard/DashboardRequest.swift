import DriftWatchCore
import Foundation
import Hummingbird

/// What a page is asked for: the model in its path, the time range (`window=`, the last hour by
/// default), the traffic scope (`version=`, `segment=key:value`) and the rest of the query.
struct DashboardRequest: Sendable {
    /// The time ranges the selector offers, as `window=` values with their descriptions.
    static let windowChoices: [(value: String, label: String)] = [
        ("1h", "last hour"), ("6h", "last 6 hours"), ("24h", "last 24 hours"), ("7d", "last 7 days"),
    ]
    /// The range of a page asked for without `window=`.
    static let defaultWindow = "1h"

    /// The model id from the path, percent-decoded; nil on pages about every model.
    var model: String?
    /// `window=` as given.
    var windowText: String
    /// The time range the page reads.
    var window: TimeWindow
    /// Which versions and segment the page reads.
    var scope: TrafficScope
    /// The query, decoded as browsers encode forms (`+` is a space); the first of repeated names wins.
    var query: [String: String]
    /// When the page was read.
    var now: Date
    /// `http://host:port` as the browser reached the server, for the commands of empty states.
    var origin: String

    /// Reads a request; a window or segment that cannot be read is a ``DashboardFailure/badParameter(name:message:)``.
    init(_ request: Request, model: String?, now: Date) throws(DashboardFailure) {
        query = Self.formValues(request.uri.query)
        self.model = model
        self.now = now
        origin = "http://" + (request.head.authority ?? "127.0.0.1:8000")
        windowText = query["window"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultWindow
        do {
            window = try TimeWindow.parse(from: nil, to: nil, window: windowText, now: now)
        } catch {
            throw .badParameter(name: "window", message: "window \(error.message)")
        }
        scope = .all
        if let version = query["version"], !version.isEmpty { scope.version = version }
        if let segment = query["segment"], !segment.isEmpty {
            let parts = segment.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw .badParameter(name: "segment", message: "segment must be key:value, such as region:eu")
            }
            scope.segment = segment
        }
    }

    /// The window in words, e.g. "last 6 hours".
    var windowLabel: String {
        if let choice = Self.windowChoices.first(where: { $0.value == windowText }) { return choice.label }
        return "last " + windowText
    }

    /// The parameters that links between pages keep: the time range and the scope.
    var carried: [(String, String)] {
        var pairs = [("window", windowText)]
        if let version = scope.version { pairs.append(("version", version)) }
        if scope.segment != ProfileBuilder.allTraffic { pairs.append(("segment", scope.segment)) }
        return pairs
    }

    /// `name=value&…` pairs of a form-encoded query.
    static func formValues(_ query: String?) -> [String: String] {
        var values: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            guard !key.isEmpty, values[key] == nil else { continue }
            values[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return values
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
