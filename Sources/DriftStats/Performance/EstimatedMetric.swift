/// One metric estimated without labels: the point estimate and NannyML's sampling-error band.
public struct EstimatedMetric: Sendable, Hashable {
    /// The estimated value.
    public var value: Result<Double, UndefinedStatistic>
    /// The standard error of the estimate for a window of this size.
    public var samplingError: Result<Double, UndefinedStatistic>

    /// Creates an estimate.
    public init(value: Result<Double, UndefinedStatistic>, samplingError: Result<Double, UndefinedStatistic>) {
        self.value = value
        self.samplingError = samplingError
    }

    /// value − 3·SE, floored at 0 (NannyML's lower confidence boundary); `nil` when either is undefined.
    public var lowerBound: Double? {
        guard case .success(let v) = value, case .success(let e) = samplingError else { return nil }
        return max(0, v - 3 * e)
    }

    /// value + 3·SE, capped at 1 (NannyML's upper confidence boundary); `nil` when either is undefined.
    public var upperBound: Double? {
        guard case .success(let v) = value, case .success(let e) = samplingError else { return nil }
        return min(1, v + 3 * e)
    }
}
