import DriftStats

extension TrafficProfile {
    /// The stored form: one ``SketchBundle`` holding the counters and every sketch.
    ///
    /// Names: `count`, `errors`, `schema_violations`; `latency.kll`, `latency.moments`;
    /// `prediction.…` and `feature.<name>.…` for feature profiles, each with `.moments`, `.kll`,
    /// `.categories`, `.missing` and `.type_violations`.
    public func serialized() -> [UInt8] {
        var bundle = SketchBundle(counters: [
            "count": count, "errors": errors, "schema_violations": schemaViolations,
        ])
        bundle.parts["latency.kll"] = latency.serialized()
        bundle.parts["latency.moments"] = latencyMoments.serialized()
        prediction.write(into: &bundle, prefix: "prediction")
        for (name, feature) in features { feature.write(into: &bundle, prefix: "feature.\(name)") }
        return bundle.serialized()
    }

    /// The stored form without the features' and the prediction's quantile and category
    /// sketches (their counts and moments are kept): what volume, latency and segment reads
    /// need, a small fraction of the full size.
    /// Decode it with ``ProfileDetail/summary``.
    public func serializedSummary() -> [UInt8] {
        var bundle = SketchBundle(counters: [
            "count": count, "errors": errors, "schema_violations": schemaViolations,
        ])
        bundle.parts["latency.kll"] = latency.serialized()
        bundle.parts["latency.moments"] = latencyMoments.serialized()
        prediction.write(into: &bundle, prefix: "prediction", sketches: false)
        for (name, feature) in features { feature.write(into: &bundle, prefix: "feature.\(name)", sketches: false) }
        return bundle.serialized()
    }

    /// Decodes ``serialized()`` or ``serializedSummary()``; with `detail` ``ProfileDetail/summary``
    /// the features' and the prediction's quantile and category sketches are left empty (their
    /// counts are kept).
    public init(serialized bytes: [UInt8], detail: ProfileDetail = .full) throws(SketchError) {
        let bundle = try SketchBundle(serialized: bytes)
        self.init()
        count = bundle.counters["count"] ?? 0
        errors = bundle.counters["errors"] ?? 0
        schemaViolations = bundle.counters["schema_violations"] ?? 0
        latency = try KLLSketch(serialized: try bundle.part("latency.kll"))
        latencyMoments = try MomentsSketch(serialized: try bundle.part("latency.moments"))
        prediction = try FeatureProfile(from: bundle, prefix: "prediction", detail: detail)
        let featurePrefix = "feature."
        for key in bundle.parts.keys where key.hasPrefix(featurePrefix) && key.hasSuffix(".moments") {
            let name = String(key.dropFirst(featurePrefix.count).dropLast(".moments".count))
            features[name] = try FeatureProfile(from: bundle, prefix: featurePrefix + name, detail: detail)
        }
    }
}

extension FeatureProfile {
    fileprivate func write(into bundle: inout SketchBundle, prefix: String, sketches: Bool = true) {
        bundle.parts[prefix + ".moments"] = moments.serialized()
        if sketches {
            bundle.parts[prefix + ".kll"] = quantiles.serialized()
            bundle.parts[prefix + ".categories"] = categories.serialized()
        }
        bundle.counters[prefix + ".missing"] = missing
        bundle.counters[prefix + ".type_violations"] = typeViolations
        bundle.counters[prefix + ".categorized"] = categories.count + summarizedCategories
    }

    fileprivate init(from bundle: SketchBundle, prefix: String, detail: ProfileDetail = .full) throws(SketchError) {
        self.init()
        moments = try MomentsSketch(serialized: try bundle.part(prefix + ".moments"))
        if detail == .full || bundle.counters[prefix + ".categorized"] == nil {
            quantiles = try KLLSketch(serialized: try bundle.part(prefix + ".kll"))
            categories = try SpaceSavingSketch(serialized: try bundle.part(prefix + ".categories"))
        } else {
            summarizedCategories = bundle.counters[prefix + ".categorized"] ?? 0
        }
        missing = bundle.counters[prefix + ".missing"] ?? 0
        typeViolations = bundle.counters[prefix + ".type_violations"] ?? 0
    }
}

extension SketchBundle {
    fileprivate func part(_ name: String) throws(SketchError) -> [UInt8] {
        guard let bytes = parts[name] else { throw .corrupt("the profile has no part \(name)") }
        return bytes
    }
}
