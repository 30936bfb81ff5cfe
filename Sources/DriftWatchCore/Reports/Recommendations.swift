import Foundation

/// The rules that turn a report's findings into advice, each explained with the numbers that
/// triggered it.
///
/// In order of what to do first:
/// 1. **Investigate** each drifted feature, the largest drift score first, naming its test.
/// 2. **Check upstream** for a feature whose values broke rather than shifted: a missing rate
///    over ``Policy/missingRateLimit`` that rose by at least ``Policy/missingRiseMinimum``
///    over its baseline, numbers outside the reference's range, or categories the reference
///    never had.
/// 3. **Retrain** when the performance metric is past its threshold, when its trend crosses
///    the threshold within ``Policy/retrainWithinDays``, or when estimated and realized
///    accuracy disagree by more than ``Policy/conceptGapLimit`` (estimation assumes the
///    inputs predict the labels as before; a gap means that relation changed: concept drift).
/// 4. **Check the service** when p99 latency or the error rate is over its limit.
/// 5. **Review the alerts** that are firing when no rule above found anything: an alert rule
///    of the team's own (or a default one, such as outliers) saw what these rules do not.
///
/// The causes come before the retrain: retraining on broken or shifted inputs would learn
/// the breakage. With no finding, one ``Recommendation/Kind/noAction`` item says so.
///
/// ```swift
/// let advice = Recommendations.make(signals)   // [Recommendation]
/// ```
public enum Recommendations {
    /// The limits the rules apply; the defaults follow DriftWatch's default alert thresholds.
    public struct Policy: Sendable, Hashable {
        /// Missing values above this share are a problem (the `missing-values` alert: 5 %).
        public var missingRateLimit = 0.05
        /// ... when they also rose by at least this much over their baseline (5 points).
        public var missingRiseMinimum = 0.05
        /// Present numbers outside the reference's range above this share point at a unit or
        /// scale change (1 %: a reference's extremes are rarely exceeded by chance).
        public var outOfRangeLimit = 0.01
        /// Categories the reference never had above this share point at a new code upstream.
        public var unseenLimit = 0.01
        /// A forecast crossing within this many days asks for a retrain now.
        public var retrainWithinDays = 14.0
        /// |estimated − realized accuracy| above this is concept drift.
        public var conceptGapLimit = 0.05
        /// p99 latency limit in milliseconds (the `latency-p99` alert: 200 ms).
        public var latencyP99Limit = 200.0
        /// Error-rate limit (the `error-rate` alert: 5 %).
        public var errorRateLimit = 0.05

        public init() {}
    }

    /// Every recommendation `signals` call for, most urgent kind first.
    public static func make(_ signals: ReportSignals, policy: Policy = Policy()) -> [Recommendation] {
        let advice =
            investigate(signals.drifted) + upstream(signals.quality, policy)
            + (signals.performance.flatMap { retrain($0, policy) }.map { [$0] } ?? [])
            + service(signals, policy)
        guard advice.isEmpty else { return advice }
        guard signals.firingAlerts.isEmpty else {
            let count = signals.firingAlerts.count
            return [
                Recommendation(
                    kind: .reviewAlerts, title: "Review the firing alerts",
                    reason:
                        "\(count) alert\(count == 1 ? " is" : "s are") firing: \(signals.firingAlerts.joined(separator: ", ")). No drift, broken input, performance or serving problem explains them here; each alert's description says what it checks."
                )
            ]
        }
        return [healthy(signals, policy)]
    }

    private static func investigate(_ drifted: [ReportSignals.DriftedFeature]) -> [Recommendation] {
        let ranked = drifted.sorted {
            ($0.score ?? -.infinity, $1.name) > ($1.score ?? -.infinity, $0.name)
        }
        return ranked.enumerated().map { rank, feature in
            let pValue = feature.pValue.map { ", p-value \(ReportNumber.text($0))" } ?? ""
            let place =
                ranked.count == 1
                ? "the only drifted feature"
                : rank == 0 ? "the largest drift score" : "drift rank \(rank + 1) of \(ranked.count)"
            return Recommendation(
                kind: .investigateFeature, feature: feature.name, title: "Investigate \(feature.name)",
                reason:
                    "\(feature.name) drifted: \(feature.method) score \(ReportNumber.text(feature.score))\(pValue) (\(place)). Compare its current distribution with the reference and find what changed in the traffic that feeds it."
            )
        }
    }

