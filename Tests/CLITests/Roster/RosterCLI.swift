import CivicTestSupport
import Foundation
import Testing

/// `civicdesk roster …` run as a user runs it: against a card lab of its own (the lead person's
/// card in the reader, SoftHSM2 tokens), with a fresh workspace per test, the test PKI's CAs as
/// trust anchors, and batch files made by the openssl command line.
final class RosterCLI {
    static let lab = Result { try CardLab.start() }
    /// One builder for the whole suite: its signatures are reused between tests.
    static let builder = Result { try RosterBatchBuilder() }
    static let token = "pkcs11:token=lead"
    static let pin = "123456"

    let lab: CardLab
    let builder: RosterBatchBuilder
    let folder: TemporaryFolder
    var workspace: URL { folder.file("workspace") }

    init() throws {
        lab = try Self.lab.get()
        builder = try Self.builder.get()
        folder = try TemporaryFolder()
    }

    typealias Run = (status: Int32, output: String, error: String)

    /// `civicdesk roster ARGUMENTS --workspace W`, with `input` on standard input.
    func roster(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Run {
        try BuiltProduct.run("civicdesk", ["roster"] + arguments + ["--workspace", workspace.path],
                             standardInput: input.map { Data($0.utf8) },
                             environment: lab.environment.merging(isolated) { $1 }.merging(environment) { $1 })
    }

    /// Nothing of the machine's own set-up: no configured trust anchors, Documents in the test's folder.
    var isolated: [String: String] {
        ["LANG": "zh_TW.UTF-8", "CIVICDESK_TRUST_DIR": "", "CIVICDESK_WORKSPACE": "", "XDG_DATA_HOME": folder.file("data").path,
         "CIVICDESK_DOCUMENTS_DIR": folder.file("Documents").path]
    }

    /// `roster import` of `files` with the lead person's token, the PIN on standard input.
    func importFiles(_ files: [URL], pin: String? = RosterCLI.pin) throws -> Run {
        try roster(["import", "--token", Self.token, "--trust", TestPKI.url("trust").path, "--pin-stdin"] + files.map(\.path),
                   input: pin.map { $0 + "\n" })
    }

    /// `roster status --json` as an object; nil when the command fails.
    func status(_ caseId: String = RosterFixtures.caseId) throws -> [String: Any]? {
        let result = try roster(["status", "--case", caseId, "--json"])
        guard result.status == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    }

    /// `roster records --json` with `filters`, as objects.
    func records(_ caseId: String = RosterFixtures.caseId, _ filters: [String] = []) throws -> [[String: Any]] {
        let result = try roster(["records", "--case", caseId, "--json"] + filters)
        #expect(result.status == 0, "\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    }

    /// Each record as `batch/seq status`, in roster order.
    func statuses(_ caseId: String = RosterFixtures.caseId) throws -> [String] {
        try records(caseId).map { "\($0["batch"] ?? "")/\($0["seq"] ?? "") \($0["status"] ?? "")" }
    }

    /// The case's count of each status (every status present, zero included).
    func counts(_ caseId: String = RosterFixtures.caseId) throws -> [String: Int] {
        try #require(try status(caseId)?["counts"] as? [String: Int])
    }

    /// Whether the workspace knows the case at all.
    func hasCase(_ caseId: String = RosterFixtures.caseId) throws -> Bool {
        try status(caseId) != nil
    }

    static func signer(_ person: String) throws -> RosterBatchBuilder.Signer {
        try RosterBatchBuilder.pkiSigner(person)
    }
}

extension CardLab {
    /// Puts the lead person's card back in the first reader if it is out, and waits until the
    /// reader service shows it.
    func ensureLeadCard() throws {
        if try !control("status").hasPrefix("ok inserted person:lead ") {
            _ = try? control("remove")
            try control("insert person:lead")
        }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let list = try BuiltProduct.run("civicdesk", ["card", "list", "--json"], environment: environment)
            let readers = (try? JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [String: Any])?["readers"] as? [[String: Any]]
            if readers?.first(where: { $0["name"] as? String == readerName })?["cardPresent"] as? Bool == true { return }
            usleep(50_000)
        }
        throw Failure(description: "the lead person's card did not come back")
    }
}
