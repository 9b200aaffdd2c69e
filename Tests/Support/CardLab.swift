import Foundation
import Synchronization

/// `scripts/card-lab.sh` for Swift tests: a private pcscd with the vpcd driver and
/// `civicdesk-cardsim` in its first reader, and SoftHSM2 tokens of the test PKI, all in a
/// temporary folder. The lab belongs to this test process: it is stopped when the process exits,
/// and stops by itself within a second if the process dies first.
public final class CardLab: Sendable {
    public let directory: URL
    /// PCSCLITE_CSOCK_NAME, SOFTHSM2_CONF, CIVICDESK_PKCS11_MODULE, CIVICDESK_CARDSIM_CONTROL…
    public let environment: [String: String]

    public var readerName: String { environment["CIVICDESK_CARD_READER"] ?? "" }
    public var secondReaderName: String { environment["CIVICDESK_CARD_READER2"] ?? "" }
    public var controlSocket: String { environment["CIVICDESK_CARDSIM_CONTROL"] ?? "" }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/card-lab.sh")
    private static let started = Mutex<[String]>([])
    private static let sharedLab = Mutex<Result<CardLab, Failure>?>(nil)

    /// The lab this process's own PC/SC and PKCS#11 calls use, started on first use with
    /// `person:lead` in the first reader. pcsc-lite reads PCSCLITE_CSOCK_NAME once per process,
    /// so there is one such lab; tests that change its card must run serialized.
    public static func shared() throws -> CardLab {
        try sharedLab.withLock { lab in
            let result = lab ?? Result { () throws(Failure) -> CardLab in
                let started = try CardLab(arguments: [])
                for (name, value) in started.environment { setenv(name, value, 1) }
                return started
            }
            lab = result
            return try result.get()
        }
    }

    /// A lab of its own, for commands run as separate processes with `environment`.
    /// `card` is `person:NAME`, `agency:NAME`, `health` or `unknown`; nil starts with no card.
    public static func start(card: String? = "person:lead") throws -> CardLab {
        try CardLab(arguments: card.map { ["--card", $0] } ?? ["--no-card"])
    }

    private init(arguments: [String]) throws(Failure) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-lab.\(UUID().uuidString.prefix(8))")
        self.directory = directory
        let owner = String(ProcessInfo.processInfo.processIdentifier)
        let first = Self.started.withLock { labs in
            defer { labs.append(directory.path) }
            return labs.isEmpty
        }
        if first {
            atexit { CardLab.stopAllAtExit() }
            _ = Self.run(["reap"]) // what earlier runs left, once their processes have ended
        }
        let result = Self.run(["start", directory.path, "--owner", owner] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "card-lab.sh start failed (\(result.status)): \(result.error)")
        }
        var environment: [String: String] = [:]
        for line in result.output.split(separator: "\n") where line.hasPrefix("export ") {
            let assignment = line.dropFirst("export ".count)
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            environment[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
                .trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        self.environment = environment
    }

    /// Sends a line to the card's control socket (`insert [CARD]`, `remove`, `remove-after N`,
    /// `mute`, `status`) and returns the answer; throws unless it starts with "ok".
    @discardableResult
    public func control(_ command: String, socket: String? = nil) throws -> String {
        let result = try BuiltProduct.run("civicdesk-cardsim", ["control", socket ?? controlSocket]
                                          + command.split(separator: " ").map(String.init))
        guard result.status == 0 else { throw Failure(description: "cardsim \(command): \(result.output)\(result.error)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops or starts the lab's pcscd (its readers go and come back with it).
    public func setServiceRunning(_ running: Bool) throws {
        let result = Self.run(["pcscd", directory.path, running ? "start" : "stop"])
        guard result.status == 0 else { throw Failure(description: "card-lab.sh pcscd: \(result.error)") }
    }

    /// Stops everything the lab started (also done when the test process exits).
    public func stop() {
        _ = Self.run(["stop", directory.path])
        try? FileManager.default.removeItem(at: directory)
    }

    /// At exit there is no time to wait: the stop file ends the lab's supervisor within 0.2 s,
    /// and the next `card-lab.sh reap` (the next test run's, or `make`'s) removes the folders.
    private static func stopAllAtExit() {
        for path in started.withLock({ $0 }) {
            _ = FileManager.default.createFile(atPath: path + "/stop", contents: nil)
        }
    }

    private static func run(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        let build = BuiltProduct.url("civicdesk").deletingLastPathComponent().path
        do {
            return try Subprocess.run(URL(fileURLWithPath: "/bin/bash"), [script.path] + arguments,
                                        environment: ["CIVICDESK_BUILD_DIR": build])
        } catch {
            return (-1, "", "\(error)")
        }
    }
}
