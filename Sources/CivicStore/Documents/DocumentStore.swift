import CivicCore
import CivicFiles
import Foundation
import GRDB

/// A letter as the workspace keeps it: the current version, its sign-off so far (with each
/// signer's certificate), and what the lists show about it.
public struct StoredLetter: Sendable, Hashable {
    public let summary: DocumentSummary
    public let letter: OfficialLetter
    public let progress: SignOffProgress
    /// The DER of the certificate of each entry of `progress.history`, in the same order.
    public let signerCertificates: [[UInt8]]
    /// Elements another system's DI file had and CivicDesk has no field for, as the importer
    /// reported them (JSON); `[]` for letters drafted here.
    public let keptJSON: String

    public var id: String { summary.id }
}

/// A file attached to a stored letter, and where the workspace keeps its bytes.
public struct StoredAttachment: Sendable, Hashable {
    public let fileName: String
    public let file: URL
    public let byteCount: Int
}

/// What a new letter brings with it.
public struct NewLetterRecord: Sendable {
    public var letter: OfficialLetter
    public var drafterSerial: String
    public var fromAgency: String
    public var deadline: CivilDate?
    public var keptJSON: String
    /// The letter's attached files, by name, read from where they are now.
    public var attachments: [(fileName: String, source: URL)]

    public init(letter: OfficialLetter, drafterSerial: String = "", fromAgency: String = "", deadline: CivilDate? = nil,
                keptJSON: String = "[]", attachments: [(fileName: String, source: URL)] = []) {
        self.letter = letter
        self.drafterSerial = drafterSerial
        self.fromAgency = fromAgency
        self.deadline = deadline
        self.keptJSON = keptJSON
        self.attachments = attachments
    }
}

/// The 公文製作 tables of the workspace (`DocumentSchema`). Every change is one transaction;
/// a step's signature, the new state and (at 發文) the number are written together or not at all.
public final class DocumentStore: Sendable {
    public let database: WorkspaceDatabase
    let now: @Sendable () -> Timestamp

    public init(database: WorkspaceDatabase, now: @escaping @Sendable () -> Timestamp = RosterStore.localNow) {
        self.database = database
        self.now = now
    }

    /// The private folder holding the attachments of the letter `id`.
    public func attachmentFolder(_ id: String) -> URL {
        database.folder.appendingPathComponent("documents", isDirectory: true).appendingPathComponent(id, isDirectory: true)
    }

    // MARK: Transactions

    /// One transaction, which GRDB opens as `BEGIN IMMEDIATE` on the pool's writer: the write
    /// lock is taken before anything is read, so two processes never both read the same last
    /// serial. Another process's write is waited for (`busyMode`).
    func writing<T>(_ work: (Database) throws -> T) throws -> T {
        do {
            return try database.pool.write(work)
        } catch let error as DatabaseError {
            throw WorkspaceError(error)
        }
    }

    func reading<T>(_ work: (Database) throws -> T) throws -> T {
        do {
            return try database.pool.read(work)
        } catch let error as DatabaseError {
            throw WorkspaceError(error)
        }
    }

    // MARK: Letters

    /// Stores a new letter and copies its attachments into the workspace; returns its id, the
    /// 中華民國 year and a running number (`1150000001`) like seed 003's 公文文號.
    public func create(_ record: NewLetterRecord) throws -> String {
        let time = now()
        return try writing { db in try insert(record, at: time, db) }
    }

