import DriftStats
import Foundation
import Testing

@testable import DriftWatchCore

@Suite struct ProfileTests {
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Normal draws by Box–Muller on the seeded generator.
    static func normals(_ n: Int, mean: Double, std: Double, seed: UInt64) -> [Double] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return (0..<n).map { _ in
            let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
            let v = Double.random(in: 0..<1, using: &generator)
            return mean + std * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    static func profile(of values: [Double], feature: String = "x") -> TrafficProfile {
        var profile = TrafficProfile()
        for (i, value) in values.enumerated() {
            profile.add(
                ProfiledEvent(
                    position: Int64(i + 1), modelID: "m", timestamp: Date(timeIntervalSince1970: 0),
                    latencyMilliseconds: Double(i % 100), features: [feature: .number(value)]))
        }
        return profile
    }

    @Test func aWindowIsCoveredByDaysThenHoursThenTenMinutesThenMinutesWithoutGapsOrOverlap() {
        let plan = ProfileWindowPlan(
            from: Self.date("2026-01-01T10:30:20Z"), to: Self.date("2026-01-03T02:14:05Z"))
        // Widened outward to whole minutes.
        #expect(plan.from == Self.date("2026-01-01T10:30:00Z"))
        #expect(plan.to == Self.date("2026-01-03T02:15:00Z"))
        let expected: [(ProfileResolution, String, String)] = [
            (.tenMinutes, "2026-01-01T10:30:00Z", "2026-01-01T11:00:00Z"),
            (.hour, "2026-01-01T11:00:00Z", "2026-01-02T00:00:00Z"),
            (.day, "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"),
            (.hour, "2026-01-03T00:00:00Z", "2026-01-03T02:00:00Z"),
            (.tenMinutes, "2026-01-03T02:00:00Z", "2026-01-03T02:10:00Z"),
            (.minute, "2026-01-03T02:10:00Z", "2026-01-03T02:15:00Z"),
        ]
        #expect(plan.spans.count == expected.count)
        for (span, (resolution, from, to)) in zip(plan.spans, expected) {
            #expect(span.resolution == resolution)
            #expect(span.from == Self.date(from))
            #expect(span.to == Self.date(to))
        }
        for (a, b) in zip(plan.spans, plan.spans.dropFirst()) { #expect(a.to == b.from) }
    }

    @Test func onlySpansFromTheStartOfAnHourCanCloseWithThatHour() throws {
        let day = ProfileWindowPlan(from: Self.date("2026-01-01T10:30:20Z"), to: Self.date("2026-01-02T10:14:05Z"))
        let hour = try #require(day.closingHour)
        #expect(hour.resolution == .hour)
        #expect(hour.from == Self.date("2026-01-02T10:00:00Z") && hour.to == Self.date("2026-01-02T11:00:00Z"))
        let closed = day.closingWithHour()
        // 10:00–10:10 as ten minutes and 10:10–10:15 as minutes, read as the hour.
        #expect(day.spans.suffix(2).map(\.resolution) == [.tenMinutes, .minute])
        #expect(closed.spans.dropLast() == day.spans.dropLast(2))
        #expect(closed.spans.last == hour)
        // Ends on an hour: nothing to close. Within one hour: its minutes do not start the hour.
        #expect(
            ProfileWindowPlan(from: Self.date("2026-01-01T10:30:00Z"), to: Self.date("2026-01-02T10:00:00Z"))
                .closingHour == nil)
        #expect(
            ProfileWindowPlan(from: Self.date("2026-01-01T10:05:00Z"), to: Self.date("2026-01-01T10:50:00Z"))
                .closingHour == nil)
    }

    @Test func aShortWindowIsMinutesOnly() {
        let plan = ProfileWindowPlan(from: Self.date("2026-01-01T10:01:00Z"), to: Self.date("2026-01-01T10:09:00Z"))
        #expect(plan.spans.map(\.resolution) == [.minute])
        // Longer, it reads its whole ten minutes as such.
        let longer = ProfileWindowPlan(
            from: Self.date("2026-01-01T10:05:00Z"), to: Self.date("2026-01-01T10:50:00Z"))
        #expect(longer.spans.map(\.resolution) == [.minute, .tenMinutes])
    }

