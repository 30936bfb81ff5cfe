/// The energy distance √2 · (∫ (F(x) − G(x))² dx)^½ between two samples.
///
/// Agrees with `scipy.stats.energy_distance(reference, current)`; equal to
/// (2E|X−Y| − E|X−X′| − E|Y−Y′|)^½ (Székely & Rizzo), computed from the CDFs in O(n + m).
public enum EnergyDistance {
    /// The energy distance in the data's units.
    public static func distance(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        guard reference.count > 0, current.count > 0 else {
            throw UndefinedStatistic("a sample has no values")
        }
        let integral = EmpiricalCDFDistance.integral(reference.values, current.values, power: 2)
        return DriftOutcome(statistic: 2.0.squareRoot() * integral.squareRoot())
    }
}