    /// `create` inside a transaction already open.
    func insert(_ record: NewLetterRecord, at time: Timestamp, _ db: Database) throws -> String {
        let prefix = String(format: "%03d", ROCDate.rocYear(ofGregorian: time.inTaiwanTime.date.year))
        let last = try String.fetchOne(db, sql: "SELECT MAX(id) FROM document_letters WHERE id LIKE ? AND length(id) = 10",
                                       arguments: [prefix + "%"])
        let next = (last.flatMap { Int($0.dropFirst(3)) } ?? 0) + 1
        let id = prefix + String(format: "%07d", next)
        try db.execute(sql: """
            INSERT INTO document_letters (id, letter_json, state, created_at, created_micros, updated_at, drafter_serial,
                                          from_agency, deadline, kept_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, LetterJSON.encodeString(record.letter), SignOffState.drafted.rawValue, time.rfc3339,
                             time.microsecondsSinceEpoch, time.rfc3339, record.drafterSerial, record.fromAgency,
                             record.deadline?.iso, record.keptJSON])
        try storeAttachments(record.attachments, of: id, db)
        return id
    }

    private func storeAttachments(_ attachments: [(fileName: String, source: URL)], of id: String, _ db: Database) throws {
        guard !attachments.isEmpty else { return }
        let folder = attachmentFolder(id)
        try PrivateFolder.create(folder)
        for (position, attachment) in attachments.enumerated() {
            let storedName = String(format: "%03d", position + 1)
            let bytes: Data
            do {
                bytes = try Data(contentsOf: attachment.source)
            } catch {
                throw DocumentStoreError.attachmentUnreadable(name: attachment.fileName, path: attachment.source.path)
            }
            let staged = try StagedFile(destination: folder.appendingPathComponent(storedName))
            try staged.handle.write([UInt8](bytes))
            try staged.sync()
            try staged.commit()
            try db.execute(sql: "INSERT INTO document_attachments (letter_id, position, file_name, stored_name, byte_count) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, position, attachment.fileName, storedName, bytes.count])
        }
    }

    /// The letter `id`, or nil when the workspace has none.
    public func letter(_ id: String) throws -> StoredLetter? {
        try reading { db in try Self.fetch(id, db) }
    }

    /// Every letter's summary, for the lists.
    public func summaries() throws -> [DocumentSummary] {
        try reading { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM document_letters ORDER BY created_micros DESC, id DESC")
            return try ids.compactMap { try Self.fetch($0, db)?.summary }
        }
    }

    /// The attachments stored for `id`, in the letter's order.
    public func attachments(_ id: String) throws -> [StoredAttachment] {
        try reading { db in try attachments(id, db) }
    }

    /// `attachments(_:)` inside a transaction already open.
    func attachments(_ id: String, _ db: Database) throws -> [StoredAttachment] {
        let folder = attachmentFolder(id)
        return try Row.fetchAll(db, sql: "SELECT file_name, stored_name, byte_count FROM document_attachments WHERE letter_id = ? ORDER BY position",
                                arguments: [id]).map {
            StoredAttachment(fileName: $0["file_name"], file: folder.appendingPathComponent($0["stored_name"] as String),
                             byteCount: $0["byte_count"])
        }
    }

    /// Replaces the current version of a letter that may still change (before 決行).
    public func update(_ id: String, letter: OfficialLetter) throws {
        let time = now()
        try writing { db in
            guard let stored = try Self.fetch(id, db) else { throw DocumentStoreError.unknownLetter(id) }
            guard stored.progress.state.allowsEditing else { throw DocumentStoreError.notEditable(stored.progress.state) }
            try db.execute(sql: "UPDATE document_letters SET letter_json = ?, updated_at = ? WHERE id = ?",
                           arguments: [LetterJSON.encodeString(letter), time.rfc3339, id])
        }
    }

    /// Asks the holder of the certificate `serial` to countersign (會辦) the letter.
    public func addCountersigner(_ id: String, certificateSerial serial: String) throws {
        try writing { db in
            guard try Self.fetch(id, db) != nil else { throw DocumentStoreError.unknownLetter(id) }
            try db.execute(sql: "INSERT OR IGNORE INTO document_box_members (letter_id, box, certificate_serial) VALUES (?, 'countersign', ?)",
                           arguments: [id, serial])
        }
    }

    /// Records one signed step (not 發文: `dispatch`). `make` runs inside the transaction with
    /// the letter as stored and returns the entry to add (signed over that version's XML) and the
    /// signer's certificate; the state changes with it or not at all.
    public func recordStep(_ id: String, make: (StoredLetter) throws -> (SignOffEntry, certificateDER: [UInt8])) throws -> StoredLetter {
        try writing { db in
            guard let stored = try Self.fetch(id, db) else { throw DocumentStoreError.unknownLetter(id) }
            let (entry, der) = try make(stored)
            try Self.append(entry, der: der, to: stored, letter: stored.letter, db)
            return try Self.fetch(id, db) ?? stored
        }
    }

    /// 發文: in ONE immediate transaction, takes the number (`take`), lets `make` date, number
    /// and sign the letter, and stores the new version with its entry. If signing fails nothing is
    /// written, so the number is not used and no gap is left.
    public func dispatch(_ id: String, key: (StoredLetter) throws -> NumberSequenceKey,
                         make: (StoredLetter, DocumentNumber) throws -> (OfficialLetter, SignOffEntry, certificateDER: [UInt8])) throws -> StoredLetter {
        let time = now()
        return try writing { db in
            guard let stored = try Self.fetch(id, db) else { throw DocumentStoreError.unknownLetter(id) }
            guard stored.progress.state == .approved else { throw SignOffError.stepNotAllowed(.dispatch, stored.progress.state) }
            let number = try Self.take(try key(stored), for: id, at: time, db)
            let (letter, entry, der) = try make(stored, number)
            try Self.append(entry, der: der, to: stored, letter: letter, db)
            return try Self.fetch(id, db) ?? stored
        }
    }

    private static func append(_ entry: SignOffEntry, der: [UInt8], to stored: StoredLetter, letter: OfficialLetter, _ db: Database) throws {
        var progress = stored.progress
        try progress.record(entry)
        try db.execute(sql: """
            INSERT INTO document_signoffs (letter_id, position, step, signer_name, certificate_serial, certificate_issuer,
                                           certificate_der, signed_at, xml, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [stored.id, progress.history.count - 1, entry.step.rawValue, entry.signerName, entry.certificateSerial,
                             entry.certificateIssuer, Data(der), entry.signedAt.rfc3339, Data(entry.xml), Data(entry.signature)])
        try db.execute(sql: "UPDATE document_letters SET letter_json = ?, state = ?, updated_at = ?, drafter_serial = CASE WHEN drafter_serial = '' THEN ? ELSE drafter_serial END WHERE id = ?",
                       arguments: [LetterJSON.encodeString(letter), progress.state.rawValue, entry.signedAt.rfc3339,
                                   entry.certificateSerial, stored.id])
    }

    static func fetch(_ id: String, _ db: Database) throws -> StoredLetter? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM document_letters WHERE id = ?", arguments: [id]) else { return nil }
        let letter: OfficialLetter
        do {
            letter = try LetterJSON.decode(row["letter_json"] as String)
        } catch {
            throw DocumentStoreError.damaged(id: id, reason: error.message)
        }
        let entries = try Row.fetchAll(db, sql: "SELECT * FROM document_signoffs WHERE letter_id = ? ORDER BY position", arguments: [id])
        var history: [SignOffEntry] = []
        for entry in entries {
            guard let step = SignOffStep(rawValue: entry["step"]), let signedAt = Timestamp(rfc3339: entry["signed_at"] as String) else {
                throw DocumentStoreError.damaged(id: id, reason: UserMessage(zh: "簽核紀錄無法辨識。", en: "A sign-off entry is unreadable."))
            }
            history.append(SignOffEntry(step: step, signerName: entry["signer_name"], certificateSerial: entry["certificate_serial"],
                                        certificateIssuer: entry["certificate_issuer"], signedAt: signedAt,
                                        xml: [UInt8](entry["xml"] as Data), signature: [UInt8](entry["signature"] as Data)))
        }
        guard let progress = SignOffProgress(history: history), let created = Timestamp(rfc3339: row["created_at"] as String) else {
            throw DocumentStoreError.damaged(id: id, reason: UserMessage(zh: "簽核步驟的順序不對。", en: "The sign-off steps are out of order."))
        }
        let countersigners = try String.fetchAll(db, sql: "SELECT certificate_serial FROM document_box_members WHERE letter_id = ? AND box = 'countersign'",
                                                 arguments: [id])
        let summary = DocumentSummary(id: id, subject: letter.subject, number: letter.number, createdAt: created,
                                      drafterSerial: row["drafter_serial"], fromAgency: row["from_agency"],
                                      deadline: (row["deadline"] as String?).flatMap { CivilDate(iso: $0) }, state: progress.state,
                                      countersignerSerials: countersigners)
        return StoredLetter(summary: summary, letter: letter, progress: progress,
                            signerCertificates: entries.map { [UInt8]($0["certificate_der"] as Data) }, keptJSON: row["kept_json"])
    }
}

/// Why the documents store refused a request.
public enum DocumentStoreError: UserFacingError, Equatable {
    case unknownLetter(String)
    case notEditable(SignOffState)
    case attachmentUnreadable(name: String, path: String)
    case damaged(id: String, reason: UserMessage)

    public var message: UserMessage {
        switch self {
        case let .unknownLetter(id):
            UserMessage(zh: "工作區沒有編號 \(id) 的公文。", en: "The workspace has no letter \(id).")
        case let .notEditable(state):
            UserMessage(zh: "公文已\(state.label.zh)，內容不能再修改。", en: "The letter is \(state.label.en); its text can no longer change.")
        case let .attachmentUnreadable(name, path):
            UserMessage(zh: "附件「\(name)」無法讀取（\(path)）；公文未儲存。", en: "The attachment \(name) cannot be read (\(path)); the letter was not saved.")
        case let .damaged(id, reason):
            UserMessage(zh: "工作區中的公文 \(id) 已損壞：\(reason.zh)", en: "Letter \(id) in the workspace is damaged: \(reason.en)")
        }
    }
}