    @Test func bucketsAlignToUTCBoundariesAlsoBefore1970() {
        #expect(
            ProfileResolution.hour.bucketStart(of: Self.date("2026-03-04T05:59:59Z"))
                == Self.date("2026-03-04T05:00:00Z"))
        #expect(
            ProfileResolution.day.bucketStart(of: Self.date("1969-12-31T23:00:00Z"))
                == Self.date("1969-12-31T00:00:00Z"))
    }

    @Test func profilesRoundTripThroughTheirStoredForm() throws {
        var profile = Self.profile(of: Self.normals(3_000, mean: 0, std: 1, seed: 1))
        profile.add(
            ProfiledEvent(
                position: 9_999, modelID: "m", timestamp: Date(), predictionText: "yes",
                features: ["colour": .text("red"), "x": .missing, "weird.name.kll": .number(1)], error: "boom",
                violatedFields: ["colour"]))
        let decoded = try TrafficProfile(serialized: profile.serialized())
        #expect(decoded == profile)
        #expect(decoded.errors == 1)
        #expect(decoded.schemaViolations == 1)
        #expect(decoded.features["colour"]?.typeViolations == 1)
        #expect(decoded.features["x"]?.missing == 1)
        #expect(decoded.features["weird.name.kll"]?.moments.count == 1)
    }

    @Test func featureNamesThatShareAPrefixOrHoldDotsDecodeApart() throws {
        // Stored names sort so that the entries of "a.m" fall between those of "a".
        var profile = TrafficProfile()
        for i in 0..<40 {
            profile.add(
                ProfiledEvent(
                    position: Int64(i + 1), modelID: "m", timestamp: Date(timeIntervalSince1970: 0),
                    latencyMilliseconds: Double(i),
                    features: [
                        "a": .number(Double(i)), "a.m": i % 2 == 0 ? .text("even") : .missing,
                        "a.b.moments": .number(-Double(i)), "m": .text("\(i % 3)"),
                    ]))
        }
        let decoded = try TrafficProfile(serialized: profile.serialized())
        #expect(decoded == profile)
        let summary = try TrafficProfile(serialized: profile.serializedSummary(), detail: .summary)
        #expect(Set(summary.features.keys) == ["a", "a.m", "a.b.moments", "m"])
        #expect(summary.features["a.m"]?.missing == 20 && summary.features["a.m"]?.present == 20)
        #expect(summary.features["a.b.moments"]?.moments == profile.features["a.b.moments"]?.moments)
        #expect(summary.latency == profile.latency && summary.count == 40)
    }

    @Test func aProfileWithoutItsLatencySketchIsRefusedByName() throws {
        var bundle = SketchBundle(counters: ["count": 1])
        bundle.parts["latency.moments"] = MomentsSketch().serialized()
        #expect(throws: SketchError.corrupt("the profile has no part latency.kll")) {
            try TrafficProfile(serialized: bundle.serialized())
        }
        bundle.parts["latency.kll"] = KLLSketch(k: 200).serialized()
        bundle.parts["prediction.moments"] = MomentsSketch().serialized()
        bundle.parts["prediction.kll"] = KLLSketch(k: 200).serialized()
        bundle.parts["prediction.categories"] = SpaceSavingSketch(capacity: 64).serialized()
        bundle.parts["feature.x.moments"] = MomentsSketch().serialized()
        #expect(throws: SketchError.corrupt("the profile has no part feature.x.kll")) {
            try TrafficProfile(serialized: bundle.serialized())
        }
        bundle.counters["feature.x.categorized"] = 0
        #expect(try TrafficProfile(serialized: bundle.serialized(), detail: .summary).features["x"] != nil)
    }

    @Test func aSummaryReadKeepsEveryCountButSkipsTheFeatureSketches() throws {
        var profile = Self.profile(of: Self.normals(2_000, mean: 0, std: 1, seed: 9))
        profile.add(
            ProfiledEvent(position: 1, modelID: "m", timestamp: Date(), features: ["c": .text("a"), "x": .missing]))
        let bytes = profile.serialized()
        var summary = try TrafficProfile(serialized: bytes, detail: .summary)
        summary.merge(try TrafficProfile(serialized: bytes, detail: .summary))
        var full = try TrafficProfile(serialized: bytes)
        full.merge(try TrafficProfile(serialized: bytes))
        #expect(summary.count == full.count && summary.errors == full.errors)
        #expect(summary.latency == full.latency)
        for name in ["x", "c"] {
            #expect(summary.features[name]?.present == full.features[name]?.present)
            #expect(summary.features[name]?.missing == full.features[name]?.missing)
        }
        #expect(summary.features["x"]?.quantiles.isEmpty == true)
        #expect(full.features["x"]?.quantiles.count == 4_000)

        // The stored summary decodes to what a summary read of the full form gives, and is small.
        let stored = profile.serializedSummary()
        #expect(
            try TrafficProfile(serialized: stored, detail: .summary)
                == TrafficProfile(serialized: bytes, detail: .summary))
        // Of the sketches only latency's is kept: the prediction's and features' are left out.
        let parts = try SketchBundle(serialized: stored).parts.keys.sorted()
        #expect(parts.filter { $0.hasSuffix(".kll") || $0.hasSuffix(".categories") } == ["latency.kll"], "\(parts)")
        #expect(stored.count < bytes.count)
        // A summary of a summary keeps the counts.
        let again = try TrafficProfile(serialized: stored, detail: .summary).serializedSummary()
        #expect(
            try TrafficProfile(serialized: again, detail: .summary)
                == TrafficProfile(serialized: stored, detail: .summary))
    }

    @Test func mergingBucketsEqualsProfilingTheirEventsTogether() {
        let values = Self.normals(4_000, mean: 5, std: 2, seed: 2)
        var merged = Self.profile(of: Array(values[..<1_500]))
        merged.merge(Self.profile(of: Array(values[1_500...])))
        let whole = Self.profile(of: values)
        #expect(merged.count == whole.count)
        let a = merged.features["x"]!
        let b = whole.features["x"]!
        #expect(a.moments.count == b.moments.count)
        #expect(abs(a.moments.mean - b.moments.mean) < 1e-12)
        #expect(abs(a.moments.variance(ddof: 1) - b.moments.variance(ddof: 1)) < 1e-9)
        // Quantiles agree within the sketches' rank error.
        let sorted = values.sorted()
        let median = sorted[sorted.count / 2]
        #expect(abs(a.quantiles.rank(median) - 0.5) <= a.quantiles.normalizedRankError)
    }

    @Test func aLongListOfBucketsMergesInChunksToTheSameProfile() {
        // 40 buckets of 4 values each: merged in chunks on all cores, and one by one.
        let buckets = (0..<40).map { i in Self.profile(of: (0..<4).map { Double(4 * i + $0) }) }
        var sequential = TrafficProfile()
        for bucket in buckets { sequential.merge(bucket) }
        let chunked = TrafficProfile.merged(buckets)
        #expect(chunked.count == 160 && chunked.count == sequential.count)
        let (a, b) = (chunked.features["x"]!, sequential.features["x"]!)
        #expect(a.moments.count == b.moments.count && abs(a.moments.mean - b.moments.mean) < 1e-12)
        #expect(a.quantiles.sortedView().values == (0..<160).map(Double.init))
        #expect(a.quantiles.sortedView().values == b.quantiles.sortedView().values)
        #expect(chunked.latency.sortedView().values == sequential.latency.sortedView().values)
    }

    @Test func eventsSharingAMinuteAndTagsAreAddedOnceAndMergedIntoEveryBucket() throws {
        // 150 events over ten minutes, two versions, two regions: 40 groups, and one lone event.
        let start = Self.date("2026-05-28T20:00:00Z")
        var events = (0..<150).map { i -> ProfiledEvent in
            let version = i % 2 == 0 ? "v1" : "v2"
            let category: FeatureValue = .text(i % 3 == 0 ? "a" : "b")
            let region = i % 4 < 2 ? "eu" : "us"
            let error: String? = i % 10 == 0 ? "e" : nil
            return ProfiledEvent(
                position: Int64(i + 1), modelID: "m", modelVersion: version, timestamp: start + Double(4 * i),
                predictionNumber: Double(i % 7), latencyMilliseconds: Double(i % 40),
                features: ["x": .number(Double(i)), "c": category], segments: ["region": region], error: error)
        }
        events.append(
            ProfiledEvent(position: 151, modelID: "m", timestamp: start + 7_200, features: ["x": .number(-1)]))
        let grouped = ProfileBuilder.increments(for: events)
        // Each event added to each of its buckets, one by one.
        var single: [ProfileKey: TrafficProfile] = [:]
        for event in events {
            for resolution in ProfileResolution.allCases {
                for segment in [""] + event.segments.map({ "\($0.key):\($0.value)" }) {
                    let key = ProfileKey(
                        modelID: "m", modelVersion: event.modelVersion, segment: segment, resolution: resolution,
                        bucketStart: resolution.bucketStart(of: event.timestamp))
                    single[key, default: TrafficProfile()].add(event)
                }
            }
        }
        #expect(Set(grouped.keys) == Set(single.keys))
        for (key, expected) in single {
            let profile = try #require(grouped[key])
            #expect(profile.count == expected.count && profile.errors == expected.errors, "\(key)")
            let (x, y) = (try #require(profile.features["x"]), try #require(expected.features["x"]))
            #expect(x.moments.count == y.moments.count && abs(x.moments.mean - y.moments.mean) < 1e-9, "\(key)")
            // Few enough values for exact sketches: the same values, in order.
            #expect(x.quantiles.sortedView().values == y.quantiles.sortedView().values, "\(key)")
            #expect(
                profile.features["c"]?.categories.estimate(of: "a").count
                    == expected.features["c"]?.categories.estimate(of: "a").count)
            #expect(profile.latency.sortedView().values == expected.latency.sortedView().values, "\(key)")
        }
    }

    @Test func aBucketFedByOneMinuteHoldsThatMinutesProfile() throws {
        // Live traffic: 3,000 events within one minute, in six groups of tags, enough values
        // for the sketches to compact. Every coarser bucket holds exactly the minute's profile,
        // and the minute's all-traffic profile counts every event.
        let start = Self.date("2026-05-28T20:07:00Z")
        let regions = ["eu", "us", "ap"]
        let tiers = ["gold", "free"]
        var events: [ProfiledEvent] = []
        for i in 0..<3_000 {
            let x = Double((i * 7_919) % 3_001)
            events.append(
                ProfiledEvent(
                    position: Int64(i + 1), modelID: "m", modelVersion: "v1", timestamp: start + Double(i) / 60,
                    predictionNumber: Double(i % 11), latencyMilliseconds: Double(i % 97),
                    features: ["x": .number(x), "y": .number(Double(i))],
                    segments: ["region": regions[i % 3], "tier": tiers[i % 2]]))
        }
        let increments = ProfileBuilder.increments(for: events)
        let minuteKeys = increments.keys.filter { $0.resolution == ProfileResolution.minute }
        #expect(minuteKeys.count == 6)  // all traffic, three regions, two tiers
        #expect(increments.count == 6 * ProfileResolution.allCases.count)
        for minuteKey in minuteKeys {
            let minute = increments[minuteKey]
            for resolution in ProfileResolution.allCases {
                var key = minuteKey
                key.resolution = resolution
                key.bucketStart = resolution.bucketStart(of: start)
                #expect(increments[key] == minute, "\(key)")
            }
        }
        let allKey = try #require(minuteKeys.first { $0.segment == ProfileBuilder.allTraffic })
        let all = try #require(increments[allKey])
        #expect(all.count == 3_000 && all.features["x"]?.quantiles.count == 3_000)
        let y = try #require(all.features["y"])
        #expect(y.moments.count == 3_000 && abs(y.moments.mean - 1_499.5) < 1e-9)
    }

    /// The profile path against the exact path on the same values: KS within the sketch's
    /// rank error, Welch's t exactly, Wasserstein within its error bound, and the binned
    /// distances against the same distances on the same bins filled with the exact values;
    /// the same verdict every time.
    @Test(arguments: [0.0, 0.05, 0.3])
    func profileDriftAgreesWithDriftOnTheRawValues(shift: Double) throws {
        let reference = Self.normals(5_000, mean: 0, std: 1, seed: 3)
        let current = Self.normals(20_000, mean: shift, std: 1, seed: 4)
        let dataset = ReferenceDataset(
            modelID: "m", source: "test", rowCount: reference.count,
            columns: [.init(name: "x", values: .numbers(reference), missing: 0)], createdAt: Date())
        let profile = Self.profile(of: current)
        let sketch = profile.features["x"]!.quantiles
        func sketched(_ method: DriftMethod) throws -> DriftTestResult {
            dataset.drift(profile: profile, options: DriftReportOptions(methods: [method])).features[0].results[0]
                .result
        }
        func exact(_ method: DriftMethod) throws -> DriftTestResult {
            dataset.drift(
                current: [.init(name: "x", values: .numbers(current), missing: 0)], currentRows: current.count,
                options: DriftReportOptions(methods: [method])
            ).features[0].results[0].result
        }
        let ks = (try sketched(.ks), try exact(.ks))
        #expect(abs(ks.0.statistic! - ks.1.statistic!) <= sketch.normalizedRankError)
        #expect(ks.0.drift == ks.1.drift)
        let t = (try sketched(.tTest), try exact(.tTest))
        #expect(abs(t.0.statistic! - t.1.statistic!) <= 1e-9 * max(1, abs(t.1.statistic!)))
        #expect(abs(t.0.pValue! - t.1.pValue!) <= 1e-9)
        let w = (try sketched(.wassersteinNormed), try exact(.wassersteinNormed))
        // SketchDistances' bound: ε·(max − min) of the window, over the reference's std.
        let bound =
            sketch.normalizedRankError * (sketch.maximum - sketch.minimum)
            / profileStd(reference)
        #expect(abs(w.0.statistic! - w.1.statistic!) <= bound, "\(w.0.statistic!) vs \(w.1.statistic!)")
        #expect(w.0.drift == w.1.drift)

        // The binned methods on the reference's deciles, filled with the exact current values.
        let sortedReference = reference.sorted()
        let sortedCurrent = current.sorted()
        let edges = SketchedDrift.referenceEdges(SortedSample(sorted: sortedReference))
        func shares(_ sorted: [Double]) -> [Double] {
            var below = 0
            return edges.map { edge in
                let upTo = edge == .infinity ? sorted.count : sorted.lastIndex { $0 <= edge }.map { $0 + 1 } ?? 0
                defer { below = upTo }
                return Double(upTo - below) / Double(sorted.count)
            }
        }
        let bins = BinnedProportions(reference: shares(sortedReference), current: shares(sortedCurrent))
        let psi = try sketched(.psi)
        let js = try sketched(.jensenShannon)
        let exactPSI = PopulationStabilityIndex.value(bins)
        let exactJS = JensenShannonDistance.value(bins)
        #expect(abs(psi.statistic! - exactPSI) <= 0.005 + 0.1 * exactPSI, "\(psi.statistic!) vs \(exactPSI)")
        #expect(abs(js.statistic! - exactJS) <= 0.01 + 0.1 * exactJS, "\(js.statistic!) vs \(exactJS)")
        #expect(psi.drift == (exactPSI >= psi.threshold))
        #expect(js.drift == (exactJS >= js.threshold))
        #expect(ks.0.drift == (shift > 0), "a shift of \(shift) std with 5,000 and 20,000 values")
    }

    func profileStd(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
    }

    @Test func categoricalProfilesCompareExactlyLikeTheirValues() {
        let colours = ["red", "green", "blue"]
        var generator = SeededRandomNumberGenerator(seed: 5)
        let reference = (0..<900).map { _ in colours[Int.random(in: 0..<3, using: &generator)] }
        let current = (0..<800).map { _ in colours[Int.random(in: 0..<3, using: &generator) == 0 ? 0 : 1] }
        var profile = TrafficProfile()
        for (i, colour) in current.enumerated() {
            profile.add(
                ProfiledEvent(
                    position: Int64(i), modelID: "m", timestamp: Date(), features: ["colour": .text(colour)]))
        }
        let dataset = ReferenceDataset(
            modelID: "m", source: "test", rowCount: 900,
            columns: [.init(name: "colour", values: .categories(CategoryTally(reference)), missing: 0)],
            createdAt: Date())
        let sketched = dataset.drift(profile: profile).features[0]
        let exact = dataset.drift(
            current: [.init(name: "colour", values: .categories(CategoryTally(current)), missing: 0)],
            currentRows: 800
        ).features[0]
        #expect(sketched == exact)
        #expect(sketched.drift)
    }

    @Test func qualityFromAProfileMatchesQualityFromItsValues() {
        let reference = Self.normals(2_000, mean: 0, std: 1, seed: 6)
        var current = Self.normals(10_000, mean: 0.5, std: 1.5, seed: 7)
        current += [Double](repeating: 40, count: 300)
        var profile = Self.profile(of: current)
        for i in 0..<200 {
            profile.add(
                ProfiledEvent(position: Int64(20_000 + i), modelID: "m", timestamp: Date(), features: ["x": .missing]))
        }
        let dataset = ReferenceDataset(
            modelID: "m", source: "test", rowCount: reference.count,
            columns: [.init(name: "x", values: .numbers(reference), missing: 0)], createdAt: Date())
        let sketched = DataQuality.evaluate(profile: profile, reference: dataset).features[0]
        let exact = DataQuality.evaluate(
            current: [.init(name: "x", values: .numbers(current), missing: 200)], reference: dataset
        ).features[0]
        #expect(sketched.count == exact.count)
        #expect(sketched.missing == exact.missing)
        let tolerance = Double(current.count) * profile.features["x"]!.quantiles.normalizedRankError * 2
        #expect(
            abs(Double(sketched.outliers - exact.outliers)) <= tolerance, "\(sketched.outliers) vs \(exact.outliers)")
        #expect(abs(Double(sketched.outOfRange - exact.outOfRange)) <= tolerance)
    }
}
