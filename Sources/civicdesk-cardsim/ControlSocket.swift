import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The client side of the control socket: one command line out, one answer line back.
enum ControlSocket {
    static func send(_ command: String, to path: String) throws -> String {
        let descriptor = try Sockets.connect(unixPath: path)
        defer { close(descriptor) }
        guard Sockets.write(descriptor, Array((command + "\n").utf8)) else { throw Sockets.Failure("cannot send to \(path)") }
        var answer: [UInt8] = []
        while let byte = Sockets.read(descriptor, count: 1), byte != [0x0A] {
            answer += byte
        }
        return String(decoding: answer, as: UTF8.self)
    }
}
