extension CSVTable {
    /// Reads several files at once, one per core; throws the first file's error in `paths` order.
    public static func read(_ paths: [String]) throws(CSVError) -> [CSVTable] {
        let outcomes = ParallelMap.map(paths) { path in
            Result { () throws(CSVError) -> CSVTable in try CSVTable(contentsOf: path) }
        }
        var tables: [CSVTable] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let table): tables.append(table)
            case .failure(let error): throw error
            }
        }
        return tables
    }
}
