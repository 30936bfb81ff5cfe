import DriftStats

extension TrafficProfile {
    /// The stored form: one ``SketchBundle`` holding the counters and every sketch.
    ///
    /// The labelled predictions (``labeled``) are stored apart (see ``ProfileDetail/labels``),
    /// so that a label does not rewrite its bucket's sketches.
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
    ///
    /// Reads the bundle's entries in one walk, grouped by owner (`latency`, `prediction`,
    /// `feature.<name>`): window reads decode hundreds of these per request, and looking each
    /// entry up by its full name cost more than everything else in the read.
    public init(serialized bytes: [UInt8], detail: ProfileDetail = .full) throws(SketchError) {
        self.init()
        var owners = ProfileEntries()
        try SketchBundle.walk(
            serialized: bytes,
            counter: { (name, value) throws(SketchError) in owners.counter(name, value) },
            part: { (name, bytes) throws(SketchError) in owners.part(name, bytes) })
        let entries = try owners.finish()
        let top = entries[""] ?? ProfileEntries.Owner()
        count = top.count ?? 0
        errors = top.errors ?? 0
        schemaViolations = top.schemaViolations ?? 0
        let latencyEntry = entries["latency"] ?? ProfileEntries.Owner()
        latency = try KLLSketch(serialized: try ProfileEntries.Owner.required(latencyEntry.kll, "latency.kll"))
        latencyMoments = try MomentsSketch(
            serialized: try ProfileEntries.Owner.required(latencyEntry.moments, "latency.moments"))
        prediction = try FeatureProfile(
            from: entries["prediction"] ?? ProfileEntries.Owner(), owner: "prediction", detail: detail)
        let featurePrefix = "feature."
        for (owner, entry) in entries where owner.hasPrefix(featurePrefix) && entry.moments != nil {
            features[String(owner.dropFirst(featurePrefix.count))] = try FeatureProfile(
                from: entry, owner: owner, detail: detail)
        }
    }
}

/// A profile bundle's entries grouped by owner: the name up to its last dot (`feature.x` of
/// `feature.x.moments`; "" for top-level counters). Consecutive entries mostly share an owner
/// (names are stored sorted), so an owner is looked up once per run of its entries, and the
/// fields a profile has are plain properties rather than another level of dictionaries.
private struct ProfileEntries {
    struct Owner {
        var moments: ArraySlice<UInt8>?
        var kll: ArraySlice<UInt8>?
        var categories: ArraySlice<UInt8>?
        var count: Int?
        var errors: Int?
        var schemaViolations: Int?
        var missing: Int?
        var typeViolations: Int?
        var categorized: Int?

        /// A part's bytes, or the error naming it.
        static func required(_ bytes: ArraySlice<UInt8>?, _ name: String) throws(SketchError) -> [UInt8] {
            guard let bytes else { throw .corrupt("the profile has no part \(name)") }
            return Array(bytes)
        }

        /// Takes the fields `other` has.
        mutating func merge(_ other: Owner) {
            moments = other.moments ?? moments
            kll = other.kll ?? kll
            categories = other.categories ?? categories
            count = other.count ?? count
            errors = other.errors ?? errors
            schemaViolations = other.schemaViolations ?? schemaViolations
            missing = other.missing ?? missing
            typeViolations = other.typeViolations ?? typeViolations
            categorized = other.categorized ?? categorized
        }
    }

    private var owners: [String: Owner] = [:]
    /// The owner whose run of entries is being read (nil before the first entry), and its fields.
    private var currentName: ArraySlice<UInt8>?
    private var current = Owner()
    /// A name that is not UTF-8, reported when the walk ends.
    private var malformedName = false

    mutating func counter(_ name: ArraySlice<UInt8>, _ value: Int) {
        let (owner, field) = Self.split(name)
        select(owner)
        // The field names have distinct lengths: the length picks the candidate, the bytes confirm it.
        switch field.count {
        case 5 where field.elementsEqual(Self.count): current.count = value
        case 6 where field.elementsEqual(Self.errors): current.errors = value
        case 17 where field.elementsEqual(Self.schemaViolations): current.schemaViolations = value
        case 7 where field.elementsEqual(Self.missing): current.missing = value
        case 15 where field.elementsEqual(Self.typeViolations): current.typeViolations = value
        case 11 where field.elementsEqual(Self.categorized): current.categorized = value
        default: break
        }
    }

    mutating func part(_ name: ArraySlice<UInt8>, _ bytes: ArraySlice<UInt8>) {
        let (owner, field) = Self.split(name)
        select(owner)
        switch field.count {
        case 7 where field.elementsEqual(Self.moments): current.moments = bytes
        case 3 where field.elementsEqual(Self.kll): current.kll = bytes
        case 10 where field.elementsEqual(Self.categories): current.categories = bytes
        default: break
        }
    }

    private static let count = Array("count".utf8)
    private static let errors = Array("errors".utf8)
    private static let schemaViolations = Array("schema_violations".utf8)
    private static let missing = Array("missing".utf8)
    private static let typeViolations = Array("type_violations".utf8)
    private static let categorized = Array("categorized".utf8)
    private static let moments = Array("moments".utf8)
    private static let kll = Array("kll".utf8)
    private static let categories = Array("categories".utf8)

    /// Every owner's entries, by owner name.
    mutating func finish() throws(SketchError) -> [String: Owner] {
        select(nil)
        if malformedName { throw .corrupt("a string is not valid UTF-8") }
        return owners
    }

    /// Makes `owner` current, filing the previous owner's fields first (nil: only file them).
    private mutating func select(_ owner: ArraySlice<UInt8>?) {
        if let owner, let currentName, owner.elementsEqual(currentName) { return }
        if let currentName {
            if let name = String(validating: currentName, as: UTF8.self) {
                owners[name, default: Owner()].merge(current)
            } else {
                malformedName = true
            }
        }
        current = Owner()
        currentName = owner
    }

    /// The owner (before the last dot; empty without one) and the field (after it).
    private static func split(_ name: ArraySlice<UInt8>) -> (owner: ArraySlice<UInt8>, field: ArraySlice<UInt8>) {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else {
            return (name[name.startIndex..<name.startIndex], name)
        }
        return (name[..<dot], name[(dot + 1)...])
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

    fileprivate init(from entry: ProfileEntries.Owner, owner: String, detail: ProfileDetail) throws(SketchError) {
        self.init()
        moments = try MomentsSketch(serialized: try ProfileEntries.Owner.required(entry.moments, owner + ".moments"))
        if detail == .full || entry.categorized == nil {
            quantiles = try KLLSketch(serialized: try ProfileEntries.Owner.required(entry.kll, owner + ".kll"))
            categories = try SpaceSavingSketch(
                serialized: try ProfileEntries.Owner.required(entry.categories, owner + ".categories"))
        } else {
            summarizedCategories = entry.categorized ?? 0
        }
        missing = entry.missing ?? 0
        typeViolations = entry.typeViolations ?? 0
    }
}
