import DriftWatchAlerting
import DriftWatchCore
import Foundation

/// A model's health badge: critical while a critical alert about it fires; warning when its
/// latest stored drift share is at least 0.5, its error rate in the window above 5 % or its
/// latest stored quality score below 0.9; ok otherwise, or "no data" with nothing to judge.
struct ModelHealth: Sendable, Equatable {
    /// How the badge reads.
    enum Level: String, Sendable {
        case ok
        case warning
        case critical
        case unknown
    }

    var level: Level
    /// Why it is not ok, one sentence each.
    var reasons: [String]

    /// The share of drifted features at which a model needs a look.
    static let driftShareLimit = 0.5
    /// The error rate above which a model needs a look.
    static let errorRateLimit = 0.05
    /// The quality score below which a model needs a look.
    static let qualityScoreLimit = 0.9

    /// Judges the facts; each argument is nil when unknown (no alert source, no stored result,
    /// no inferences).
    static func judge(
        driftShare: Double?, errorRate: Double?, qualityScore: Double?, criticalAlerts: [String]?
    ) -> ModelHealth {
        var reasons: [String] = []
        if let criticalAlerts, !criticalAlerts.isEmpty {
            reasons.append("Critical alerts firing: " + criticalAlerts.joined(separator: ", "))
        }
        if let driftShare, driftShare >= driftShareLimit {
            reasons.append("Drift share \(DashboardFormat.percent(driftShare, decimals: 0)) (≥ 50 %)")
        }
        if let errorRate, errorRate > errorRateLimit {
            reasons.append("Error rate \(DashboardFormat.percent(errorRate)) (> 5 %)")
        }
        if let qualityScore, qualityScore < qualityScoreLimit {
            reasons.append("Quality score \(DashboardFormat.number(qualityScore)) (< 0.9)")
        }
        let level: Level
        if criticalAlerts?.isEmpty == false {
            level = .critical
        } else if !reasons.isEmpty {
            level = .warning
        } else if driftShare == nil && errorRate == nil && qualityScore == nil {
            level = .unknown
        } else {
            level = .ok
        }
        return ModelHealth(level: level, reasons: reasons)
    }

    /// Reads the facts for one model: the window's error rate from `profile`, the latest drift
    /// share and quality score the monitors stored in the last day, and `alerts` (nil without
    /// an alert source).
    static func read(
        _ id: String, profile: TrafficProfile, alerts: [DashboardAlert]?, sources: DashboardSources, now: Date
    ) async throws -> ModelHealth {
        let critical = alerts.map { alerts in
            alerts.filter { $0.model == id && $0.state == .firing && $0.severity == .critical }.map(\.name)
        }
        return judge(
            driftShare: try await sources.latestResult(id, metric: "dataset_drift_share", now: now),
            errorRate: profile.errorRate,
            qualityScore: try await sources.latestResult(id, metric: "quality_score", now: now),
            criticalAlerts: critical)
    }

    /// The badge's text.
    var label: String { level == .unknown ? "no data" : level.rawValue }

    /// The badge as the templates show it.
    var view: HealthView {
        HealthView(level: level.rawValue, label: label, reasons: reasons)
    }
}

/// A health badge in a template: `badge-{{level}}`, its text and the reasons.
struct HealthView: Sendable {
    let level: String
    let label: String
    let reasons: [String]
}
