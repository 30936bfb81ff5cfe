import DriftWatchCore

/// Subscription customers and whether they leave (about 26 %).
///
/// The contract sets the tenure distribution (month-to-month customers are newer) and the
/// plan segment the monthly charges. Churn is likelier for short tenures, high charges, many
/// support tickets, month-to-month contracts, electronic checks and paperless billing.
struct ChurnGenerator: DemoDataGenerator {
    let features: [SimulatedFeature] = [
        .numeric("tenure_months", integer: true),
        .numeric("monthly_charges"),
        .numeric("support_tickets", integer: true),
        .categorical("contract", Self.contracts.categories),
        .categorical("payment_method", Self.payments.categories),
        .categorical("paperless_billing", ["true", "false"]),
    ]
    let segmentKeys = ["plan"]
    let outcome = OutcomeShape.binary(positiveRate: 0.26)

    private static let contracts = CategoricalDistribution(["month": 0.55, "annual": 0.25, "two_year": 0.2])
    /// The churn log-odds of each contract, in `contracts` order.
    private static let contractEffects: [Double] = [0.9, -0.6, -1.6]
    private static let payments = CategoricalDistribution([
        "electronic_check": 0.35, "credit_card": 0.25, "bank_transfer": 0.25, "mailed_check": 0.15,
    ])
    /// The churn log-odds of each payment method, in `payments` order.
    private static let paymentEffects: [Double] = [0.6, -0.2, -0.3, 0.1]
    private static let plans = CategoricalDistribution(["basic": 0.4, "standard": 0.4, "premium": 0.2])
    /// Mean and standard deviation of the monthly charges of each plan, in `plans` order.
    private static let charges: [(mean: Double, deviation: Double)] = [(35, 8), (70, 10), (100, 12)]

    func sample(_ random: inout SimulationRandom) -> SimulatedRecord {
        let plan = Self.plans.drawIndex(&random)
        let contract = Self.contracts.drawIndex(&random)
        let u = random.uniform()
        let tenure: Double =
            switch contract {
            case 0: (-14 * PortableMath.log(u)).rounded(.down)
            case 1: (6 + 54 * u).rounded(.down)
            default: (12 + 60 * u).rounded(.down)
            }
        let charge = max(
            15, random.normal(mean: Self.charges[plan].mean, standardDeviation: Self.charges[plan].deviation))
        let tickets = random.poisson(mean: contract == 0 ? 1.4 : 1.0)
        let payment = Self.payments.draw(&random)
        let paperless = random.bernoulli(0.6)
        return SimulatedRecord(
            values: [
                .number(min(tenure, 72)), .number((charge * 100).rounded() / 100), .number(Double(tickets)),
                .text(Self.contracts.categories[contract]), .text(payment), .text(paperless ? "true" : "false"),
            ],
            segments: [Self.plans.categories[plan]])
    }

    func effect(of index: Int, in record: SimulatedRecord) -> Double {
        switch index {
        case 0: -0.045 * record.number(0)
        case 1: 0.02 * record.number(1)
        case 2: 0.45 * record.number(2)
        case 3: Self.contracts.lookUp(record.category(3), in: Self.contractEffects)
        case 4: Self.payments.lookUp(record.category(4), in: Self.paymentEffects)
        case 5: record.category(5) == "true" ? 0.25 : 0
        default: 0
        }
    }

    func segmentEffect(in record: SimulatedRecord) -> Double { 0 }
}
