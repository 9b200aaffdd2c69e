import CivicTestSupport
import Foundation
import Testing

/// `civicdesk registry …` run as a user runs it: SoftHSM2 tokens of the test PKI in a card lab of
/// its own, a fresh workspace per test, the test PKI's CAs as trust anchors, the shipped agency
/// directory and permissions catalogue, and `other` (陳美玲) as the one registered reviewer.
final class RegistryCLI {
    static let lab = Result { try CardLab.start(card: nil) }
    static let pin = "123456"

    let lab: CardLab
    let folder: TemporaryFolder
    var workspace: URL { folder.file("workspace") }
    var reviewers: URL { folder.file("reviewers") }

    /// `folder` given: the workspace of another command's tests (`DocCLI`), to register its office.
    init(folder: TemporaryFolder? = nil) throws {
        lab = try Self.lab.get()
        self.folder = try folder ?? TemporaryFolder()
        try FileManager.default.createDirectory(at: reviewers, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPKI.url("people/other/sign.pem"), to: reviewers.appendingPathComponent("other.pem"))
    }

    typealias Run = (status: Int32, output: String, error: String)

    /// `civicdesk ARGUMENTS --workspace W [--trust T]`, the PINs (one per line) on standard input.
    func run(_ arguments: [String], pins: Int = 0, pin: String = RegistryCLI.pin, trust: Bool = true) throws -> Run {
        let trustArguments = trust ? ["--trust", TestPKI.url("trust").path] : []
        return try BuiltProduct.run("civicdesk", arguments + ["--workspace", workspace.path] + trustArguments,
                                    standardInput: Data(String(repeating: pin + "\n", count: pins).utf8),
                                    environment: lab.environment.merging(isolated) { $1 })
    }

    func registry(_ arguments: [String], pins: Int = 0, pin: String = RegistryCLI.pin, trust: Bool = true) throws -> Run {
        try run(["registry"] + arguments + (pins > 0 ? ["--pin-stdin"] : []), pins: pins, pin: pin, trust: trust)
    }

    var isolated: [String: String] {
        ["LANG": "zh_TW.UTF-8", "CIVICDESK_TRUST_DIR": "", "CIVICDESK_WORKSPACE": "", "XDG_DATA_HOME": folder.file("data").path,
         "CIVICDESK_REVIEWERS_DIR": reviewers.path, "CIVICDESK_DATA_DIR": ""]
    }

    static func token(_ name: String) -> String { "pkcs11:token=\(name)" }

    /// `registry register` for the office of `agency` with the administrator's card `admin`.
    func register(code: String = "10001", agency: String = "gca", admin: String = "admin", id: String = "F128765439",
                  phone: String = "(02)2701-3411", email: String = "admin@moda.gov.tw", extra: [String] = [],
                  pins: Int = 2, pin: String = RegistryCLI.pin) throws -> Run {
        try registry(["register", "--agency-code", code, "--agency-token", Self.token(agency), "--admin-token", Self.token(admin),
                      "--admin-id", id, "--name", "林志強", "--email", email, "--phone", phone, "--extension", "5312", "--json"] + extra,
                     pins: pins, pin: pin)
    }

    /// The registered office's cards, as the clerk and replace commands take them.
    var officeCards: [String] { ["--agency-token", Self.token("gca"), "--admin-token", Self.token("admin")] }

    func addClerk(_ person: String = "clerk", id: String = "E224613579", permissions: String = "rosters.import,rosters.query") throws -> Run {
        try registry(["clerk", "add"] + officeCards + ["--clerk-cert", TestPKI.url("people/\(person)/sign.pem").path, "--id", id,
                                                        "--permissions", permissions], pins: 2)
    }

    func clerks() throws -> [[String: Any]] {
        let result = try registry(["clerk", "list", "--json"])
        #expect(result.status == 0, "\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    }

    func records(_ code: String = "10001") throws -> [String] {
        let result = try registry(["records", "--agency-code", code, "--json"])
        #expect(result.status == 0, "\(result.error)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        return rows.compactMap { $0["itemName"] as? String }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func serial(_ pem: String) throws -> String {
        try OpenSSLCommand.run(["x509", "-noout", "-serial", "-in", TestPKI.url(pem).path])
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "serial=", with: "")
    }

    /// `sqlite3 WORKSPACE SQL`, as someone tampering with the workspace outside CivicDesk would.
    func sqlite(_ sql: String) throws {
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/sqlite3"),
                                        [workspace.appendingPathComponent("workspace.sqlite").path, sql])
        #expect(result.status == 0, "\(result.error)")
    }
}
