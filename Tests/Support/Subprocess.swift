import Foundation

/// Runs a program to completion, as tests that drive executables need.
public enum Subprocess {
    /// Returns the exit status, standard output and standard error of `executable arguments…`.
    public static func run(_ executable: URL, _ arguments: [String], standardInput: Data? = nil,
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
