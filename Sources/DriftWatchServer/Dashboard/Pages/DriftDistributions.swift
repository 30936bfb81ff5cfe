import DriftStats
import DriftWatchCharts
import DriftWatchCore

/// Reference and current distributions of one feature, for the drift page.
///
/// Numbers: 20 equal-width bins over the reference's range, with open bins below and above it
/// when the window has values there; current shares come from the window's quantile sketch
/// (its CDF at each edge, within its rank error). Categories: shares of the reference's tally
/// and of the window's frequent categories, the 12 largest and the rest as "other".
enum DriftDistributions {
    /// Equal-width bins over the reference's range.
    static let bins = 20
    /// Categories drawn before the rest is grouped.
    static let categories = 12

    /// The overlay chart of `reference` against the window's `current` profile of the feature.
    static func chart(_ reference: ReferenceDataset.Column, current: FeatureProfile?) -> String {
        switch reference.values {
        case .numbers(let numbers): numeric(reference.name, reference: numbers, current: current)
        case .categories(let tally): categorical(reference.name, reference: tally, current: current?.tally)
        }
    }

    static func numeric(_ name: String, reference numbers: [Double], current: FeatureProfile?) -> String {
        let options = ChartOptions(
            width: DashboardChartWidth.small, height: 240, showsTitle: false, xAxisLabel: name, yAxisLabel: "share")
        let sketch = current?.quantiles.isEmpty == false ? current?.quantiles : nil
        let bins = NumericBins(reference: numbers.sorted(), current: sketch)
        return DistributionOverlay(
            title: "\(name): reference vs current", binEdges: bins?.edges ?? [], reference: bins?.reference ?? [],
            current: bins?.current ?? [], normalization: .asGiven, options: options
        ).svg()
    }

    /// Shared bins of a numeric feature with each side's share per bin.
    struct NumericBins: Equatable {
        /// Ascending; the first is −∞ and the last +∞ when the window has values outside the reference's range.
        var edges: [Double]
        var reference: [Double]
        /// nil without current values.
        var current: [Double]?

        /// nil for an empty reference.
        init?(reference sorted: [Double], current sketch: KLLSketch?) {
            guard var low = sorted.first, var high = sorted.last else { return nil }
            if low == high {
                low -= 0.5
                high += 0.5
            }
            let width = (high - low) / Double(DriftDistributions.bins)
            let inner = (0...DriftDistributions.bins).map {
                $0 == DriftDistributions.bins ? high : low + Double($0) * width
            }
            let below = sketch.map { $0.rank(low.nextDown) } ?? 0
            let above = sketch.map { 1 - $0.rank(high) } ?? 0
            edges = inner
            reference = DriftDistributions.share(sorted, inner)
            current = sketch.map { sketch in
                var cumulative = sketch.ranks(inner)
                cumulative[0] = below
                return zip(cumulative, cumulative.dropFirst()).map { max($1 - $0, 0) }
            }
            if below > 0 {
                edges.insert(-.infinity, at: 0)
                reference.insert(0, at: 0)
                current?.insert(below, at: 0)
            }
            if above > 0 {
                edges.append(.infinity)
                reference.append(0)
                current?.append(above)
            }
        }
    }

    /// The share of `sorted` in each bin between consecutive `edges` (the first bin includes its lower edge).
    fileprivate static func share(_ sorted: [Double], _ edges: [Double]) -> [Double] {
        let n = Double(sorted.count)
        let cumulative = edges.enumerated().map { index, edge in
            index == 0 ? 0 : Double(upperBound(sorted, edge)) / n
        }
        return zip(cumulative, cumulative.dropFirst()).map { $1 - $0 }
    }

    /// The number of values ≤ `value`.
    private static func upperBound(_ sorted: [Double], _ value: Double) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func categorical(_ name: String, reference: CategoryTally, current: CategoryTally?) -> String {
        let referenceTotal = Double(max(reference.counts.values.reduce(0, +), 1))
        let currentTotal = Double(max(current?.counts.values.reduce(0, +) ?? 0, 1))
        let names = Set(reference.counts.keys).union(current.map { Array($0.counts.keys) } ?? [])
        func weight(_ category: String) -> Double {
            Double(reference.counts[category] ?? 0) / referenceTotal
                + Double(current?.counts[category] ?? 0) / currentTotal
        }
        let ordered = names.sorted { (weight($0), $1) > (weight($1), $0) }
        var shares = ordered.prefix(categories).map { category in
            CategoryShare(
                name: category, reference: Double(reference.counts[category] ?? 0) / referenceTotal,
                current: current.map { Double($0.counts[category] ?? 0) / currentTotal })
        }
        let rest = ordered.dropFirst(categories)
        if !rest.isEmpty {
            shares.append(
                CategoryShare(
                    name: "other (\(rest.count))",
                    reference: rest.reduce(0) { $0 + Double(reference.counts[$1] ?? 0) } / referenceTotal,
                    current: current.map { tally in rest.reduce(0) { $0 + Double(tally.counts[$1] ?? 0) } / currentTotal
                    }))
        }
        let options = ChartOptions(
            width: DashboardChartWidth.small, height: max(140, Double(shares.count) * 30 + 80), showsTitle: false,
            xAxisLabel: "share")
        return CategoricalDistributionOverlay(
            title: "\(name): reference vs current", categories: shares, options: options
        ).svg()
    }
}
