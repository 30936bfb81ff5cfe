extension FeatureValue {
    /// The category label of a number: integers without a fractional part (`3`, not `3.0`),
    /// others in their shortest round-tripping form. Used wherever a number stands for a
    /// category (numeric segment values, numeric categories).
    public static func label(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    }
}
