import CivicCore
import Foundation
import GRDB

/// The registry's rows in the workspace database: the office, its clerks, the registration
/// records, applications under review, and the audit log. Every change goes through `apply`,
/// which checks it against what is stored and appends its signed audit entry in the same
/// transaction: either both are kept or neither.
public final class RegistryStore: Sendable {
    let pool: DatabasePool

    public init(database: WorkspaceDatabase) {
        pool = database.pool
    }

    // MARK: Reading

    public func office() throws -> Office? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM registry_office WHERE id = 1").map(Self.office) }
    }

    /// 授權經辦人清單, in the order they were added.
    public func clerks() throws -> [Clerk] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM registry_clerk ORDER BY position").map(Self.clerk) }
    }

    /// 查詢憑證註冊收件紀錄 of one agency code, oldest first.
    public func records(agencyCode: AgencyCode) throws -> [RegistrationRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM registry_record WHERE agencyCode = ? ORDER BY time, id",
                             arguments: [agencyCode.value]).map { row in
                RegistrationRecord(agencyCode: agencyCode, agencyName: row["agencyName"], time: try Self.date(row["time"]),
                                   item: RegistrationItem(rawValue: row["item"]) ?? .firstRegistration)
            }
        }
    }

    /// The application of `code` still waiting for a reviewer.
    public func pendingReview(code: AgencyCode) throws -> PendingReview? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT office FROM registry_pending WHERE agencyCode = ? AND state = 'pending'",
                                arguments: [code.value]).map(Self.decodePending)
        }
    }

    /// Every audit entry in sequence order, as stored.
    public func auditEntries() throws -> [SignedAuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY sequence").map(Self.signedEntry)
        }
    }

    // MARK: Changing

    /// Who signs a change's audit entry: the acting certificates, the time, and the card's
    /// signature (CMS, detached) over the entry's canonical bytes.
    public struct AuditSigner: Sendable {
        public let actors: [String]
        public let time: Date
        public let certificate: [UInt8]
        public let sign: @Sendable ([UInt8]) throws -> [UInt8]
        public let makeDigest: @Sendable () -> any SHA256Digesting

        public init(actors: [String], time: Date, certificate: [UInt8], sign: @escaping @Sendable ([UInt8]) throws -> [UInt8],
                    makeDigest: @escaping @Sendable () -> any SHA256Digesting) {
            self.actors = actors
            self.time = time
            self.certificate = certificate
            self.sign = sign
            self.makeDigest = makeDigest
        }
    }

    /// Applies `change` after checking it against the stored state (a `RegistryProblem` when it
    /// cannot apply), and appends its audit entry signed by `signer`; one transaction.
    public func apply(_ change: RegistryChange, signer: AuditSigner) throws {
        try write { db in
            try Self.apply(change, db)
            let last = try Row.fetchOne(db, sql: "SELECT * FROM audit_log ORDER BY sequence DESC LIMIT 1")
            let previous = last.map(Self.signedEntry)
            let entry = AuditEntry(sequence: (previous?.entry.sequence ?? 0) + 1,
                                   time: Timestamp(taiwanTime: signer.time)?.rfc3339 ?? Self.text(signer.time),
                                   action: change.action, actors: signer.actors, data: change.dataJSON,
                                   previousSHA256: previous.map { AuditChain.digest(of: $0, using: signer.makeDigest()) } ?? AuditChain.genesis)
            let signature = try signer.sign(entry.canonicalBytes)
            try db.execute(sql: """
                INSERT INTO audit_log (sequence, time, action, actors, data, previousSHA256, signature, signerCertificate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.sequence, entry.time, entry.action, entry.actors.joined(separator: ","), entry.data,
                                 entry.previousSHA256, Data(signature), Data(signer.certificate)])
        }
    }

    static func apply(_ change: RegistryChange, _ db: Database) throws {
        let office = try Row.fetchOne(db, sql: "SELECT * FROM registry_office WHERE id = 1").map(Self.office)
        switch change {
        case .register(let new, let time):
            if let office { throw RegistryProblem.alreadyRegistered(code: office.code.value) }
            try saveOffice(new, db)
            try addRecord(new, item: .firstRegistration, time: time, db)
        case .submitForReview(let pending):
            if let office { throw RegistryProblem.alreadyRegistered(code: office.code.value) }
            try db.execute(sql: """
                INSERT OR REPLACE INTO registry_pending (agencyCode, state, applicantName, applicantPhone, reason, requestedAt, office)
                VALUES (?, 'pending', ?, ?, ?, ?, ?)
                """, arguments: [pending.office.code.value, pending.applicantName, pending.applicantPhone, pending.reason.rawValue,
                                 text(pending.requestedAt), encodePending(pending)])
        case .approve(let pending, let time):
            if let office { throw RegistryProblem.alreadyRegistered(code: office.code.value) }
            try decide(pending, state: "approved", db)
            try saveOffice(pending.office, db)
            try addRecord(pending.office, item: .firstRegistration, time: time, db)
        case .reject(let pending):
            try decide(pending, state: "rejected", db)
        case .addClerk(let clerk):
            guard office != nil else { throw RegistryProblem.notRegistered }
            try refuseTaken(clerk, except: nil, db)
            try db.execute(sql: """
                INSERT INTO registry_clerk (serial, name, personalId, permissions, position)
                VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM registry_clerk))
                """, arguments: [clerk.serial.hex, clerk.name, clerk.personalID.value, clerk.permissions.text])
        case .changeClerk(let serial, let clerk):
            guard office != nil else { throw RegistryProblem.notRegistered }
            try refuseTaken(clerk, except: serial, db)
            try db.execute(sql: "UPDATE registry_clerk SET serial = ?, name = ?, personalId = ?, permissions = ? WHERE serial = ?",
                           arguments: [clerk.serial.hex, clerk.name, clerk.personalID.value, clerk.permissions.text, serial.hex])
            if db.changesCount == 0 { throw RegistryProblem.clerkNotFound(serial.hex) }
        case .removeClerk(let clerk):
            try db.execute(sql: "DELETE FROM registry_clerk WHERE serial = ?", arguments: [clerk.serial.hex])
            if db.changesCount == 0 { throw RegistryProblem.clerkNotFound(clerk.serial.hex) }
        case .replace(let new, let item, let time):
            guard office != nil else { throw RegistryProblem.notRegistered }
            try db.execute(sql: "DELETE FROM registry_office")
            try saveOffice(new, db)
            try addRecord(new, item: item, time: time, db)
        }
    }

    private static func refuseTaken(_ clerk: Clerk, except serial: CertificateSerial?, _ db: Database) throws {
        if clerk.serial != serial,
           try Bool.fetchOne(db, sql: "SELECT 1 FROM registry_clerk WHERE serial = ?", arguments: [clerk.serial.hex]) == true {
            throw RegistryProblem.clerkSerialTaken(clerk.serial.hex)
        }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM registry_clerk WHERE personalId = ? AND serial IS NOT ?",
                             arguments: [clerk.personalID.value, serial?.hex]) == true {
            throw RegistryProblem.clerkIDTaken(clerk.personalID.value)
        }
    }

    private static func decide(_ pending: PendingReview, state: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE registry_pending SET state = ? WHERE agencyCode = ? AND state = 'pending'",
                       arguments: [state, pending.office.code.value])
        if db.changesCount == 0 { throw RegistryProblem.noPendingReview(code: pending.office.code.value) }
    }

    private static func addRecord(_ office: Office, item: RegistrationItem, time: Date, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO registry_record (agencyCode, agencyName, time, item) VALUES (?, ?, ?, ?)",
                       arguments: [office.code.value, office.name, text(time), item.rawValue])
    }

    private static func saveOffice(_ office: Office, _ db: Database) throws {
        let agency = office.agency
        let admin = office.administrator
        try db.execute(sql: """
            INSERT INTO registry_office (id, agencyCode, agencyName, agencyKind, agencyOID, agencySerial, agencySubject,
                agencyNotBefore, agencyNotAfter, agencySHA256, adminID, adminSerial, adminCertName, adminSubject, adminNotBefore,
                adminNotAfter, adminSHA256, contactName, contactEmail, contactPhone, contactExtension, contactNotes)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [office.code.value, agency.name, agency.kind.rawValue, agency.oid, agency.serialHex, agency.subject,
                             text(agency.notBefore), text(agency.notAfter), agency.sha256, admin.personalID.value,
                             admin.certificate.serialHex, admin.certificate.name, admin.certificate.subject,
                             text(admin.certificate.notBefore), text(admin.certificate.notAfter), admin.certificate.sha256,
                             admin.contact.name, admin.contact.email, admin.contact.phone, admin.contact.phoneExtension,
                             admin.contact.notes])
    }

    // MARK: Rows

    private static func signedEntry(_ row: Row) -> SignedAuditEntry {
        SignedAuditEntry(entry: AuditEntry(sequence: row["sequence"], time: row["time"], action: row["action"],
                                           actors: (row["actors"] as String).split(separator: ",").map(String.init),
                                           data: row["data"], previousSHA256: row["previousSHA256"]),
                         signature: [UInt8](row["signature"] as Data), signerCertificate: [UInt8](row["signerCertificate"] as Data))
    }

    private static func office(_ row: Row) throws -> Office {
        let agency = AgencyCertificate(kind: AgencyCertificateKind(rawValue: row["agencyKind"]) ?? .government, oid: row["agencyOID"],
                                       name: row["agencyName"], serialHex: row["agencySerial"], subject: row["agencySubject"],
                                       notBefore: try date(row["agencyNotBefore"]), notAfter: try date(row["agencyNotAfter"]),
                                       sha256: row["agencySHA256"])
        let certificate = PersonCertificate(serialHex: row["adminSerial"], name: row["adminCertName"], subject: row["adminSubject"],
                                            notBefore: try date(row["adminNotBefore"]), notAfter: try date(row["adminNotAfter"]),
                                            sha256: row["adminSHA256"])
        let contact = try AdministratorContact(name: row["contactName"], email: row["contactEmail"], phone: row["contactPhone"],
                                         phoneExtension: row["contactExtension"], notes: row["contactNotes"])
        return Office(code: try AgencyCode(row["agencyCode"]), agency: agency,
                      administrator: Administrator(personalID: try NationalID(row["adminID"]), certificate: certificate, contact: contact))
    }

    private static func clerk(_ row: Row) throws -> Clerk {
        try Clerk(serial: CertificateSerial(row["serial"]), name: row["name"], personalID: NationalID(row["personalId"]),
                  permissions: PermissionSet((row["permissions"] as String).split(separator: ",").map { PermissionKey(String($0)) }))
    }

    static func text(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func date(_ text: String) throws -> Date {
        try Date(text, strategy: .iso8601)
    }

    private static func encodePending(_ pending: PendingReview) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(pending), as: UTF8.self)
    }

    private static func decodePending(_ text: String) throws -> PendingReview {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(PendingReview.self, from: Data(text.utf8))
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw WorkspaceError(error)
        }
    }

    private func write(_ body: (Database) throws -> Void) throws {
        do {
            try pool.write(body)
        } catch let error as DatabaseError {
            throw WorkspaceError(error)
        }
    }
}
