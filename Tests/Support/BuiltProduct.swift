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
        try run(executable: url(name), arguments, standardInput: standardInput, environment: environment)
    }

    /// Runs any program to completion, with this process's environment plus `environment`.
    public static func run(executable: URL, _ arguments: [String], standardInput: Data? = nil,
                           environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        let writer = input.fileHandleForWriting
        Thread.detachNewThread {
            if let standardInput { writer.write(standardInput) }
            try? writer.close()
        }
        // Read standard error on another thread while this one reads standard output, so a
        // large output on either cannot block the child.
        let errorText = ErrorCollector(error.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), errorText.wait())
    }
}

private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
