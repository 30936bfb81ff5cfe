/// A dense matrix of model inputs, one row per sample, stored row by row.
///
/// The intercept is not a column: the estimators fit it separately, as scikit-learn does
/// with `fit_intercept=True`, so that it stays out of the penalty.
public struct DesignMatrix: Sendable, Hashable {
    /// The number of samples.
    public let rows: Int
    /// The number of inputs per sample.
    public let columns: Int
    /// The values, row after row.
    public private(set) var values: [Double]

    /// A matrix from its rows; every row must have `columns` values.
    ///
    /// ```swift
    /// let x = DesignMatrix(rows: [[1, 0.5], [0, 2]])
    /// ```
    public init(rows: [[Double]]) {
        self.rows = rows.count
        columns = rows.first?.count ?? 0
        values = rows.flatMap { row in
            precondition(row.count == rows[0].count, "rows of a design matrix differ in length")
            return row
        }
    }

    /// A matrix of `rows` × `columns` values laid out row after row.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "\(values.count) values for a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The value in `row`, `column`.
    public subscript(row: Int, column: Int) -> Double { values[row * columns + column] }

    /// One row's values.
    public func row(_ index: Int) -> ArraySlice<Double> {
        values[(index * columns)..<((index + 1) * columns)]
    }
}
