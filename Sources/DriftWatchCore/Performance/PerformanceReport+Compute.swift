import DriftStats

extension PerformanceReport {
    /// Predictions and their truths, one entry per row, for one task. Labels are compared in a
    /// canonical form, so that `1` and `1.0` are one class; NaN marks a missing number.
    public enum Inputs: Sendable {
        case regression(truth: [Double], predicted: [Double])
        /// `scores`: the positive class's probability per row, when known.
        case binary(truth: [String?], predicted: [String?], scores: [Double]?)
        /// `probabilities`: class → probability per row, when known.
        case multiclass(truth: [String?], predicted: [String?], probabilities: [String: [Double]]?)
    }

    /// Scores `inputs`; rows missing a truth, a prediction or a probability are skipped and
    /// counted. Uses `options.positive` and `options.bins`; the column names are for tables.
    public static func compute(_ inputs: Inputs, options: Options = Options()) throws(UndefinedStatistic)
        -> PerformanceReport
    {
        switch inputs {
        case .regression(let truth, let predicted):
            let kept = truth.indices.filter { truth[$0].isFinite && predicted[$0].isFinite }
            let metrics = try RegressionMetrics.compute(
                truth: kept.map { truth[$0] }, predicted: kept.map { predicted[$0] })
            return PerformanceReport(
                task: .regression, n: kept.count, skipped: truth.count - kept.count, metrics: metrics)
        case .binary(let truth, let predicted, let scores):
            let truth = truth.map { $0.map(canonical) }
            let predicted = predicted.map { $0.map(canonical) }
            let kept = truth.indices.filter {
                truth[$0] != nil && predicted[$0] != nil && (scores?[$0].isFinite ?? true)
            }
            let isPositive = positiveMatcher(options.positive)
            let metrics = try BinaryClassificationMetrics.compute(
                truth: kept.map { isPositive(truth[$0]!) }, predicted: kept.map { isPositive(predicted[$0]!) },
                scores: scores.map { s in kept.map { s[$0] } }, calibrationBins: options.bins)
            return PerformanceReport(task: .binary, n: kept.count, skipped: truth.count - kept.count, metrics: metrics)
        case .multiclass(let truth, let predicted, let probabilities):
            let truth = truth.map { $0.map(canonical) }
            let predicted = predicted.map { $0.map(canonical) }
            let probabilities = probabilities.map { columns in
                Dictionary(columns.map { (canonical($0.key), $0.value) }) { first, _ in first }
            }
            let kept = truth.indices.filter { row in
                truth[row] != nil && predicted[row] != nil
                    && (probabilities?.values.allSatisfy { $0[row].isFinite } ?? true)
            }
            let metrics = try MulticlassClassificationMetrics<String>.compute(
                truth: kept.map { truth[$0]! }, predicted: kept.map { predicted[$0]! },
                probabilities: probabilities?.mapValues { column in kept.map { column[$0] } })
            return PerformanceReport(
                task: .multiclass, n: kept.count, skipped: truth.count - kept.count, metrics: metrics)
        }
    }

    /// Scores the predictions in `table` for `task`, reading the columns `options` names.
    public static func compute(task: PerformanceTask, table: CSVTable, options: Options) throws(CSVError)
        -> PerformanceReport
    {
        let inputs: Inputs
        switch task {
        case .regression:
            inputs = .regression(
                truth: try table.numericColumn(options.yTrue), predicted: try table.numericColumn(options.yPred))
        case .binary:
            inputs = .binary(
                truth: try labels(table, options.yTrue), predicted: try labels(table, options.yPred),
                scores: try options.proba.map { name throws(CSVError) in try table.numericColumn(name) })
        case .multiclass:
            var probabilities: [String: [Double]]?
            if let prefix = options.probaPrefix {
                var columns: [String: [Double]] = [:]
                for name in table.header where name.hasPrefix(prefix) && name.count > prefix.count {
                    columns[String(name.dropFirst(prefix.count))] = try table.numericColumn(name)
                }
                guard !columns.isEmpty else {
                    throw CSVError(
                        file: table.file, message: "no column starts with the probability prefix \"\(prefix)\"")
                }
                probabilities = columns
            }
            inputs = .multiclass(
                truth: try labels(table, options.yTrue), predicted: try labels(table, options.yPred),
                probabilities: probabilities)
        }
        do {
            return try compute(inputs, options: options)
        } catch {
            throw CSVError(file: table.file, message: "cannot score the predictions: \(error.reason)")
        }
    }

    /// A column of labels.
    private static func labels(_ table: CSVTable, _ name: String) throws(CSVError) -> [String?] {
        guard let index = table.columnIndex(name) else {
            throw CSVError(
                file: table.file, column: name,
                message: "no such column; the header has \(table.header.joined(separator: ", "))")
        }
        return table.categories(column: index)
    }

    static func canonical(_ label: String) -> String {
        if let number = Double(label), number.isFinite { return "\(number)" }
        return label
    }

    static func positiveMatcher(_ positive: String?) -> (String) -> Bool {
        if let positive {
            let target = canonical(positive)
            return { $0 == target }
        }
        return { $0 == "1.0" || $0.lowercased() == "true" }
    }
}
