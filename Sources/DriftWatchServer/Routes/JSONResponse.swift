import DriftWatchCore
import Foundation
import Hummingbird

/// Text that is already JSON (a report encoded by its own type, stored details), placed in an
/// answer as it is instead of being parsed and encoded again.
struct JSONText {
    var text: String
}

/// A JSON response from a value made of dictionaries, arrays, strings, numbers, booleans,
/// `NSNull`, optionals and ``JSONText``; keys are sorted and non-finite numbers are `null`.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ object: Any) -> Response {
        var writer = JSONWriter()
        writer.any(object)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        make(status, ["error": message])
    }
}

/// Lets ``JSONWriter/any(_:)`` see through an optional held in an `Any`.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}

extension JSONWriter {
    /// Writes a value built from dictionaries, arrays and scalars (see ``JSONResponse``).
    mutating func any(_ value: Any) {
        switch value {
        case let optional as OptionalValue:
            if let wrapped = optional.wrapped { any(wrapped) } else { null() }
        case is NSNull: null()
        case let text as JSONText: embed(text.text)
        case let flag as Bool: bool(flag)
        case let number as Int: integer(number)
        case let number as Double: self.number(number)
        case let text as String: string(text)
        case let object as [String: Any]: self.object(object) { $0.any($1) }
        case let array as [Any]: self.array(array) { $0.any($1) }
        default:
            assertionFailure("not a JSON value: \(type(of: value))")
            string(String(describing: value))
        }
    }
}
