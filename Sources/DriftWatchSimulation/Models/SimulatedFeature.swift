import DriftWatchCore

/// One input feature of a demo model: its name, type and, for a category, the values it takes.
public struct SimulatedFeature: Sendable, Hashable {
    /// How a numeric feature enters the fitted model before standardisation.
    enum Encoding: Sendable, Hashable {
        /// As it is.
        case identity
        /// As log(1 + max(x, 0)), for skewed positive quantities such as amounts.
        case logarithm
    }

    /// The feature's name in events (`features[name]`).
    public let name: String
    /// Numeric or categorical.
    public let type: FeatureType
    /// A categorical feature's values, most frequent first; empty for a numeric feature.
    public let categories: [String]
    /// Whether a numeric feature holds whole numbers (counts, hours), so that shifted values
    /// are rounded to stay realistic.
    public let isInteger: Bool
    let encoding: Encoding

    /// A numeric feature.
    static func numeric(_ name: String, integer: Bool = false, encoding: Encoding = .identity) -> SimulatedFeature {
        SimulatedFeature(name: name, type: .numeric, categories: [], isInteger: integer, encoding: encoding)
    }

    /// A categorical feature with its values, most frequent first.
    static func categorical(_ name: String, _ categories: [String]) -> SimulatedFeature {
        SimulatedFeature(name: name, type: .categorical, categories: categories, isInteger: false, encoding: .identity)
    }
}
