/// Small helpers for the sentences in `<desc>` and tooltips.
enum Wording {
    /// `"1 point"`, `"24 points"`.
    static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? noun : plural ?? noun + "s")
    }
}
