import Crypto
import Foundation

/// The HMAC-SHA256 signature of webhook deliveries, so that a receiver can check a request came
/// from DriftWatch and was not replayed.
///
/// Exactly what is signed: the bytes of the decimal Unix timestamp (seconds, as sent in
/// `X-DriftWatch-Timestamp`), one `.` (0x2E), then the raw request body, byte for byte:
///
/// ```text
/// X-DriftWatch-Timestamp: 1735725600
/// X-DriftWatch-Signature: sha256=<lowercase hex of HMAC-SHA256(secret, "1735725600." + body)>
/// ```
///
/// The secret is used as the HMAC key in its UTF-8 bytes. A receiver in Python checks it with:
///
/// ```python
/// expected = "sha256=" + hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
/// ok = hmac.compare_digest(expected, request.headers["X-DriftWatch-Signature"])
/// ```
///
/// and should also reject timestamps too far from its clock (five minutes is usual).
public struct WebhookSignature: Sendable, Hashable {
    /// The header carrying the signature.
    public static let signatureHeader = "X-DriftWatch-Signature"
    /// The header carrying the signed timestamp.
    public static let timestampHeader = "X-DriftWatch-Timestamp"

    private let key: SymmetricKey

    /// Creates a signer for a shared secret.
    public init(secret: String) {
        key = SymmetricKey(data: Data(secret.utf8))
    }

    /// The header value, `sha256=<hex>`, for a body sent at `timestamp`.
    public func signature(for body: Data, timestamp: Int64) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: key)
        return "sha256=" + code.map { hexByte($0) }.joined()
    }

    /// Whether `signature` is the valid header value for `body` and `timestamp`, compared in
    /// constant time.
    public func isValid(signature: String, for body: Data, timestamp: Int64) -> Bool {
        let expected = Array(self.signature(for: body, timestamp: timestamp).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The two headers for a body sent at `date` (the timestamp is `date` in whole seconds).
    public func headers(for body: Data, at date: Date) -> [String: String] {
        let timestamp = Int64(date.timeIntervalSince1970.rounded(.down))
        return [
            Self.timestampHeader: String(timestamp),
            Self.signatureHeader: signature(for: body, timestamp: timestamp),
        ]
    }

    /// Equal signers have the same key.
    public static func == (lhs: WebhookSignature, rhs: WebhookSignature) -> Bool {
        lhs.key.withUnsafeBytes { left in rhs.key.withUnsafeBytes { right in left.elementsEqual(right) } }
    }

    /// Hashes the key's length only: keys are secrets, and equality does the full comparison.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key.bitCount)
    }
}
