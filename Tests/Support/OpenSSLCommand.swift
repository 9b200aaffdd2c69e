import Foundation

/// Runs the `openssl` command line, which tests use as the independent other side: it makes the
/// envelopes and signatures CivicDesk must read, and checks the ones CivicDesk makes.
public enum OpenSSLCommand {
    public struct Failure: Error, CustomStringConvertible {
        public let arguments: [String]
        public let status: Int32
        public let standardError: String

        public var description: String { "openssl \(arguments.joined(separator: " ")) exited \(status): \(standardError)" }
    }

    /// Runs `openssl arguments…`; throws when it exits non-zero. Returns standard output.
    @discardableResult
    public static func run(_ arguments: [String]) throws -> String {
        let result = try status(arguments)
        guard result.status == 0 else { throw Failure(arguments: arguments, status: result.status, standardError: result.error) }
        return result.output
    }

    /// Runs `openssl arguments…` and returns its exit status and output, whatever the status.
    public static func status(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try Subprocess.run(URL(fileURLWithPath: "/usr/bin/openssl"), arguments)
    }
}

/// A private (0700) temporary folder, removed when this goes away.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public func file(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    /// Writes `bytes` to `name` and returns its URL.
    @discardableResult
    public func write(_ bytes: [UInt8], to name: String) throws -> URL {
        let target = file(name)
        try Data(bytes).write(to: target)
        return target
    }
}
