import Foundation

/// The data a model's production traffic is compared with: a labelled or unlabelled sample of
/// the model's inputs, uploaded per model (`POST /v1/models/{id}/reference`) and optionally per
/// model version (`?version=v2`). A version's traffic is compared with its own reference when it
/// has one, else with the model-wide one.
public struct ReferenceDataset: Sendable, Hashable {
    /// One feature's reference values.
    public struct Column: Sendable, Hashable {
        /// The values of a column.
        public enum Values: Sendable, Hashable {
            /// Numbers; missing values are not kept (see ``missing``).
            case numbers([Double])
            /// Categories counted.
            case categories(CategoryTally)
        }

        /// The feature name.
        public var name: String
        /// The values.
        public var values: Values
        /// Missing values (empty cells, null, NaN) seen for this feature.
        public var missing: Int

        /// Creates a column.
        public init(name: String, values: Values, missing: Int) {
            self.name = name
            self.values = values
            self.missing = missing
        }

        /// Numeric or categorical.
        public var kind: ColumnKind {
            if case .numbers = values { return .numeric }
            return .categorical
        }
    }

    /// The model.
    public var modelID: String
    /// The model version it is the reference of; nil for the model-wide reference.
    public var modelVersion: String?
    /// Where it came from (a file name, "upload").
    public var source: String
    /// Rows in the dataset.
    public var rowCount: Int
    /// One column per feature, in the dataset's order.
    public var columns: [Column]
    /// When it was uploaded.
    public var createdAt: Date

    /// Creates a reference.
    public init(
        modelID: String, modelVersion: String? = nil, source: String, rowCount: Int, columns: [Column],
        createdAt: Date
    ) {
        self.modelID = modelID
        self.modelVersion = modelVersion
        self.source = source
        self.rowCount = rowCount
        self.columns = columns
        self.createdAt = createdAt
    }
}

extension ReferenceDataset {
    /// A reference from a CSV table: a column is numeric when the schema says so or, without a
    /// schema entry, when every non-empty cell is a number; categorical otherwise.
    public init(modelID: String, table: CSVTable, schema: ModelSchema, createdAt: Date) {
        var columns: [Column] = []
        for (index, name) in table.header.enumerated() {
            let declared = schema.features[name]
            if declared != .categorical, case .success(let numbers) = table.numbers(column: index) {
                let present = numbers.filter(\.isFinite)
                columns.append(
                    Column(name: name, values: .numbers(present), missing: numbers.count - present.count))
            } else {
                let tally = table.categoryTally(column: index)
                columns.append(Column(name: name, values: .categories(tally), missing: tally.missing))
            }
        }
        self.init(
            modelID: modelID, source: table.file, rowCount: table.rowCount, columns: columns, createdAt: createdAt)
    }

    /// A reference from feature maps (rows of events): a feature is numeric when the schema says
    /// so or, without a schema entry, when all its present values are numbers.
    public init(
        modelID: String, source: String, rows: [[String: FeatureValue]], schema: ModelSchema, createdAt: Date
    ) {
        let columns = FeatureSample.columns(rows) { schema.features[$0] }
        self.init(modelID: modelID, source: source, rowCount: rows.count, columns: columns, createdAt: createdAt)
    }
}

/// One feature's values from events, split into numbers or categories.
public struct FeatureSample: Sendable {
    /// One column per feature found in `rows` (in order of first appearance, names sorted within
    /// a row); `type` gives a feature's declared type, nil to decide from the values.
    public static func columns(_ rows: [[String: FeatureValue]], type: (String) -> FeatureType?)
        -> [ReferenceDataset.Column]
    {
        var names: [String] = []
        var seen: Set<String> = []
        for row in rows {
            for name in row.keys.sorted() where seen.insert(name).inserted { names.append(name) }
        }
        return names.map { name in
            FeatureSample(name: name, values: rows.map { $0[name] ?? .missing }, type: type(name)).column
        }
    }

    /// The column they make.
    public let column: ReferenceDataset.Column

    /// Reads `values`; the type is `type` when given, else numeric when every present value is a
    /// number. Under a numeric type, text values are missing (they are schema violations).
    public init(name: String, values: [FeatureValue], type: FeatureType?) {
        let numeric: Bool
        if let type {
            numeric = type == .numeric
        } else {
            numeric = !values.contains { if case .text = $0 { true } else { false } }
        }
        if numeric {
            var numbers: [Double] = []
            numbers.reserveCapacity(values.count)
            for case .number(let number) in values where number.isFinite { numbers.append(number) }
            column = .init(name: name, values: .numbers(numbers), missing: values.count - numbers.count)
        } else {
            let labels: [String?] = values.map { value in
                switch value {
                case .text(let text): text
                case .number(let number): FeatureValue.label(number)
                case .missing: nil
                }
            }
            let tally = CategoryTally(labels)
            column = .init(name: name, values: .categories(tally), missing: tally.missing)
        }
    }
}
