import ArgumentParser
import CivicCore
import CivicCrypto
import Foundation

/// `civicdesk-rostergen`: encrypted roster batches (spec §1–§2) for the benchmark and the demo.
/// Every record is signed by a certificate of its own, issued by the TEST PKI's MOICA CA for one
/// key of a reused pool; a share of the records breaks each rule of spec §3 in turn. The records
/// (who, when, which defect) depend only on the options and `--seed`; with `--key-pool FILE`
/// the keys are kept too, and the decrypted payloads come out byte for byte the same.
/// TEST material only: the keys are in the clear.
@main
struct RosterGenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civicdesk-rostergen",
        abstract: "Generates encrypted petition roster batches (.cec) signed by test certificates, for benchmarks and the demo.")

    @Option(name: .customLong("case"), help: "The case ID.")
    var caseId = "113002"

    @Option(help: "The stage: 連署 or 提案.")
    var stage = PetitionStage.petition.rawValue

    @Option(help: "Electors at the last presidential election.")
    var electorate = 19_548_531

    @Option(help: "The case title (the referendum question).")
    var title = "你是否同意政府訂定法律，讓公民投票案的提案與連署都能以自然人憑證在網路上完成？"

    @Option(name: .customLong("lead-name"), help: "The lead person's name as the header shows it.")
    var leadName = "王OO"

    @Option(help: "How many batch files.")
    var batches = 1

    @Option(help: "How many records in all.")
    var records = 1000

    @Option(help: "Percent of records that break a rule of spec §3, spread over every rule.")
    var defects = 2.0

    @Option(help: "The first signing day (YYYY-MM-DD, +08:00).")
    var start = "2024-03-01"

    @Option(name: .customLong("days-per-batch"), help: "Signing days per batch.")
    var daysPerBatch = 5

    @Option(help: "The recipient's encryption certificate (PEM).")
    var recipient = "data/test-pki/people/lead/enc.pem"

    @Option(help: "The TEST PKI folder (its ca/moica and untrusted/issuing CAs issue the signers).")
    var pki = "data/test-pki"

    @Option(help: "gcm (AuthEnvelopedData, AES-256-GCM) or cbc (EnvelopedData, AES-256-CBC).")
    var cipher = "gcm"

    @Flag(help: "Wrap the content key with RSAES-OAEP (SHA-256) instead of PKCS#1 v1.5.")
    var oaep = false

    @Option(help: "Seed of the records' contents.")
    var seed: UInt64 = 1

    @Option(name: .customLong("key-pool"), help: "A PEM file of signer keys: read if it exists, else written.")
    var keyPool: String?

    @Option(name: .customLong("key-pool-size"), help: "Signer keys to generate when there is no pool file.")
    var keyPoolSize = 32

    @Option(help: "The output folder.")
    var out: String

    func validate() throws {
        guard PetitionStage(rawValue: stage) != nil else { throw ValidationError("--stage is 連署 or 提案") }
        guard CivilDate(iso: start) != nil else { throw ValidationError("--start is YYYY-MM-DD") }
        guard batches > 0, records >= batches, (0...100).contains(defects), daysPerBatch > 0, keyPoolSize > 0 else {
            throw ValidationError("--batches, --records (at least one per batch), --defects (0–100) and --days-per-batch are positive")
        }
        guard ["gcm", "cbc"].contains(cipher) else { throw ValidationError("--cipher is gcm or cbc") }
    }

    func run() throws {
        guard let day = CivilDate(iso: start), let midnight = Timestamp(date: day, hour: 0, minute: 0, second: 0,
                                                                        offsetMinutes: RosterPlan.offsetMinutes) else { return }
        let plan = RosterPlan(seed: seed, caseId: caseId, records: records, batches: batches, defectPercent: defects,
                              start: midnight.instant, daysPerBatch: daysPerBatch)
        let pkiFolder = URL(fileURLWithPath: pki)
        let maker = RecordMaker(
            plan: plan, keys: try SignerKeys.load(from: keyPool, count: keyPoolSize),
            trusted: try CertificateIssuer(certificateFile: pkiFolder.appendingPathComponent("ca/moica.pem"),
                                           keyFile: pkiFolder.appendingPathComponent("ca/moica.key")),
            untrusted: try CertificateIssuer(certificateFile: pkiFolder.appendingPathComponent("untrusted/issuing.pem"),
                                             keyFile: pkiFolder.appendingPathComponent("untrusted/issuing.key")))
        guard let recipientCertificate = try CertificateParser.parse(fileContents: Array(Data(contentsOf: URL(fileURLWithPath: recipient)))).first,
              let stage = PetitionStage(rawValue: stage) else { throw ValidationError("no certificate in \(recipient)") }
        let writer = BatchFileWriter(
            plan: plan, maker: maker,
            header: .init(title: title, stage: stage, electorate: electorate, leadName: leadName),
            recipient: recipientCertificate, algorithm: cipher == "gcm" ? .aes256GCM : .aes256CBC,
            padding: oaep ? .oaep(.sha256) : .pkcs1v15)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clock = ContinuousClock()
        for batch in 0..<batches {
            let started = clock.now
            let (file, count) = try writer.write(batch: batch, into: folder) { done in
                if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r  batch \(batch + 1): \(done) records".utf8)) }
            }
            if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            print("\(file.path)\t\(count) records\t\(clock.now - started)")
        }
    }
}

/// The pool of signer keys: generating RSA keys is slow, so a few dozen serve every certificate.
enum SignerKeys {
    static func load(from path: String?, count: Int) throws -> [RSAPrivateKey] {
        if let path, let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let marker = "-----BEGIN PRIVATE KEY-----"
            let keys = try text.components(separatedBy: marker).dropFirst().map { try RSAPrivateKey(pem: marker + $0) }
            if !keys.isEmpty { return keys }
        }
        let keys = try (0..<count).map { _ in try RSAPrivateKey.generate() }
        if let path {
            try keys.map(\.pem).joined().write(toFile: path, atomically: true, encoding: .utf8)
        }
        return keys
    }
}
