import CivicTestSupport
import Foundation
import Testing

/// What every row of the bad-input table shares: one card lab (the lead person's card in the
/// first reader, the test PKI's SoftHSM2 tokens), one set of input files, and workspaces set up
/// once and copied for each row.
final class BadInputBench: Sendable {
    static let shared = Result { try BadInputBench() }
    static let pin = "123456"

    let lab: CardLab
    let files: TemporaryFolder
    let reviewers: URL
    private let templates: TemporaryFolder

    private init() throws {
        lab = try CardLab.start()
        files = try TemporaryFolder()
        templates = try TemporaryFolder()
        reviewers = files.file("reviewers")
        try FileManager.default.createDirectory(at: reviewers, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPKI.url("people/other/sign.pem"), to: reviewers.appendingPathComponent("other.pem"))
        try makeInputFiles()
        try makeTemplates()
    }

    /// The shared input files, `{file:NAME}` in the table.
    func file(_ name: String) -> URL { files.file("inputs").appendingPathComponent(name) }

    private func makeInputFiles() throws {
        try FileManager.default.createDirectory(at: files.file("inputs"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: file("empty-folder"), withIntermediateDirectories: true)
        let builder = try RosterBatchBuilder()
        let lead = builder.record(try RosterBatchBuilder.pkiSigner("lead"))
        let other = builder.record(try RosterBatchBuilder.pkiSigner("other"))
        let first = try builder.file(TestBatch(number: 1, records: [lead, other]))
        try FileManager.default.copyItem(at: first, to: file("113002-連署-20240301.cec"))
        try FileManager.default.copyItem(at: first, to: file("113002-連署-20240309.cec"))
        let second = try builder.file(TestBatch(number: 2, records: [lead]))
        try FileManager.default.copyItem(at: second, to: file("113002-連署-20240302.cec"))
        var otherElectorate = TestBatch(number: 2, records: [lead])
        otherElectorate.electorate = 19_000_000
        try FileManager.default.copyItem(at: try builder.file(otherElectorate), to: file("other-electorate.cec"))
        var badHeader = TestBatch(number: 3, records: [lead])
        badHeader.rawHeader = badHeader.headerLine.replacingOccurrences(of: #""electorate":19548531"#, with: #""electorate":"很多""#)
        try FileManager.default.copyItem(at: try builder.file(badHeader), to: file("bad-header.cec"))
        try FileManager.default.copyItem(at: try builder.file([], named: "empty-inside.cec"), to: file("empty-inside.cec"))
        let bytes = try Data(contentsOf: first)
        try bytes.prefix(100).write(to: file("head.cec"))
        try Data().write(to: file("empty.cec"))
        try Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8).write(to: file("roster.pdf"))
        var generator = SystemRandomNumberGenerator()
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: file("random.cec"))
        let text = try builder.folder.write(Array("姓名,身分證統一編號\n王小明,A123456789\n".utf8), to: "list.csv")
        try CMSEncryptCommand.gcm.encrypt(text, to: file("text-inside.cec"), recipients: [TestPKI.url("people/lead/enc.pem")])
        try OpenSSLCommand.run(["cms", "-sign", "-binary", "-in", text.path, "-outform", "DER", "-out", file("signed.cec").path,
                                "-signer", TestPKI.url("people/lead/sign.pem").path, "-inkey", TestPKI.url("people/lead/sign.key").path])
    }

    /// Names in the table for the files above.
    var fileNames: [String: String] {
        ["batch1": "113002-連署-20240301.cec", "batch1-renamed": "113002-連署-20240309.cec", "batch2": "113002-連署-20240302.cec",
         "head": "head.cec", "empty": "empty.cec", "pdf": "roster.pdf", "random": "random.cec", "text-inside": "text-inside.cec",
         "signed": "signed.cec", "empty-folder": "empty-folder", "batch2-other-electorate": "other-electorate.cec",
         "bad-header": "bad-header.cec", "empty-inside": "empty-inside.cec"]
    }

    func template(_ setup: BadInputRow.Setup) -> URL { templates.file(setup.rawValue) }

    private func makeTemplates() throws {
        let imported = template(.imported)
        try expectSuccess(run(["roster", "import", "--workspace", imported.path, "--token", "pkcs11:token=lead", "--trust",
                               TestPKI.url("trust").path, "--pin-stdin", file(fileNames["batch1"] ?? "").path], stdin: [Self.pin]))
        for setup in [BadInputRow.Setup.purged, .newer] {
            try FileManager.default.copyItem(at: imported, to: template(setup))
        }
        try expectSuccess(run(["roster", "purge", "--workspace", template(.purged).path, "--case", "113002"]))
        let sqlite = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [
            template(.newer).appendingPathComponent("workspace.sqlite").path,
            "INSERT INTO grdb_migrations (identifier) VALUES ('roster v99 from the future')"])
        try expectSuccess(sqlite)
        try expectSuccess(run(["registry", "register", "--workspace", template(.registered).path, "--trust", TestPKI.url("trust").path,
                               "--agency-code", "10001", "--agency-token", "pkcs11:token=gca", "--admin-token", "pkcs11:token=admin",
                               "--admin-id", "F128765439", "--name", "林志強", "--email", "admin@moda.gov.tw", "--phone", "(02)2701-3411",
                               "--pin-stdin"], stdin: [Self.pin, Self.pin]))
    }

    private func expectSuccess(_ result: (status: Int32, output: String, error: String)) throws {
        guard result.status == 0 else { throw CardLab.Failure(description: "bench set-up failed: \(result.error)") }
    }

    /// `civicdesk ARGUMENTS` as a user at this machine runs it: the lab's cards, Chinese messages,
    /// nothing of the machine's own trust anchors, workspace, documents or reviewers.
    func run(_ arguments: [String], stdin: [String] = [], environment: [String: String] = [:],
             home: URL? = nil) throws -> (status: Int32, output: String, error: String) {
        let home = home ?? files.url
        let isolated = ["LANG": "zh_TW.UTF-8", "CIVICDESK_TRUST_DIR": "", "CIVICDESK_WORKSPACE": "", "CIVICDESK_DATA_DIR": "",
                        "XDG_DATA_HOME": home.appendingPathComponent("data").path,
                        "CIVICDESK_DOCUMENTS_DIR": home.appendingPathComponent("Documents").path,
                        "CIVICDESK_REVIEWERS_DIR": reviewers.path]
        return try BuiltProduct.run("civicdesk", arguments,
                                    standardInput: stdin.isEmpty ? nil : Data(stdin.map { $0 + "\n" }.joined().utf8),
                                    environment: lab.environment.merging(isolated) { $1 }.merging(environment) { $1 })
    }
}

