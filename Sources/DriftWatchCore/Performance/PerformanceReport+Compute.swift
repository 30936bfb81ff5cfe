import DriftStats

extension PerformanceReport {
    /// Scores the predictions in `table` for `task`.
    public static func compute(task: PerformanceTask, table: CSVTable, options: Options) throws(CSVError)
        -> PerformanceReport
    {
        switch task {
        case .regression: return try regression(table, options)
        case .binary: return try binary(table, options)
        case .multiclass: return try multiclass(table, options)
        }
    }

    private static func regression(_ table: CSVTable, _ options: Options) throws(CSVError) -> PerformanceReport {
        let truth = try table.numericColumn(options.yTrue)
        let predicted = try table.numericColumn(options.yPred)
        let kept = truth.indices.filter { truth[$0].isFinite && predicted[$0].isFinite }
        let metrics = try scored(table) { () throws(UndefinedStatistic) in
            try RegressionMetrics.compute(truth: kept.map { truth[$0] }, predicted: kept.map { predicted[$0] })
        }
        return PerformanceReport(
            task: .regression, n: kept.count, skipped: table.rowCount - kept.count, metrics: metrics)
    }

    private static func binary(_ table: CSVTable, _ options: Options) throws(CSVError) -> PerformanceReport {
        let truth = try labels(table, options.yTrue)
        let predicted = try labels(table, options.yPred)
        let scores = try options.proba.map { name throws(CSVError) in try table.numericColumn(name) }
        let kept = truth.indices.filter {
            truth[$0] != nil && predicted[$0] != nil && (scores?[$0].isFinite ?? true)
        }
        let isPositive = positiveMatcher(options.positive)
        let metrics = try scored(table) { () throws(UndefinedStatistic) in
            try BinaryClassificationMetrics.compute(
                truth: kept.map { isPositive(truth[$0]!) }, predicted: kept.map { isPositive(predicted[$0]!) },
                scores: scores.map { s in kept.map { s[$0] } }, calibrationBins: options.bins)
        }
        return PerformanceReport(task: .binary, n: kept.count, skipped: table.rowCount - kept.count, metrics: metrics)
    }

    private static func multiclass(_ table: CSVTable, _ options: Options) throws(CSVError) -> PerformanceReport {
        let truth = try labels(table, options.yTrue)
        let predicted = try labels(table, options.yPred)
        var probabilities: [String: [Double]]?
        if let prefix = options.probaPrefix {
            var columns: [String: [Double]] = [:]
            for name in table.header where name.hasPrefix(prefix) && name.count > prefix.count {
                columns[canonical(String(name.dropFirst(prefix.count)))] = try table.numericColumn(name)
            }
            guard !columns.isEmpty else {
                throw CSVError(file: table.file, message: "no column starts with the probability prefix \"\(prefix)\"")
            }
            probabilities = columns
        }
        let kept = truth.indices.filter { row in
            truth[row] != nil && predicted[row] != nil
                && (probabilities?.values.allSatisfy { $0[row].isFinite } ?? true)
        }
        let metrics = try scored(table) { () throws(UndefinedStatistic) in
            try MulticlassClassificationMetrics<String>.compute(
                truth: kept.map { truth[$0]! }, predicted: kept.map { predicted[$0]! },
                probabilities: probabilities?.mapValues { column in kept.map { column[$0] } })
        }
        return PerformanceReport(
            task: .multiclass, n: kept.count, skipped: table.rowCount - kept.count, metrics: metrics)
    }

    /// Runs `compute`, turning a failure of the whole computation into an error about the file.
    private static func scored<M: NamedMetrics>(
        _ table: CSVTable, _ compute: () throws(UndefinedStatistic) -> M
    ) throws(CSVError) -> M {
        do {
            return try compute()
        } catch {
            throw CSVError(file: table.file, message: "cannot score the predictions: \(error.reason)")
        }
    }

    /// A column of labels, numbers written canonically so that `1` and `1.0` are one class.
    private static func labels(_ table: CSVTable, _ name: String) throws(CSVError) -> [String?] {
        guard let index = table.columnIndex(name) else {
            throw CSVError(
                file: table.file, column: name,
                message: "no such column; the header has \(table.header.joined(separator: ", "))")
        }
        return table.categories(column: index).map { $0.map(canonical) }
    }

    private static func canonical(_ label: String) -> String {
        if let number = Double(label), number.isFinite { return "\(number)" }
        return label
    }

    private static func positiveMatcher(_ positive: String?) -> (String) -> Bool {
        if let positive {
            let target = canonical(positive)
            return { $0 == target }
        }
        return { $0 == "1.0" || $0.lowercased() == "true" }
    }
}
