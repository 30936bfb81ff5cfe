import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Ports for servers the tests start.
enum TestPort {
    /// A loopback port nothing listens on now, below Linux's ephemeral range (32768–60999), so
    /// that no outgoing connection of a test running alongside can be holding it when the server
    /// binds.
    static func free() -> Int {
        while true {
            let port = Int.random(in: 20_000..<32_768)
            if canBind(port) { return port }
        }
    }

    private static func canBind(_ port: Int) -> Bool {
        #if canImport(Glibc)
            let socketType = Int32(SOCK_STREAM.rawValue)
        #else
            let socketType = SOCK_STREAM
        #endif
        let descriptor = socket(AF_INET, socketType, 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return bound == 0
    }
}
