/// The feature names of the last row a reader decoded, in the order they came, with a
/// dictionary that holds them. A row whose names are the same, in the same order (the common
/// case: a service sends every event in one shape, and the store keeps that order), gets a copy
/// of that dictionary with its values set in place, instead of a String made for every name and
/// every name hashed into a new table. Ingestion's decoder and the profiler's reads of stored
/// features use it.
///
/// Kept by hand because `Dictionary` has no way to build a table from the key layout of another;
/// its copies keep their indices valid (same storage size, seed and age), which this relies on.
public struct FeatureShape: Sendable {
    /// The names, as rows spell them (without escapes), and as strings.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var names: [String] = []
    /// A dictionary with exactly `names` as keys, and where each one is in it.
    private var template: [String: FeatureValue] = [:]
    private var slots: [Dictionary<String, FeatureValue>.Index] = []
    /// Rows turned into dictionaries without the shape: the first is not remembered, so that
    /// reading a single row does not pay for it.
    private var rowsBuilt = 0

    /// An empty shape, which no row matches.
    public init() {}

    /// The name of the member at `index` of a row being read; `sameShape` (true before the
    /// first name) stays true while every name so far is the shape's, in its place. Then the
    /// shape's own string is returned and no new one is made. A name with escapes never matches.
    public func name(_ key: JSONScanner.Key, at index: Int, sameShape: inout Bool) -> String {
        switch key {
        case .raw(let raw):
            if sameShape && !matches(raw, at: index) { sameShape = false }
            return sameShape ? names[index] : String(decoding: raw, as: UTF8.self)
        case .decoded(let text):
            sameShape = false
            return text
        }
    }

    /// The dictionary of a row's `members`, in the order they came, and whether a name came
    /// twice (the last value is kept). When every name matched the shape's (`sameShape`) and
    /// there are as many, it is a copy of the shape's dictionary with the values set in place;
    /// otherwise it is built, and from the second row so built on, a row without a repeated name
    /// becomes the shape.
    public mutating func dictionary(_ members: [(String, FeatureValue)], sameShape: Bool) -> (
        values: [String: FeatureValue], repeatedName: Bool
    ) {
        if sameShape && members.count == names.count && !members.isEmpty {
            var dictionary = template
            for index in members.indices { dictionary.values[slots[index]] = members[index].1 }
            return (dictionary, false)
        }
        // Sized once: `Dictionary(_:uniquingKeysWith:)` grows the table as it goes and merges
        // through a generic path.
        var dictionary = [String: FeatureValue](minimumCapacity: members.count)
        for (name, value) in members { dictionary[name] = value }
        let repeated = dictionary.count != members.count
        rowsBuilt += 1
        if rowsBuilt > 1 && !repeated { remember(members, dictionary) }
        return (dictionary, repeated)
    }

    /// Makes `dictionary`, read from a row with `members` (distinct names, in this order), the
    /// shape.
    private mutating func remember(_ members: [(String, FeatureValue)], _ dictionary: [String: FeatureValue]) {
        forget()
        for (name, _) in members {
            guard let slot = dictionary.index(forKey: name) else { return forget() }
            bytes.append(contentsOf: name.utf8)
            ends.append(bytes.count)
            names.append(name)
            slots.append(slot)
        }
        template = dictionary
    }

    /// Leaves no names, which no row matches.
    private mutating func forget() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        template = [:]
    }

    private func matches(_ key: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < ends.count else { return false }
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == key.count else { return false }
        var offset = 0
        while offset < key.count {
            if bytes[start + offset] != key[offset] { return false }
            offset += 1
        }
        return true
    }
}
