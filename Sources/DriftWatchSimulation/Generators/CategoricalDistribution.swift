/// A finite distribution over categories, drawn by inversion of one uniform.
struct CategoricalDistribution: Sendable, Hashable {
    /// The categories, in the order of `shares`.
    let categories: [String]
    /// The running totals of the shares, ending at 1.
    let cumulative: [Double]

    /// A distribution with the given shares (normalised to sum to 1).
    init(_ pairs: KeyValuePairs<String, Double>) {
        self.init(categories: pairs.map(\.key), shares: pairs.map(\.value))
    }

    /// A distribution over `categories` with `shares` (normalised to sum to 1).
    init(categories: [String], shares: [Double]) {
        precondition(categories.count == shares.count && !categories.isEmpty, "one share per category")
        let total = shares.reduce(0, +)
        var running = 0.0
        self.categories = categories
        cumulative = shares.map { share in
            running += share / total
            return running
        }
    }

    /// The index of a drawn category.
    func drawIndex(_ random: inout SimulationRandom) -> Int { random.index(cumulative: cumulative) }

    /// A drawn category.
    func draw(_ random: inout SimulationRandom) -> String { categories[drawIndex(&random)] }

    /// The entry of `table` (one per category, in order) for `category`; 0 for a category
    /// outside the distribution. A linear scan: a handful of short strings compare faster
    /// than they hash.
    func lookUp(_ category: String, in table: [Double]) -> Double {
        guard let index = categories.firstIndex(of: category) else { return 0 }
        return table[index]
    }
}
