/// KSWIN's window sorted by value, each value flagged as one of the r newest or as older.
///
/// Each update ages one value from the newest to the older ones, drops the oldest and adds the
/// new one; a drop and an add together shift only the values between their two positions, with
/// no allocation. Equal values with equal flags are interchangeable, so any of them may be the
/// one moved.
struct SortedWindow: Sendable {
    /// The values in ascending order.
    private(set) var values: [Double]
    /// 1 where the value at the same index is among the newest, 0 where it is older.
    private(set) var isRecent: [Int]

    /// An empty window that can hold `capacity` values without reallocating.
    init(capacity: Int) {
        values = []
        values.reserveCapacity(capacity)
        isRecent = []
        isRecent.reserveCapacity(capacity)
    }

    /// Adds `x` in order.
    mutating func insert(_ x: Double, recent: Bool) {
        values.append(x)
        isRecent.append(recent ? 1 : 0)
        var i = values.count - 1
        while i > 0 && values[i - 1] > x {
            values[i] = values[i - 1]
            isRecent[i] = isRecent[i - 1]
            i -= 1
        }
        values[i] = x
        isRecent[i] = recent ? 1 : 0
    }

    /// Flags one of the newest values equal to `x` as older.
    mutating func age(_ x: Double) {
        isRecent[index(of: x, recent: 1)] = 0
    }

    /// Replaces one older value equal to `old` by `new`, flagged as among the newest.
    mutating func replace(older old: Double, with new: Double) {
        var i = index(of: old, recent: 0)
        if new > old {
            while i + 1 < values.count && values[i + 1] < new {
                values[i] = values[i + 1]
                isRecent[i] = isRecent[i + 1]
                i += 1
            }
        } else {
            while i > 0 && values[i - 1] > new {
                values[i] = values[i - 1]
                isRecent[i] = isRecent[i - 1]
                i -= 1
            }
        }
        values[i] = new
        isRecent[i] = 1
    }

    /// Removes every value, keeping the storage.
    mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        isRecent.removeAll(keepingCapacity: true)
    }

    /// The index of a value equal to `x` with the flag `recent`: a binary search for the first
    /// value ≥ `x`, then a scan of the equal ones.
    private func index(of x: Double, recent: Int) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < x { low = middle + 1 } else { high = middle }
        }
        while isRecent[low] != recent { low += 1 }
        return low
    }
}
