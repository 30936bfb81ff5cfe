/// Tables of 128-bit masks for KSWIN's compact window: shifting 128 bits by a variable amount
/// takes several instructions and conditional moves, a table two loads.
enum KSWINMasks {
    /// The bytes of the tables: the bits below k for k in 0...128, then bit k alone for k < 128.
    static let tablesSize = 16 * 129 + 16 * 128
    private static let singleBitsOffset = 16 * 129

    /// Writes the tables at `tables`.
    static func writeTables(to tables: UnsafeMutableRawPointer) {
        for k in 0...128 {
            store(k == 128 ? .max : (1 << k) - 1, at: tables + 16 * k)
        }
        for k in 0..<128 {
            store(1 << k, at: tables + singleBitsOffset + 16 * k)
        }
    }

    /// The bits below `k` (0...128).
    @inline(__always)
    static func below(_ k: Int, _ tables: UnsafeRawPointer) -> UInt128 {
        load(tables + (k &<< 4))
    }

    /// Bit `k` (0..<128) alone.
    @inline(__always)
    static func bit(_ k: Int, _ tables: UnsafeRawPointer) -> UInt128 {
        load(tables + (singleBitsOffset &+ k &<< 4))
    }

    @inline(__always)
    private static func load(_ pointer: UnsafeRawPointer) -> UInt128 {
        UInt128(pointer.load(fromByteOffset: 8, as: UInt64.self)) &<< 64 | UInt128(pointer.load(as: UInt64.self))
    }

    private static func store(_ mask: UInt128, at pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: UInt64(truncatingIfNeeded: mask), as: UInt64.self)
        pointer.storeBytes(of: UInt64(truncatingIfNeeded: mask >> 64), toByteOffset: 8, as: UInt64.self)
    }
}
