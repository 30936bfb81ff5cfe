/// The clean data-generating process of a demo model: how its inputs are drawn and how the
/// true outcome depends on them.
///
/// The true outcome's linear score is intercept + Σₖ sₖ·(effectₖ(x) − centreₖ) + segment
/// effect, where sₖ = 1 in clean traffic; concept drift changes sₖ for the features it
/// affects. ``TruthRelation`` supplies the centres and the intercept.
protocol DemoDataGenerator: Sendable {
    /// The input features, in record order.
    var features: [SimulatedFeature] { get }
    /// The segment keys, in record order.
    var segmentKeys: [String] { get }
    /// What the outcome is.
    var outcome: OutcomeShape { get }

    /// One clean row of inputs.
    func sample(_ random: inout SimulationRandom) -> SimulatedRecord

    /// Feature `index`'s contribution to the true score of `record`, before centring.
    func effect(of index: Int, in record: SimulatedRecord) -> Double

    /// The segments' contribution to the true score (segments are not model inputs, so the
    /// fitted model cannot learn it: part of the irreducible error).
    func segmentEffect(in record: SimulatedRecord) -> Double
}

/// The kind of outcome a generator produces.
enum OutcomeShape: Sendable, Hashable {
    /// A 0/1 outcome drawn as Bernoulli(σ(score)); the intercept is tuned to `positiveRate`.
    case binary(positiveRate: Double)
    /// A number: score + `intercept` + Normal(0, `noise`).
    case regression(intercept: Double, noise: Double)
}
