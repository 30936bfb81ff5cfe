import Foundation

/// Reads the raw float64 files that numpy's `tofile` writes: 8 bytes a value, little-endian,
/// no header.
enum RawDoubles {
    static func read(_ path: String) throws(InputError) -> [Double] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot read \(path): \(error.localizedDescription)")
        }
        guard data.count % 8 == 0 else {
            throw InputError("\(path) has \(data.count) bytes, not a whole number of float64 values")
        }
        let count = data.count / 8
        return data.withUnsafeBytes { raw in
            [Double](unsafeUninitializedCapacity: count) { values, initialized in
                for i in 0..<count {
                    let bits = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                    values[i] = Double(bitPattern: UInt64(littleEndian: bits))
                }
                initialized = count
            }
        }
    }
}

/// An input file that is missing or malformed.
struct InputError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
