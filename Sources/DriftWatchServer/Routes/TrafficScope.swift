import DriftWatchCore
import Foundation
import Hummingbird

/// The `version` and `segment=key:value` query parameters of the read endpoints: which part of
/// a model's traffic to answer for. Without them, all versions and all traffic.
struct TrafficScope: Sendable, Equatable {
    /// nil for every version.
    var version: String?
    /// `key:value`, or ``ProfileBuilder/allTraffic``.
    var segment: String

    static let all = TrafficScope(version: nil, segment: ProfileBuilder.allTraffic)

    /// The scope a request's query asks for; a refusal answers 400 naming the parameter.
    static func read(_ query: Parameters) -> Result<TrafficScope, TimeWindow.Invalid> {
        var scope = TrafficScope.all
        if let version = query["version"], !version.isEmpty { scope.version = String(version) }
        if let segment = query["segment"], !segment.isEmpty {
            let parts = segment.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty else {
                return .failure(
                    TimeWindow.Invalid(parameter: "segment", message: "must be key:value, such as region:eu"))
            }
            scope.segment = String(segment)
        }
        return .success(scope)
    }

    /// `{"version": …, "segment": …}` for answers (null for all).
    var json: [String: Any] {
        ["version": version as Any, "segment": segment.isEmpty ? NSNull() : segment]
    }
}

extension TimeWindow {
    /// The window and the scope a request's query asks for, or the refusal naming the first
    /// parameter that cannot be read.
    static func readScoped(_ query: Parameters) -> Result<(window: TimeWindow, scope: TrafficScope), Invalid> {
        switch (read(query), TrafficScope.read(query)) {
        case (.failure(let refusal), _), (_, .failure(let refusal)): .failure(refusal)
        case (.success(let window), .success(let scope)): .success((window, scope))
        }
    }
}
