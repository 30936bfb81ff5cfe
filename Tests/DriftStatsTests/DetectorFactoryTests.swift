import DriftStats
import Testing

/// Building detectors by name from `--param` strings, and the listing of their parameters.
@Suite struct DetectorFactoryTests {
    @Test func listsEveryDetectorByItsStableName() {
        #expect(
            DriftDetectors.names == [
                "adwin", "kswin", "page_hinkley", "ddm", "eddm", "hddm_a", "hddm_w", "fhddm", "cusum",
            ])
        #expect(
            Set(DriftDetectors.all.filter { $0.hasWarnings }.map { $0.name }) == ["ddm", "eddm", "hddm_a", "hddm_w"])
        #expect(
            Set(DriftDetectors.all.filter { $0.isBinary }.map { $0.name }) == [
                "ddm", "eddm", "hddm_a", "hddm_w", "fhddm",
            ])
        #expect(DriftDetectors.type(named: "page_hinkley") == PageHinkley.self)
        #expect(DriftDetectors.type(named: "PageHinkley") == nil)
    }

    @Test func listsRiversParameterNamesAndDefaults() {
        let adwin = ADWIN.parameters.map { "\($0.name)=\($0.defaultValue)" }
        #expect(adwin == ["delta=0.002", "clock=32", "max_buckets=5", "min_window_length=5", "grace_period=10"])
        let pageHinkley = PageHinkley.parameters.map { "\($0.name)=\($0.defaultValue)" }
        #expect(pageHinkley == ["min_instances=30", "delta=0.005", "threshold=50.0", "alpha=0.9999", "mode=both"])
        #expect(FHDDM.parameters.last?.defaultValue == "none")
        #expect(KSWIN.parameters.map(\.name) == ["alpha", "window_size", "stat_size", "seed"])
        for type in DriftDetectors.all {
            #expect(Set(type.parameters.map(\.name)).count == type.parameters.count, "\(type.name)")
            #expect(type.parameters.allSatisfy { !$0.summary.isEmpty && !$0.expected.isEmpty })
        }
    }

    @Test func acceptsEveryListedDefaultWrittenOut() throws {
        for type in DriftDetectors.all {
            let written = Dictionary(uniqueKeysWithValues: type.parameters.map { ($0.name, $0.defaultValue) })
            _ = try DriftDetectors.make(type.name, parameters: written)
        }
    }

    @Test func typedDefaultsMatchTheListedOnes() throws {
        let typed: [any DriftDetector] = [
            ADWIN(), KSWIN(), PageHinkley(), DDM(), EDDM(), HDDMA(), HDDMW(), FHDDM(), CUSUM(),
        ]
        for detector in typed {
            let name = type(of: detector).name
            var fromFactory = try DriftDetectors.make(name)
            var fromInit = detector
            let values = DetectorFixtures.shared.values(type(of: detector).isBinary ? "binary_falling" : "real_down")
            #expect(feedDetector(&fromFactory, values) == feedDetector(&fromInit, values), "\(name)")
        }
    }

    @Test func parsesValuesOfEveryKind() throws {
        let adwin = try #require(
            try DriftDetectors.make("adwin", parameters: ["delta": " 0.01 ", "clock": "1"]) as? ADWIN)
        #expect(adwin.delta == 0.01 && adwin.clock == 1 && adwin.gracePeriod == 10)
        let hddm = try #require(try DriftDetectors.make("hddm_w", parameters: ["two_sided_test": "True"]) as? HDDMW)
        #expect(hddm.twoSidedTest)
        let pageHinkley = try #require(
            try DriftDetectors.make("page_hinkley", parameters: ["mode": "down"]) as? PageHinkley)
        #expect(pageHinkley.mode == .down)
        let fhddm = try #require(try DriftDetectors.make("fhddm", parameters: ["short_window_size": "20"]) as? FHDDM)
        #expect(fhddm.shortWindowSize == 20)
        let cusum = try #require(
            try DriftDetectors.make("cusum", parameters: ["mu0": "-1.5", "warm_up": "5"]) as? CUSUM)
        #expect(cusum.mu0 == -1.5 && cusum.warmUp == 5)
        let kswin = try #require(
            try DriftDetectors.make("kswin", parameters: ["seed": "18446744073709551615"]) as? KSWIN)
        #expect(kswin.seed == .max)
    }

    @Test func rejectsAnUnknownDetector() {
        #expect(throws: DetectorConfigurationError.unknownDetector("adwin2", known: DriftDetectors.names)) {
            try DriftDetectors.make("adwin2")
        }
        let error = DetectorConfigurationError.unknownDetector("adwin2", known: DriftDetectors.names)
        #expect(error.description.contains("'adwin2'") && error.description.contains("page_hinkley"))
    }

    @Test func rejectsAnUnknownParameterByName() {
        do {
            _ = try DriftDetectors.make("adwin", parameters: ["delta": "0.01", "detla": "0.01"])
            Issue.record("accepted an unknown parameter")
        } catch {
            guard case .unknownParameter(let detector, let parameter, let known) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(detector == "adwin" && parameter == "detla" && known.contains("grace_period"))
            #expect(error.description.contains("'detla'"))
        }
    }

    @Test(arguments: [
        ("adwin", "delta", "abc"), ("adwin", "delta", "0"), ("adwin", "delta", "1"), ("adwin", "delta", "nan"),
        ("adwin", "clock", "0"), ("adwin", "clock", "1.5"), ("adwin", "grace_period", "-1"),
        ("adwin", "max_buckets", "1"),
        ("kswin", "alpha", "1.5"), ("kswin", "seed", "-1"), ("kswin", "stat_size", "60"),
        ("kswin", "window_size", "50"),
        ("page_hinkley", "mode", "sideways"), ("page_hinkley", "threshold", "-1"), ("page_hinkley", "alpha", "inf"),
        ("ddm", "warm_start", "ten"), ("eddm", "alpha", "0.5"), ("eddm", "beta", "0.99"),
        ("hddm_a", "two_sided_test", "maybe"),
        ("hddm_w", "lambda_val", "2"), ("fhddm", "short_window_size", "200"), ("fhddm", "short_window_size", "0"),
        ("cusum", "h", "0"), ("cusum", "mu0", "nan"), ("cusum", "sigma", ""),
    ])
    func rejectsABadValueNamingTheParameter(_ detector: String, _ parameter: String, _ value: String) {
        do {
            _ = try DriftDetectors.make(detector, parameters: [parameter: value])
            Issue.record("\(detector) accepted \(parameter)=\(value)")
        } catch {
            guard case .invalidValue(let reportedDetector, let reportedParameter, let reportedValue, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(reportedDetector == detector && reportedParameter == parameter && reportedValue == value)
            #expect(error.description.contains("'\(parameter)'"))
        }
    }
}
