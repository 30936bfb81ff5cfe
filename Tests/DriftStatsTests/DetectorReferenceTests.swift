import DriftStats
import Testing

/// `detectors.json`, written by `scripts/fixtures/detector_reference.py`.
struct DetectorFixtures: Decodable {
    struct Stream: Decodable {
        var name: String
        var kind: String
        var values: [Double]
    }

    struct Run: Decodable, CustomTestStringConvertible {
        var detector: String
        var params: [String: String]
        var stream: String
        var detections: [Int]
        var warnings: [Int]

        var testDescription: String {
            let parameters = params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "\(detector)(\(parameters.joined(separator: ", "))) on \(stream)"
        }
    }

    var versions: [String: String]
    var streams: [Stream]
    var runs: [Run]

    /// The values of the stream called `name`.
    func values(_ name: String) -> [Double] {
        guard let stream = streams.first(where: { $0.name == name }) else { fatalError("no stream \(name)") }
        return stream.values
    }

    static let shared: DetectorFixtures = {
        do {
            return try Fixtures.load("detectors", as: DetectorFixtures.self)
        } catch {
            fatalError("cannot load detectors.json: \(error)")
        }
    }()
}

/// The indices at which a detector reported drift and warning, feeding `values` in order.
func feedDetector(_ detector: inout any DriftDetector, _ values: [Double]) -> (drifts: [Int], warnings: [Int]) {
    var drifts: [Int] = []
    var warnings: [Int] = []
    for (i, x) in values.enumerated() {
        detector.update(x)
        if detector.driftDetected { drifts.append(i) }
        if detector.warningDetected { warnings.append(i) }
    }
    return (drifts, warnings)
}

/// Every detector but KSWIN against River 0.26 (CUSUM against the script's reimplementation):
/// the same drift and warning indices on every committed stream and parameter set.
@Suite struct DetectorReferenceTests {
    static let exactRuns = DetectorFixtures.shared.runs.filter { $0.detector != KSWIN.name }

    @Test(arguments: exactRuns)
    func reproducesTheReference(_ run: DetectorFixtures.Run) throws {
        let values = DetectorFixtures.shared.values(run.stream)
        var detector = try DriftDetectors.make(run.detector, parameters: run.params)
        let result = feedDetector(&detector, values)
        #expect(result.drifts == run.detections)
        #expect(result.warnings == run.warnings)
    }

    @Test(arguments: exactRuns.filter { DriftDetectors.type(named: $0.detector)?.isBinary == true })
    func takesBitsAsBooleans(_ run: DetectorFixtures.Run) throws {
        let values = DetectorFixtures.shared.values(run.stream)
        var detector = try #require(
            try DriftDetectors.make(run.detector, parameters: run.params) as? any BinaryDriftDetector)
        var drifts: [Int] = []
        for (i, x) in values.enumerated() {
            detector.update(x == 1)
            if detector.driftDetected { drifts.append(i) }
        }
        #expect(drifts == run.detections)
    }

    @Test func fixturesCoverEveryDetector() {
        let covered = Set(DetectorFixtures.shared.runs.map(\.detector))
        #expect(covered == Set(DriftDetectors.names))
        #expect(DetectorFixtures.shared.versions["river"]?.hasPrefix("0.26") == true)
    }
}
