/// Why a duration text could not be read.
public struct AlertDurationSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that was read.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    /// `invalid duration "5x": unknown unit "x" …`
    public var description: String { "invalid duration \"\(text)\": \(reason)" }
}

extension AlertDuration {
    /// A unit symbol and its length, largest first: the order durations must be written in.
    struct Unit {
        var symbol: String
        var milliseconds: Int64
    }

    static let units: [Unit] = [
        Unit(symbol: "w", milliseconds: 604_800_000),
        Unit(symbol: "d", milliseconds: 86_400_000),
        Unit(symbol: "h", milliseconds: 3_600_000),
        Unit(symbol: "m", milliseconds: 60_000),
        Unit(symbol: "s", milliseconds: 1_000),
        Unit(symbol: "ms", milliseconds: 1),
    ]

    /// Reads a duration such as `"5m"`, `"1h30m"` or `"30s"`.
    ///
    /// - Throws: ``AlertDurationSyntaxError`` when the text is empty, has a number without a unit,
    ///   an unknown unit, units out of order or repeated, or is too long to represent.
    public init(parsing text: String) throws(AlertDurationSyntaxError) {
        func failure(_ reason: String) -> AlertDurationSyntaxError {
            AlertDurationSyntaxError(text: text, reason: reason)
        }
        let characters = Array(text.trimmingWhitespace())
        guard !characters.isEmpty else { throw failure("empty; expected a length such as 30s, 5m or 1h30m") }
        if characters.allSatisfy(\.isASCIIDigit), characters.allSatisfy({ $0 == "0" }) {
            self = .zero
            return
        }
        var total: Int64 = 0
        var index = 0
        var lastUnitRank = -1
        while index < characters.count {
            var digits = ""
            while index < characters.count, characters[index].isASCIIDigit {
                digits.append(characters[index])
                index += 1
            }
            guard !digits.isEmpty else {
                throw failure("expected a number at \"\(String(characters[index...]))\"")
            }
            var symbol = ""
            while index < characters.count, characters[index].isLetter {
                symbol.append(characters[index])
                index += 1
            }
            guard !symbol.isEmpty else {
                throw failure("\(digits) has no unit; use ms, s, m, h, d or w")
            }
            guard let rank = Self.units.firstIndex(where: { $0.symbol == symbol }) else {
                throw failure("unknown unit \"\(symbol)\"; use ms, s, m, h, d or w")
            }
            guard rank > lastUnitRank else {
                throw failure("units must go from largest to smallest, each once (as in 1h30m)")
            }
            lastUnitRank = rank
            guard let amount = Int64(digits) else { throw failure("\(digits) is too large") }
            let (product, productOverflow) = amount.multipliedReportingOverflow(by: Self.units[rank].milliseconds)
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !productOverflow, !sumOverflow else { throw failure("too long") }
            total = sum
        }
        self.init(milliseconds: total)
    }
}

extension Character {
    /// Whether this is one of `0`…`9` (not any Unicode digit, which `Int64` could not read).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> Substring {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
