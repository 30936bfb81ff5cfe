import DriftWatchCore

/// Houses and their sale prices.
///
/// Size drives price (about 190 per square foot) with bedrooms following size; older and
/// more distant houses sell for less; the neighbourhood sets both a premium and the typical
/// distance to the centre. The city, a segment the model does not see, shifts prices a little,
/// and a normal noise of 30 000 stands for everything else.
struct PriceGenerator: DemoDataGenerator {
    let features: [SimulatedFeature] = [
        .numeric("sqft", integer: true),
        .numeric("bedrooms", integer: true),
        .numeric("age_years", integer: true),
        .categorical("neighborhood", Self.neighborhoods.categories),
        .numeric("distance_to_center"),
    ]
    let segmentKeys = ["city"]
    let outcome = OutcomeShape.regression(intercept: 400_000, noise: 30_000)

    private static let neighborhoods = CategoricalDistribution([
        "suburbs": 0.35, "midtown": 0.25, "downtown": 0.15, "outskirts": 0.15, "riverside": 0.1,
    ])
    /// Median distance to the centre (km) of each neighbourhood, in `neighborhoods` order.
    private static let medianDistances: [Double] = [15, 6, 2, 28, 8]
    /// The price premium of each neighbourhood, in `neighborhoods` order.
    private static let premiums: [Double] = [0, 60_000, 120_000, -40_000, 90_000]
    private static let cities = CategoricalDistribution(["austin": 0.4, "denver": 0.35, "portland": 0.25])
    /// The price premium of each city, in `cities` order.
    private static let cityPremiums: [Double] = [0, 15_000, -10_000]

    func sample(_ random: inout SimulationRandom) -> SimulatedRecord {
        let city = Self.cities.draw(&random)
        let neighborhood = Self.neighborhoods.drawIndex(&random)
        let sqft = (random.logNormal(median: 1_700, sigma: 0.35) / 10).rounded() * 10
        let bedrooms = min(max((sqft / 650 + 0.3 + 0.6 * random.normal()).rounded(), 1), 7)
        let age = min(random.logNormal(median: 20, sigma: 0.8).rounded(.down), 120)
        let distance = random.logNormal(median: Self.medianDistances[neighborhood], sigma: 0.3)
        return SimulatedRecord(
            values: [
                .number(sqft), .number(bedrooms), .number(age),
                .text(Self.neighborhoods.categories[neighborhood]),
                .number((distance * 10).rounded() / 10),
            ],
            segments: [city])
    }

    func effect(of index: Int, in record: SimulatedRecord) -> Double {
        switch index {
        case 0: 190 * record.number(0)
        case 1: 8_000 * record.number(1)
        case 2: -1_100 * record.number(2)
        case 3: Self.neighborhoods.lookUp(record.category(3), in: Self.premiums)
        case 4: -3_000 * record.number(4)
        default: 0
        }
    }

    func segmentEffect(in record: SimulatedRecord) -> Double {
        Self.cities.lookUp(record.segments[0], in: Self.cityPremiums)
    }
}
