import DriftWatchCore

/// Card transactions and whether they were fraudulent (about 3 %).
///
/// The merchant category sets the typical amount and a risk; the channel decides whether the
/// card was present. Fraud is likelier for large amounts, risky categories, night hours (a
/// step the linear model can only approximate), far from home, card not present, new
/// devices and bursts of transactions; web traffic and the APAC region add a little risk
/// through segments the model does not see.
struct FraudGenerator: DemoDataGenerator {
    let features: [SimulatedFeature] = [
        .numeric("amount", encoding: .logarithm),
        .categorical("merchant_category", Self.merchants.categories),
        .numeric("hour", integer: true),
        .numeric("distance_from_home", encoding: .logarithm),
        .categorical("card_present", ["false", "true"]),
        .numeric("device_age_days", integer: true, encoding: .logarithm),
        .numeric("transactions_last_24h", integer: true),
    ]
    let segmentKeys = ["region", "channel"]
    let outcome = OutcomeShape.binary(positiveRate: 0.03)

    private static let merchants = CategoricalDistribution([
        "grocery": 0.28, "restaurant": 0.18, "retail": 0.16, "fuel": 0.12, "electronics": 0.08,
        "digital_goods": 0.08, "travel": 0.06, "gift_cards": 0.04,
    ])
    /// The median amount of each merchant category, in `merchants` order.
    private static let medianAmounts: [Double] = [45, 35, 80, 50, 220, 20, 400, 100]
    /// The fraud risk (log-odds) of each merchant category, in `merchants` order.
    private static let risks: [Double] = [-1.3, -0.72, 0, -0.43, 1.74, 1.9, 1.45, 3.2]
    private static let regions = CategoricalDistribution(["eu": 0.4, "us": 0.45, "apac": 0.15])
    private static let channels = CategoricalDistribution(["web": 0.35, "pos": 0.45, "app": 0.2])
    /// P(card present) on web, pos and app.
    private static let cardPresentShares: [Double] = [0.02, 0.96, 0.1]

    func sample(_ random: inout SimulationRandom) -> SimulatedRecord {
        let region = Self.regions.draw(&random)
        let channel = Self.channels.drawIndex(&random)
        let merchant = Self.merchants.drawIndex(&random)
        let amount = random.logNormal(median: Self.medianAmounts[merchant], sigma: 0.8)
        let hour = random.normal(mean: 14, standardDeviation: 4.5)
        let distance = random.logNormal(median: 8, sigma: 1.1)
        let cardPresent = random.bernoulli(Self.cardPresentShares[channel])
        let deviceAge = random.logNormal(median: 200, sigma: 1.3)
        let transactions = random.poisson(mean: 2.5)
        return SimulatedRecord(
            values: [
                .number((amount * 100).rounded() / 100),
                .text(Self.merchants.categories[merchant]),
                .number(Self.wrapped(hour.rounded(.down), period: 24)),
                .number((distance * 10).rounded() / 10),
                .text(cardPresent ? "true" : "false"),
                .number(deviceAge.rounded(.down)),
                .number(Double(transactions)),
            ],
            segments: [region, Self.channels.categories[channel]])
    }

    func effect(of index: Int, in record: SimulatedRecord) -> Double {
        switch index {
        case 0: 1.45 * PortableMath.log(max(record.number(0), 0.01))
        case 1: Self.merchants.lookUp(record.category(1), in: Self.risks)
        case 2: (0..<6).contains(record.number(2)) ? 2.6 : 0
        case 3: PortableMath.log(1 + max(record.number(3), 0))
        case 4: record.category(4) == "false" ? 1.9 : 0
        case 5: -0.87 * PortableMath.log(1 + max(record.number(5), 0))
        case 6: 0.44 * record.number(6)
        default: 0
        }
    }

    func segmentEffect(in record: SimulatedRecord) -> Double {
        (record.segments[0] == "apac" ? 0.3 : 0) + (record.segments[1] == "web" ? 0.45 : 0)
    }

    /// `value` folded into [0, `period`).
    private static func wrapped(_ value: Double, period: Double) -> Double {
        let remainder = value.truncatingRemainder(dividingBy: period)
        return remainder < 0 ? remainder + period : remainder
    }
}
