import DriftStats
import Testing

/// Every drift method against scipy, Evidently and astropy on the committed reference vectors:
/// statistics to 1e-9 relative, p-values to 1e-6 relative or 1e-12 absolute, and an undefined
/// result exactly where the reference raises or gives NaN.
@Suite struct DriftMethodReferenceTests {
    /// No permutations: the fixture holds only the MMD statistic (its p-value is random).
    let evaluator = DriftEvaluator(mmdOptions: .init(permutations: 0, maximumSampleSize: 100_000))

    static let numericCases = DriftMethodFixtures.shared.numericCases.map(\.name)
    static let categoricalCases = DriftMethodFixtures.shared.categoricalCases.map(\.name)

    @Test(arguments: numericCases)
    func numeric(_ name: String) throws {
        let fixture = try #require(DriftMethodFixtures.shared.numericCases.first { $0.name == name })
        let reference = SortedSample(fixture.reference.map { $0 ?? .nan })
        let current = SortedSample(fixture.current.map { $0 ?? .nan })
        #expect(reference.missing == fixture.missingReference)
        #expect(current.missing == fixture.missingCurrent)
        for (methodName, expected) in fixture.results {
            let method = try #require(DriftMethod(rawValue: methodName), "unknown method \(methodName)")
            check(evaluator.evaluate(method, reference, current), expected, name)
        }
    }

    @Test(arguments: categoricalCases)
    func categorical(_ name: String) throws {
        let fixture = try #require(DriftMethodFixtures.shared.categoricalCases.first { $0.name == name })
        let counts = CategoryCounts(reference: fixture.reference, current: fixture.current)
        #expect(counts.missingReference == fixture.missingReference)
        #expect(counts.missingCurrent == fixture.missingCurrent)
        for (methodName, expected) in fixture.results {
            let method = try #require(DriftMethod(rawValue: methodName), "unknown method \(methodName)")
            check(evaluator.evaluate(method, counts), expected, name)
        }
    }

    @Test func fixturesCoverEveryMethod() {
        var covered = Set<String>()
        for fixture in DriftMethodFixtures.shared.numericCases { covered.formUnion(fixture.results.keys) }
        for fixture in DriftMethodFixtures.shared.categoricalCases { covered.formUnion(fixture.results.keys) }
        #expect(covered == Set(DriftMethod.allCases.map(\.rawValue)))
    }

    private func check(_ result: DriftTestResult, _ expected: ExpectedResult, _ name: String) {
        let label = "\(name) \(result.method.rawValue)"
        if let error = expected.error {
            // Fisher's odds ratio is infinite with a zero cell, yet its p-value is defined.
            if result.method == .fisherExact, result.reason == "the statistic is infinite" { return }
            #expect(
                result.statistic == nil,
                "\(label): expected undefined (\(error)), got \(String(describing: result.statistic))")
            return
        }
        guard let statistic = result.statistic, let expectedStatistic = expected.statistic else {
            Issue.record(
                "\(label): undefined (\(result.reason ?? "?")) but the reference gives \(String(describing: expected.statistic))"
            )
            return
        }
        #expect(
            Fixtures.agrees(statistic, expectedStatistic, relative: 1e-9, absolute: 1e-12),
            "\(label): statistic \(statistic) vs \(expectedStatistic)")
        // Results clip p-values to [0, 1]; astropy's Kuiper series can leave it by rounding.
        if let expectedP = expected.pValue.map({ min(max($0, 0), 1) }) {
            guard let p = result.pValue else {
                Issue.record("\(label): no p-value, reference \(expectedP)")
                return
            }
            #expect(Fixtures.agrees(p, expectedP, relative: 1e-6, absolute: 1e-12), "\(label): p \(p) vs \(expectedP)")
        }
    }
}
