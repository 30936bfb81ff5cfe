extension CSVTable {
    /// A field that is neither a number nor a missing value, found while reading a column as numbers.
    public struct NonNumericField: Error, Sendable, Hashable {
        /// The 1-based line of the field.
        public var line: Int
        /// The field's text.
        public var text: String
    }

    /// The index of the column named `name`, if the header has it.
    public func columnIndex(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The column read as numbers, NaN where a value is missing; or the first field that is
    /// not a number.
    public func numbers(column: Int) -> Result<[Double], NonNumericField> {
        let ranges = fields[column]
        var values = [Double](repeating: .nan, count: ranges.count)
        let failure: NonNumericField? = bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for (row, range) in ranges.enumerated() {
                switch NumberParser.parse(base, Int(range.start), Int(range.end)) {
                case .number(let value): values[row] = value
                case .missing: continue
                case .notANumber:
                    return NonNumericField(line: Int(rowLines[row]), text: Self.text(bytes, range))
                }
            }
            return nil
        }
        if let failure { return .failure(failure) }
        return .success(values)
    }

    /// The column read as category labels, `nil` where a value is missing.
    public func categories(column: Int) -> [String?] {
        fields[column].map { range in
            let text = Self.text(bytes, range)
            return MissingTokens.matches(text) ? nil : text
        }
    }
}
