import DriftWatchAlerting
import Foundation
import Testing

@Suite("Webhook signatures")
struct WebhookSignatureTests {
    @Test("signatures equal Python's hmac on every reference vector")
    func matchesPython() {
        #expect(signatureVectors.count >= 5)
        for vector in signatureVectors {
            let signer = WebhookSignature(secret: vector.secret)
            let body = bytes(hex: vector.bodyHex)
            #expect(signer.signature(for: body, timestamp: vector.timestamp) == vector.signature, "\(vector.name)")
            #expect(
                signer.isValid(signature: vector.signature, for: body, timestamp: vector.timestamp), "\(vector.name)")
        }
    }

    @Test("a changed body, timestamp or secret does not verify")
    func rejectsTampering() throws {
        let vector = try #require(signatureVectors.first { $0.name == "json_body" })
        let body = bytes(hex: vector.bodyHex)
        var tampered = body
        tampered[tampered.startIndex] ^= 0x01
        let signer = WebhookSignature(secret: vector.secret)
        #expect(!signer.isValid(signature: vector.signature, for: tampered, timestamp: vector.timestamp))
        #expect(!signer.isValid(signature: vector.signature, for: body, timestamp: vector.timestamp + 1))
        #expect(
            !WebhookSignature(secret: "other").isValid(
                signature: vector.signature, for: body, timestamp: vector.timestamp))
        #expect(!signer.isValid(signature: String(vector.signature.dropLast()), for: body, timestamp: vector.timestamp))
    }

    @Test("the headers carry the whole-second timestamp that was signed")
    func headers() throws {
        let vector = try #require(signatureVectors.first { $0.name == "json_body" })
        let sentAt = Date(timeIntervalSince1970: TimeInterval(vector.timestamp) + 0.75)
        let headers = WebhookSignature(secret: vector.secret).headers(for: bytes(hex: vector.bodyHex), at: sentAt)
        #expect(headers[WebhookSignature.timestampHeader] == String(vector.timestamp))
        #expect(headers[WebhookSignature.signatureHeader] == vector.signature)
    }
}
