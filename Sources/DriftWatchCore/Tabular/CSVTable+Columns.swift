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
        var values = [Double](repeating: .nan, count: rowCount)
        let failure: NonNumericField? = bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for row in 0..<rowCount {
                let range = field(row: row, column: column)
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

    /// How often each category label occurs in the column, and how many values are missing.
    public func categoryTally(column: Int) -> CategoryTally {
        var counter = ByteStringCounter()
        var missing = 0
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for row in 0..<rowCount {
                let range = field(row: row, column: column)
                let start = Int(range.start)
                let end = Int(range.end)
                if MissingTokens.matchesTrimmed(base, start, end) {
                    missing += 1
                } else {
                    counter.add(base, start, end)
                }
            }
        }
        var counts: [String: Int] = [:]
        for (start, end, count) in counter.counts() {
            // Quoted and unquoted spellings of one label merge here.
            let text = Self.text(
                bytes, FieldRange(start: Int32(start), end: Int32(end), quoted: start > 0 && bytes[start - 1] == 0x22))
            counts[text, default: 0] += count
        }
        return CategoryTally(counts: counts, missing: missing)
    }

    /// The column read as category labels, `nil` where a value is missing.
    public func categories(column: Int) -> [String?] {
        (0..<rowCount).map { row in
            let text = Self.text(bytes, field(row: row, column: column))
            return MissingTokens.matches(text) ? nil : text
        }
    }
}