/// One row's run: its own folder, the workspace the row asks for, and what the folder held
/// before, to show nothing changed.
final class BadInputRun {
    let bench: BadInputBench
    let row: BadInputRow
    let folder: TemporaryFolder
    private(set) var workspace: URL
    private var mounts: [URL] = []

    init(_ row: BadInputRow, on bench: BadInputBench) throws {
        self.bench = bench
        self.row = row
        folder = try TemporaryFolder()
        workspace = folder.file("workspace")
        switch row.setup {
        case .none: break
        case .imported, .purged, .newer, .registered:
            try FileManager.default.copyItem(at: bench.template(row.setup), to: workspace)
        case .readOnly:
            let disk = try mountReadOnly("ro-disk") { try FileManager.default.copyItem(at: bench.template(.imported), to: $0.appendingPathComponent("workspace")) }
            workspace = disk.appendingPathComponent("workspace")
        }
    }

    deinit {
        for mount in mounts.reversed() { _ = try? Subprocess.run(URL(fileURLWithPath: "/bin/umount"), [mount.path]) }
    }

    /// A tmpfs filled by `fill`, then mounted read-only: even root cannot write there.
    func mountReadOnly(_ name: String, _ fill: (URL) throws -> Void = { _ in }) throws -> URL {
        let disk = folder.file(name)
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = URL(fileURLWithPath: "/bin/mount")
        let mounted = try Subprocess.run(mount, ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", disk.path])
        guard mounted.status == 0 else { throw CardLab.Failure(description: "mount: \(mounted.error)") }
        mounts.append(disk)
        try fill(disk)
        let readOnly = try Subprocess.run(mount, ["-o", "remount,ro", disk.path])
        guard readOnly.status == 0 else { throw CardLab.Failure(description: "remount ro: \(readOnly.error)") }
        return disk
    }

    /// The row's arguments with its placeholders filled in.
    func arguments() throws -> [String] {
        var readOnly: URL?
        return try row.arguments.map { argument in
            var text = argument.replacingOccurrences(of: "{ws}", with: workspace.path)
                .replacingOccurrences(of: "{trust}", with: TestPKI.url("trust").path)
                .replacingOccurrences(of: "{row}", with: folder.url.path)
                .replacingOccurrences(of: "{reader2}", with: bench.lab.secondReaderName)
            if text.contains("{ro}") {
                let disk = try readOnly ?? mountReadOnly("ro-out")
                readOnly = disk
                text = text.replacingOccurrences(of: "{ro}", with: disk.path)
            }
            for (name, file) in bench.fileNames {
                text = text.replacingOccurrences(of: "{file:\(name)}", with: bench.file(file).path)
            }
            while let start = text.range(of: "{pki:"), let end = text.range(of: "}", range: start.upperBound..<text.endIndex) {
                text.replaceSubrange(start.lowerBound..<end.upperBound, with: TestPKI.url(String(text[start.upperBound..<end.lowerBound])).path)
            }
            return text
        }
    }

    /// What must not change: the data in the workspace database (its INSERTs, not its schema),
    /// and every other file in the row's folder and the shared inputs (none made, removed or resized).
    func snapshot() throws -> [String] {
        var lines: [String] = []
        let database = workspace.appendingPathComponent("workspace.sqlite")
        if FileManager.default.fileExists(atPath: database.path) {
            let dump = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), ["-readonly", database.path, ".dump"])
            guard dump.status == 0 else { return ["sqlite3 failed: \(dump.error)"] }
            // The data, not the schema: a refused command may have created the workspace, empty.
            lines += dump.output.split(separator: "\n").map(String.init)
                .filter { $0.hasPrefix("INSERT INTO") && !$0.contains("grdb_migrations") && !$0.contains("sqlite_sequence") }
        }
        for root in [folder.url, bench.file("")] {
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey])
            while let url = enumerator?.nextObject() as? URL {
                if url.pathComponents.contains("workspace") { continue }
                let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize
                lines.append("\(url.path.dropFirst(root.path.count)) \(size.map(String.init) ?? "folder")")
            }
        }
        return lines.sorted()
    }
}
