import DriftStats
import Foundation

extension DriftReport {
    /// Compares every column pair and decides column and dataset drift.
    ///
    /// Columns are evaluated in parallel on all cores; each numeric sample is sorted once and
    /// shared by every method. Hypothesis-test p-values of one method are then adjusted
    /// across columns (``DriftReportOptions/correction``) and the verdicts recomputed on the
    /// adjusted values.
    public static func compute(
        columns: [ColumnPair], referenceRows: Int, currentRows: Int, onlyInReference: [String] = [],
        onlyInCurrent: [String] = [], options: DriftReportOptions = DriftReportOptions()
    ) -> DriftReport {
        let features = ParallelMap.map(columns) { evaluate($0, options: options) }
        let adjusted = correct(features, options.correction)
        let drifted = adjusted.count { $0.drift }
        let share = adjusted.isEmpty ? 0 : Double(drifted) / Double(adjusted.count)
        return DriftReport(
            referenceRows: referenceRows, currentRows: currentRows,
            datasetDrift: DatasetDrift(
                drifted: drifted, total: adjusted.count, share: share, threshold: options.datasetDriftShare,
                detected: drifted > 0 && share >= options.datasetDriftShare),
            features: adjusted, onlyInReference: onlyInReference, onlyInCurrent: onlyInCurrent,
            correction: options.correction)
    }

    private static func evaluate(_ column: ColumnPair, options: DriftReportOptions) -> FeatureDrift {
        let evaluator = options.evaluator
        switch (column.reference, column.current) {
        case (.numbers(let r), .profile(let profile)) where column.kind == .numeric:
            return SketchedDrift.evaluate(
                name: column.name, reference: SortedSample(r), current: profile, options: options)
        case (.numbers(let r), .numbers(let c)):
            let reference = SortedSample(r)
            let current = SortedSample(c)
            var results = options.methods.filter(\.acceptsNumeric).map {
                MethodResult(result: evaluator.evaluate($0, reference, current), adjustedPValue: nil, automatic: false)
            }
            if results.isEmpty {
                let distinct = SortedSample.distinctCount(union: reference, current)
                let method = MethodSelection.numeric(referenceCount: reference.count, distinctValues: distinct)
                let result =
                    method.acceptsNumeric
                    ? evaluator.evaluate(method, reference, current)
                    : evaluator.evaluate(method, CategoryCounts(reference: reference, current: current))
                results = [MethodResult(result: result, adjustedPValue: nil, automatic: true)]
            }
            return FeatureDrift(
                name: column.name, kind: .numeric, missingReference: reference.missing,
                missingCurrent: current.missing, drift: false, results: results)
        default:
            let reference = column.reference.tally
            let current = column.current.tally
            let counts = CategoryCounts(
                reference: reference.counts, current: current.counts, missingReference: reference.missing,
                missingCurrent: current.missing)
            var results = options.methods.filter(\.acceptsCategorical).map {
                MethodResult(result: evaluator.evaluate($0, counts), adjustedPValue: nil, automatic: false)
            }
            if results.isEmpty {
                let method = MethodSelection.categorical(
                    referenceCount: counts.referenceTotal, categoryCount: counts.categories.count)
                results = [
                    MethodResult(result: evaluator.evaluate(method, counts), adjustedPValue: nil, automatic: true)
                ]
            }
            return FeatureDrift(
                name: column.name, kind: .categorical, missingReference: counts.missingReference,
                missingCurrent: counts.missingCurrent, drift: false, results: results)
        }
    }

    /// Adjusts each method's p-values across features and sets every verdict.
    private static func correct(_ features: [FeatureDrift], _ correction: PValueCorrection) -> [FeatureDrift] {
        var features = features
        var positions: [DriftMethod: [(feature: Int, result: Int)]] = [:]
        for (f, feature) in features.enumerated() {
            for (r, item) in feature.results.enumerated() where item.result.pValue != nil {
                positions[item.result.method, default: []].append((f, r))
            }
        }
        for (_, places) in positions {
            let raw = places.map { features[$0.feature].results[$0.result].result.pValue! }
            let adjusted = correction == .benjaminiHochberg ? BenjaminiHochberg.adjust(raw) : raw
            for (place, p) in zip(places, adjusted) {
                var item = features[place.feature].results[place.result]
                item.adjustedPValue = p
                item.result.drift = p < item.result.threshold
                features[place.feature].results[place.result] = item
            }
        }
        for f in features.indices {
            features[f].drift = features[f].results.contains { $0.result.drift }
        }
        return features
    }
}

extension ColumnPair.Values {
    /// The values as category counts; numbers are written in their shortest exact form.
    var tally: CategoryTally {
        switch self {
        case .categories(let tally): tally
        case .numbers(let numbers): CategoryTally(numbers.lazy.map { $0.isFinite ? "\($0)" : nil })
        case .profile(let profile): profile.tally
        }
    }
}

extension CategoryCounts {
    /// Counts the distinct values of two numeric samples as categories.
    init(reference: SortedSample, current: SortedSample) {
        func counts(_ sample: SortedSample) -> [String: Int] {
            var counts: [String: Int] = [:]
            for value in sample.values { counts["\(value)", default: 0] += 1 }
            return counts
        }
        self.init(
            reference: counts(reference), current: counts(current), missingReference: reference.missing,
            missingCurrent: current.missing)
    }
}
