import DriftStats

extension DriftReport {
    /// Compares two CSV tables column by column.
    ///
    /// A column is numeric when every present value in both files parses as a number and it
    /// is not named in ``DriftReportOptions/categoricalColumns``; otherwise it is categorical.
    /// Columns present in only one file are listed, not compared.
    public static func compare(reference: CSVTable, current: CSVTable, options: DriftReportOptions = .init())
        throws(CSVError) -> DriftReport
    {
        for name in options.categoricalColumns.sorted()
        where reference.columnIndex(name) == nil && current.columnIndex(name) == nil {
            throw CSVError(file: reference.file, column: name, message: "the categorical column is in neither file")
        }
        let currentColumns = Set(current.header)
        let referenceColumns = Set(reference.header)
        let shared = reference.header.filter { currentColumns.contains($0) }
        let pairs = ParallelMap.map(shared) { name in
            let r = reference.columnIndex(name)!
            let c = current.columnIndex(name)!
            if !options.categoricalColumns.contains(name),
                case .success(let referenceNumbers) = reference.numbers(column: r),
                case .success(let currentNumbers) = current.numbers(column: c)
            {
                return ColumnPair(name: name, reference: referenceNumbers, current: currentNumbers)
            }
            return ColumnPair(
                name: name, reference: reference.categoryTally(column: r), current: current.categoryTally(column: c))
        }
        return compute(
            columns: pairs, referenceRows: reference.rowCount, currentRows: current.rowCount,
            onlyInReference: reference.header.filter { !currentColumns.contains($0) },
            onlyInCurrent: current.header.filter { !referenceColumns.contains($0) }, options: options)
    }
}
