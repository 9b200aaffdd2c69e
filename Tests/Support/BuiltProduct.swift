import Foundation

/// Finds the executables this package built, for tests that run them as a user would.
public enum BuiltProduct {
    /// `CIVICDESK_BUILD_DIR` when set, else the folder of the running test bundle, which
    /// SwiftPM puts beside the executables.
    public static func url(_ name: String) -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["CIVICDESK_BUILD_DIR"] {
            return URL(fileURLWithPath: directory).appendingPathComponent(name)
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/\(name)")
    }

    /// Runs a built executable to completion and returns its exit status and standard output.
    public static func run(_ name: String, _ arguments: [String], standardInput: Data? = nil,
                           environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        try Subprocess.run(url(name), arguments, standardInput: standardInput, environment: environment)
    }
}
