import Foundation

extension ReferenceDataset {
    /// Compares a window of production events (their feature columns) with this reference.
    ///
    /// Features in both are compared; a feature numeric on one side and categorical on the other
    /// is compared as categories. `currentRows` is the number of events in the window.
    public func drift(
        current: [ReferenceDataset.Column], currentRows: Int, options: DriftReportOptions = DriftReportOptions()
    ) -> DriftReport {
        let currentByName = Dictionary(current.map { ($0.name, $0) }) { first, _ in first }
        var pairs: [ColumnPair] = []
        for column in columns {
            guard let other = currentByName[column.name] else { continue }
            switch (column.values, other.values) {
            case (.numbers(let reference), .numbers(let now)):
                pairs.append(ColumnPair(name: column.name, reference: reference, current: now))
            default:
                pairs.append(
                    ColumnPair(name: column.name, reference: column.tally, current: other.tally))
            }
        }
        let referenceNames = Set(columns.map(\.name))
        return DriftReport.compute(
            columns: pairs, referenceRows: rowCount, currentRows: currentRows,
            onlyInReference: columns.map(\.name).filter { currentByName[$0] == nil },
            onlyInCurrent: current.map(\.name).filter { !referenceNames.contains($0) }, options: options)
    }
}

extension ReferenceDataset {
    /// Compares a window's profile (merged from its time buckets) with this reference: the cost
    /// depends on the reference and the number of buckets, not on the events in the window.
    /// Numeric methods that need raw values are reported undefined (see ``SketchedDrift``).
    public func drift(profile: TrafficProfile, options: DriftReportOptions = DriftReportOptions()) -> DriftReport {
        var pairs: [ColumnPair] = []
        for column in columns {
            guard let feature = profile.features[column.name] else { continue }
            switch column.values {
            case .numbers(let numbers) where !options.categoricalColumns.contains(column.name):
                pairs.append(ColumnPair(name: column.name, reference: .numbers(numbers), profile: feature))
            default:
                pairs.append(ColumnPair(name: column.name, reference: column.tally, current: feature.tally))
            }
        }
        let referenceNames = Set(columns.map(\.name))
        return DriftReport.compute(
            columns: pairs, referenceRows: rowCount, currentRows: profile.count,
            onlyInReference: columns.map(\.name).filter { profile.features[$0] == nil },
            onlyInCurrent: profile.features.keys.sorted().filter { !referenceNames.contains($0) }, options: options)
    }
}

extension ReferenceDataset.Column {
    /// The values as categories (numbers as their text).
    var tally: CategoryTally {
        switch values {
        case .categories(let tally): return tally
        case .numbers(let numbers):
            let labels: [String?] = numbers.map(FeatureValue.label)
            var tally = CategoryTally(labels)
            tally.missing = missing
            return tally
        }
    }
}
