import CivicTestSupport
import Foundation
import Testing

/// `civicdesk doc …` run as a user runs it: a card lab of its own (SoftHSM2 tokens of the test
/// PKI: lead, admin, clerk, gca; PIN 123456), a fresh workspace per test, the test PKI's CAs as
/// trust anchors and the repository's data folder for the templates.
final class DocCLI: Sendable {
    static let lab = Result { try CardLab.start() }
    static let pin = "123456"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let templates = ["clerk-assignment", "petition-submission", "xca-application"]
    /// What a letter needs to be dispatched besides a template's text.
    static let dispatchable = ["--set", "sender.code=3800000000"]

    let lab: CardLab
    let folder: TemporaryFolder
    var workspace: URL { folder.file("workspace") }

    init() throws {
        lab = try Self.lab.get()
        folder = try TemporaryFolder()
    }

    typealias Run = (status: Int32, output: String, error: String)

    var environment: [String: String] {
        lab.environment.merging(["LANG": "zh_TW.UTF-8", "CIVICDESK_TRUST_DIR": "", "CIVICDESK_WORKSPACE": "",
                                 "XDG_DATA_HOME": folder.file("data").path,
                                 "CIVICDESK_DATA_DIR": Self.repository.appendingPathComponent("data").path]) { $1 }
    }

    /// `civicdesk doc ARGUMENTS --workspace W --trust PKI/trust`; `other` uses a second workspace
    /// (another office receiving the letter); `setting` adds to the environment (TZ, LANG).
    func doc(_ arguments: [String], input: String? = nil, other: Bool = false, setting: [String: String] = [:]) throws -> Run {
        let folder = other ? folder.file("other-workspace") : workspace
        return try BuiltProduct.run("civicdesk", ["doc"] + arguments + ["--workspace", folder.path, "--trust", TestPKI.url("trust").path],
                             standardInput: input.map { Data($0.utf8) }, environment: environment.merging(setting) { $1 })
    }

    /// A new letter from `template`; its id.
    func new(_ template: String = "xca-application", _ settings: [String] = DocCLI.dispatchable) throws -> String {
        let result = try doc(["new", "--template", template] + settings)
        #expect(result.status == 0, "\(result.error)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `doc sign` with `token`'s card, the PIN on standard input.
    func sign(_ id: String, _ step: String, token: String = "lead", extra: [String] = []) throws -> Run {
        try doc(["sign", id, "--step", step, "--token", "pkcs11:token=\(token)", "--pin-stdin"] + extra, input: Self.pin + "\n")
    }

    /// Takes `id` through 陳核, 核稿 and 決行 on the lead person's card.
    func approve(_ id: String) throws {
        for step in ["submit", "review", "approve"] {
            let result = try sign(id, step)
            #expect(result.status == 0, "\(step): \(result.error)")
        }
    }

    func show(_ id: String) throws -> [String: Any] {
        let result = try doc(["show", id, "--json"])
        #expect(result.status == 0, "\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    /// The sqlite3 command line on the workspace, as someone editing the database behind CivicDesk's back.
    func sql(_ statement: String) throws {
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [workspace.appendingPathComponent("workspace.sqlite").path, statement])
        #expect(result.status == 0, "\(result.error)")
    }

    static func xmllintValid(_ file: URL) throws -> (valid: Bool, output: String) {
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/xmllint"),
                                        ["--valid", "--noout", "--nonet", "--path", repository.appendingPathComponent("data/di").path, file.path])
        let unexpected = result.error.split(separator: "\n").filter { ($0.contains("error") || $0.contains("warning")) && !$0.contains("Invalid URI: ") }
        return (result.status == 0 && unexpected.isEmpty, result.error)
    }
}
