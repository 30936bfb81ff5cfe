import Crypto

/// The label set that identifies an alert and that routes, inhibitions and silences match on.
///
/// A missing label and a label with an empty value are the same thing, as in Prometheus: setting a
/// label to `""` removes it, and reading a missing one gives nil (matchers treat it as `""`).
///
/// ```swift
/// let labels: AlertLabels = ["alertname": "FeatureDriftPSI", "model": "fraud", "severity": "warning"]
/// labels["model"]  // "fraud"
/// ```
public struct AlertLabels: Sendable, Hashable, Codable, Sequence, ExpressibleByDictionaryLiteral,
    CustomStringConvertible
{
    /// The labels by name.
    public private(set) var values: [String: String]

    /// Creates a label set, dropping empty values.
    public init(_ values: [String: String] = [:]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    /// Creates a label set from a literal.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The value of a label; setting `nil` or `""` removes it.
    public subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = (newValue?.isEmpty ?? true) ? nil : newValue }
    }

    /// The value of a label, `""` when missing: what matchers and `equal` lists compare.
    public func value(_ name: String) -> String { values[name] ?? "" }

    /// The labels sorted by name.
    public var sorted: [(name: String, value: String)] {
        values.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    /// The number of labels.
    public var count: Int { values.count }

    /// Iterates the labels in name order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        sorted.makeIterator()
    }

    /// The labels with `name` present in both sets with the same value.
    public func intersection(_ other: AlertLabels) -> AlertLabels {
        AlertLabels(values.filter { other.values[$0.key] == $0.value })
    }

    /// Only the named labels.
    public func keeping(_ names: some Sequence<String>) -> AlertLabels {
        var kept = AlertLabels()
        for name in names { kept[name] = values[name] }
        return kept
    }

    /// A stable 16-hex-digit identity of the set (a prefix of SHA-256 over the sorted pairs), the
    /// same on every run and every machine; used for dedup keys and display.
    public var fingerprint: String {
        var bytes: [UInt8] = []
        for (name, value) in sorted {
            bytes += Array(name.utf8) + [0] + Array(value.utf8) + [0]
        }
        return SHA256.hash(data: bytes).prefix(8).map { hexByte($0) }.joined()
    }

    /// `{alertname="FeatureDriftPSI", model="fraud"}` in name order, as Prometheus prints labels.
    public var description: String {
        "{" + sorted.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ", ") + "}"
    }

    /// Decodes a JSON object of strings.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: String].self))
    }

    /// Encodes a JSON object of strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

/// Two lowercase hex digits.
func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
}
