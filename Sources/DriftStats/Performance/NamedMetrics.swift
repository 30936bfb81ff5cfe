/// A set of metrics listed under the snake_case names that reports and the CLI print.
public protocol NamedMetrics {
    /// Every metric's name and result (a value, or why it is undefined), in display order.
    var results: [(name: String, result: Result<Double, UndefinedStatistic>)] { get }
}

extension NamedMetrics {
    /// Every metric's name and value, `nil` where it is undefined.
    public var values: [(name: String, value: Double?)] {
        results.map { (name: $0.name, value: try? $0.result.get()) }
    }

    /// The value of the metric called `name`, `nil` when undefined or unknown.
    public func value(named name: String) -> Double? {
        guard let entry = results.first(where: { $0.name == name }) else { return nil }
        return try? entry.result.get()
    }
}
