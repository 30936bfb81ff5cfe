import DriftWatchCore

/// The feature names of the last row a decoder read, in the order they came, with a dictionary
/// that holds them. A row whose names are the same, in the same order (the common case: a
/// service sends every event in one shape), gets a copy of that dictionary with its values set
/// in place, instead of a String made for every name and every name hashed into a new table.
///
/// Kept by hand because `Dictionary` has no way to build a table from the key layout of another;
/// its copies keep their indices valid (same storage size, seed and age), which this relies on.
struct FeatureShape {
    /// The names, as the row spelled them (without escapes) and as strings.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private(set) var names: [String] = []
    /// A dictionary with exactly `names` as keys, and where each one is in it.
    private var template: [String: FeatureValue] = [:]
    private var slots: [Dictionary<String, FeatureValue>.Index] = []

    /// The number of names.
    var count: Int { names.count }

    /// Whether `key` is the shape's name at `index`.
    func matches(_ key: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < ends.count else { return false }
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var offset = 0
            while offset < key.count {
                if stored[start + offset] != key[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    /// The shape's dictionary with `values` (one per name, in order).
    func dictionary(_ values: [(String, FeatureValue)]) -> [String: FeatureValue] {
        var dictionary = template
        for index in values.indices { dictionary.values[slots[index]] = values[index].1 }
        return dictionary
    }

    /// Makes `dictionary`, read from a row with these names in this order, the shape.
    mutating func remember(_ names: [(String, FeatureValue)], _ dictionary: [String: FeatureValue]) {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        self.names.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        for (name, _) in names {
            bytes.append(contentsOf: name.utf8)
            ends.append(bytes.count)
            self.names.append(name)
            slots.append(dictionary.index(forKey: name)!)
        }
        template = dictionary
    }
}
