/// What a scenario does, when and how strongly: the body of `POST /v1/simulations` and of
/// `driftwatch simulate`, with snake_case keys in JSON.
///
/// ```json
/// {"type": "sudden_drift", "features": ["amount"], "magnitude": 2, "start_seconds": 300}
/// ```
///
/// Common fields: `features` (the affected features; the model's defaults when absent),
/// `start_seconds` (after the traffic starts), `duration_seconds`, `rate` (the fraction of
/// events in the window the fault touches) and `seed` (the scenario's own randomness).
/// `magnitude` and the kind-specific fields mean, per type:
///
/// | type | magnitude | other fields |
/// |---|---|---|
/// | `gradual_drift` | shift in training standard deviations (default 2); `duration_seconds` is the ramp and is required | |
/// | `sudden_drift` | the same, at once (default 2) | |
/// | `data_quality` | — | `missing_rate` (0.2), `outlier_rate` (0.05), `unseen_category_rate` (0.1), `unit_factor`; `duration_seconds` is the ramp |
/// | `latency_spike` | latency multiplier (default 5) | `error_rate` (0.05) |
/// | `concept_drift` | change of the affected features' true effect, in (0, 2]: 1 removes it, 2 reverses it (default 1.5) | |
/// | `label_delay` | — | `label_delay_seconds` (3600), `label_drop_rate` (0) |
///
/// For data_quality and label_delay, fields left out are 0 when any of their group is given,
/// and take the defaults above when none is. A categorical feature drifts by redrawing a
/// fraction min(1, |magnitude|/4) of its values from its categories' shares in reverse order.
/// For the ramped types the effect holds at full strength after `duration_seconds`; for the
/// others it ends then (lasting to the end of the traffic without a duration).
public struct ScenarioConfiguration: Sendable, Hashable {
    /// The failure injected.
    public var type: ScenarioKind
    /// The features affected; nil for the model's defaults.
    public var features: [String]?
    /// How strong the failure is; its meaning depends on ``type``; nil for the default.
    public var magnitude: Double?
    /// When it starts, in seconds after the traffic starts.
    public var startSeconds: Double
    /// How long it lasts (or, for ramped types, how long it takes to reach full strength).
    public var durationSeconds: Double?
    /// The fraction of events in the window that the fault touches, in (0, 1].
    public var rate: Double
    /// The seed of the scenario's own random decisions.
    public var seed: UInt64
    /// data_quality: the fraction of an affected feature's values made missing.
    public var missingRate: Double?
    /// data_quality: the fraction of an affected numeric feature's values made outliers.
    public var outlierRate: Double?
    /// data_quality: the fraction of an affected categorical feature's values replaced by
    /// categories the model never saw.
    public var unseenCategoryRate: Double?
    /// data_quality: a factor affected numeric features are multiplied by (100 for a switch to cents).
    public var unitFactor: Double?
    /// latency_spike: the fraction of requests that fail.
    public var errorRate: Double?
    /// label_delay: the extra delay of each affected label, in seconds.
    public var labelDelaySeconds: Double?
    /// label_delay: the fraction of affected labels that never arrive.
    public var labelDropRate: Double?

    /// A configuration; everything but the type has a default.
    public init(
        type: ScenarioKind, features: [String]? = nil, magnitude: Double? = nil, startSeconds: Double = 0,
        durationSeconds: Double? = nil, rate: Double = 1, seed: UInt64 = 0, missingRate: Double? = nil,
        outlierRate: Double? = nil, unseenCategoryRate: Double? = nil, unitFactor: Double? = nil,
        errorRate: Double? = nil, labelDelaySeconds: Double? = nil, labelDropRate: Double? = nil
    ) {
        self.type = type
        self.features = features
        self.magnitude = magnitude
        self.startSeconds = startSeconds
        self.durationSeconds = durationSeconds
        self.rate = rate
        self.seed = seed
        self.missingRate = missingRate
        self.outlierRate = outlierRate
        self.unseenCategoryRate = unseenCategoryRate
        self.unitFactor = unitFactor
        self.errorRate = errorRate
        self.labelDelaySeconds = labelDelaySeconds
        self.labelDropRate = labelDropRate
    }
}