    private static func upstream(_ quality: [ReportSignals.FeatureQuality], _ policy: Policy) -> [Recommendation] {
        quality.sorted { $0.name < $1.name }.compactMap { feature in
            var findings: [String] = []
            let baseline = feature.baselineMissingRate ?? 0
            if feature.missingRate > policy.missingRateLimit,
                feature.missingRate - baseline >= policy.missingRiseMinimum
            {
                let before = feature.baselineMissingRate.map { " from \(ReportNumber.percent($0))" } ?? ""
                findings.append(
                    "missing values rose\(before) to \(ReportNumber.percent(feature.missingRate)) (limit \(ReportNumber.percent(policy.missingRateLimit)))"
                )
            }
            if feature.outOfRangeRate > policy.outOfRangeLimit {
                findings.append(
                    "\(ReportNumber.percent(feature.outOfRangeRate)) of its values are outside the reference's range (a unit or scale change?)"
                )
            }
            if feature.unseenRate > policy.unseenLimit {
                findings.append(
                    "\(ReportNumber.percent(feature.unseenRate)) of its values are categories the reference never had")
            }
            guard !findings.isEmpty else { return nil }
            return Recommendation(
                kind: .checkUpstream, feature: feature.name, title: "Check the upstream producer of \(feature.name)",
                reason: findings.joined(separator: "; ").capitalizedFirst
                    + ". This looks like a broken pipeline rather than a change in the world.")
        }
    }

    private static func retrain(_ performance: ReportSignals.Performance, _ policy: Policy) -> Recommendation? {
        let forecast = performance.forecast
        let metric = performance.metric
        var reasons: [String] = []
        var now = false
        if let current = performance.current, forecast.direction.fails(current, threshold: performance.threshold) {
            reasons.append(
                "\(metric) is \(ReportNumber.text(current)), past the acceptance threshold \(ReportNumber.text(performance.threshold))"
            )
            now = true
        }
        if forecast.outcome == .alreadyCrossed, !now {
            reasons.append(
                "the trend of \(metric) is already past the acceptance threshold \(ReportNumber.text(performance.threshold))"
            )
            now = true
        }
        if forecast.outcome == .crosses, let days = forecast.daysToThreshold, days <= policy.retrainWithinDays {
            reasons.append(
                "if the trend holds, \(metric) crosses the acceptance threshold \(ReportNumber.text(performance.threshold)) in \(ReportNumber.days(days))"
            )
        }
        if let gap = performance.estimatedGap, abs(gap) > policy.conceptGapLimit {
            reasons.append(
                "estimated and realized accuracy differ by \(ReportNumber.text(abs(gap))) (limit \(ReportNumber.text(policy.conceptGapLimit))): the inputs no longer predict the labels as before (concept drift), so retrain on recent labelled data"
            )
            now = true
        }
        guard !reasons.isEmpty else { return nil }
        return Recommendation(
            kind: .retrain, title: now ? "Retrain the model" : "Plan a retrain",
            reason: reasons.joined(separator: "; ").capitalizedFirst + ".")
    }

    private static func service(_ signals: ReportSignals, _ policy: Policy) -> [Recommendation] {
        var findings: [String] = []
        if let p99 = signals.latencyP99, p99 > policy.latencyP99Limit {
            findings.append(
                "p99 latency is \(ReportNumber.text(p99)) ms (limit \(ReportNumber.text(policy.latencyP99Limit)) ms)")
        }
        if let rate = signals.errorRate, rate > policy.errorRateLimit {
            findings.append(
                "\(ReportNumber.percent(rate)) of predictions failed (limit \(ReportNumber.percent(policy.errorRateLimit)))"
            )
        }
        guard !findings.isEmpty else { return [] }
        return [
            Recommendation(
                kind: .checkService, title: "Check the serving path",
                reason: findings.joined(separator: "; ").capitalizedFirst
                    + ". Look at the model server's resources, its dependencies and recent deploys.")
        ]
    }

    private static func healthy(_ signals: ReportSignals, _ policy: Policy) -> Recommendation {
        var facts = ["no feature drifted", "data quality and latency are within their limits", "no alert is firing"]
        if let performance = signals.performance {
            let forecast = performance.forecast
            let current = performance.current.map { " (\(ReportNumber.text($0)))" } ?? ""
            let trend: String
            switch forecast.outcome {
            case .crosses:
                trend =
                    "its trend crosses it in \(ReportNumber.days(forecast.daysToThreshold ?? 0)), later than the \(ReportNumber.days(policy.retrainWithinDays)) that call for a retrain"
            case .notEnoughPoints: trend = "it has too few points for a trend"
            case .doesNotCross, .alreadyCrossed:
                trend = "its trend does not cross it within \(ReportNumber.days(forecast.horizonDays))"
            }
            facts.insert(
                "\(performance.metric)\(current) is on the good side of its threshold \(ReportNumber.text(performance.threshold)) and \(trend)",
                at: 1)
        }
        return Recommendation(
            kind: .noAction, title: "No action needed", reason: facts.joined(separator: "; ").capitalizedFirst + ".")
    }
}

extension String {
    /// The text with its first letter upper-cased, for findings joined into a sentence.
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
