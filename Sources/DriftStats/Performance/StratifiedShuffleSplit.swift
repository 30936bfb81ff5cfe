/// The train and test indices of scikit-learn's
/// `StratifiedShuffleSplit(n_splits, test_size=0.1, random_state=seed)`, draw for draw.
///
/// Each split takes ⌈0.1·n⌉ test rows. Per split, the rows per class follow
/// `_approximate_mode` (the floor of each class's proportional share, the remaining rows given
/// to the largest remainders with ties broken by a random permutation), then each class's
/// rows are permuted and cut, and the train and test lists are permuted once more. Classes
/// are the sorted distinct labels, their rows taken in order.
enum StratifiedShuffleSplit {
    /// The splits of rows labelled `labels` (class positions 0..<classCount).
    static func splits(
        labels: [Int], classCount: Int, count: Int = 10, seed: UInt32 = 42
    ) throws(UndefinedStatistic) -> [(train: [Int], test: [Int])] {
        let n = labels.count
        let testCount = Int((0.1 * Double(n)).rounded(.up))
        let trainCount = n - testCount
        var rows = [[Int]](repeating: [], count: classCount)
        for (row, label) in labels.enumerated() { rows[label].append(row) }
        let sizes = rows.map(\.count)
        guard sizes.allSatisfy({ $0 >= 2 }) else {
            throw UndefinedStatistic("a class has fewer than two reference rows")
        }
        guard trainCount >= classCount, testCount >= classCount else {
            throw UndefinedStatistic("the reference is too small to split into train and test rows")
        }
        var generator = MersenneTwister(seed: seed)
        var result: [(train: [Int], test: [Int])] = []
        for _ in 0..<count {
            let trainSizes = approximateMode(sizes, draws: trainCount, &generator)
            let remaining = zip(sizes, trainSizes).map { $0 - $1 }
            let testSizes = approximateMode(remaining, draws: testCount, &generator)
            var train: [Int] = []
            var test: [Int] = []
            for c in 0..<classCount {
                let permuted = generator.permutation(sizes[c]).map { rows[c][$0] }
                train += permuted[..<trainSizes[c]]
                test += permuted[trainSizes[c]..<(trainSizes[c] + testSizes[c])]
            }
            generator.shuffle(&train)
            generator.shuffle(&test)
            result.append((train, test))
        }
        return result
    }

    /// scikit-learn's `_approximate_mode(class_counts, n_draws, rng)`.
    private static func approximateMode(_ sizes: [Int], draws: Int, _ generator: inout MersenneTwister) -> [Int] {
        let total = Double(sizes.reduce(0, +))
        let continuous = sizes.map { Double($0) / total * Double(draws) }
        var floored = continuous.map { $0.rounded(.down) }
        var needed = Int(Double(draws) - floored.reduce(0, +))
        if needed > 0 {
            let remainders = zip(continuous, floored).map { $0 - $1 }
            for value in Set(remainders).sorted(by: >) {
                let tied = remainders.indices.filter { remainders[$0] == value }
                let adding = min(tied.count, needed)
                for pick in generator.permutation(tied.count)[..<adding] { floored[tied[pick]] += 1 }
                needed -= adding
                if needed == 0 { break }
            }
        }
        return floored.map { Int($0) }
    }
}
