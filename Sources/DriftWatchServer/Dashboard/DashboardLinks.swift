/// The dashboard's URLs: model ids and feature names may hold any character, so every path
/// segment and query value is percent-encoded (templates then escape the URL for HTML).
enum DashboardLinks {
    /// `text` with everything but RFC 3986's unreserved characters percent-encoded.
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }

    /// `?a=1&b=2`, or nothing without pairs.
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.isEmpty ? "" : "?" + pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// A model page with `pairs` as its query.
    static func model(_ id: String, _ page: ModelPage, _ pairs: [(String, String)] = []) -> String {
        "/models/" + encode(id) + page.suffix + query(pairs)
    }
}

/// The pages about one model, in the order of the model navigation.
enum ModelPage: String, Sendable, CaseIterable {
    case overview
    case drift
    case performance
    case quality
    case latency
    case segments

    /// The path after `/models/{id}`.
    var suffix: String { self == .overview ? "" : "/" + rawValue }

    /// The name in the navigation.
    var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
