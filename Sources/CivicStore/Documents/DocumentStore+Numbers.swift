import CivicCore
import GRDB

/// The 發文字號 ledger (`document_numbers`): one row per number ever given, taken or reserved
/// inside one immediate transaction, so two processes dispatching at once get consecutive
/// serials and a reservation given up is voided, never handed out again.
extension DocumentStore: DocumentNumberAllocating {
    public func take(_ key: NumberSequenceKey, for letterID: String, at time: Timestamp) throws -> DocumentNumber {
        try writing { db in try Self.take(key, for: letterID, at: time, db) }
    }

    public func reserve(_ key: NumberSequenceKey, for letterID: String, at time: Timestamp) throws -> DocumentNumber {
        try writing { db in
            if let held = try Self.serial(of: letterID, in: key, use: .reserved, db) { return key.number(held) }
            if let sent = try Self.serial(of: letterID, in: key, use: .dispatched, db) {
                throw DocumentNumberError.alreadyDispatched(key.number(sent))
            }
            return key.number(try Self.insertNext(key, for: letterID, use: .reserved, at: time, db))
        }
    }

    public func voidReservation(_ key: NumberSequenceKey, for letterID: String, at time: Timestamp) throws {
        try writing { db in
            guard let held = try Self.serial(of: letterID, in: key, use: .reserved, db) else { throw DocumentNumberError.noReservation(key) }
            try db.execute(sql: "UPDATE document_numbers SET use = ?, at = ? WHERE agency_code = ? AND word = ? AND year = ? AND serial = ?",
                           arguments: [NumberUse.voided.rawValue, time.rfc3339, key.agencyCode, key.word, key.year, held])
        }
    }

    public func ledger(_ key: NumberSequenceKey) throws -> [NumberLedgerEntry] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT serial, letter_id, use, at FROM document_numbers WHERE agency_code = ? AND word = ? AND year = ? ORDER BY serial",
                             arguments: [key.agencyCode, key.word, key.year]).compactMap { row in
                guard let use = NumberUse(rawValue: row["use"]), let at = Timestamp(rfc3339: row["at"] as String) else { return nil }
                return NumberLedgerEntry(serial: row["serial"], letterID: row["letter_id"], use: use, at: at)
            }
        }
    }

    /// `take` inside a transaction already open (the dispatch's own).
    static func take(_ key: NumberSequenceKey, for letterID: String, at time: Timestamp, _ db: Database) throws -> DocumentNumber {
        guard !key.word.isEmpty else { throw DocumentNumberError.noWord }
        if let sent = try serial(of: letterID, in: key, use: .dispatched, db) { throw DocumentNumberError.alreadyDispatched(key.number(sent)) }
        if let held = try serial(of: letterID, in: key, use: .reserved, db) {
            try db.execute(sql: "UPDATE document_numbers SET use = ?, at = ? WHERE agency_code = ? AND word = ? AND year = ? AND serial = ?",
                           arguments: [NumberUse.dispatched.rawValue, time.rfc3339, key.agencyCode, key.word, key.year, held])
            return key.number(held)
        }
        return key.number(try insertNext(key, for: letterID, use: .dispatched, at: time, db))
    }

    private static func serial(of letterID: String, in key: NumberSequenceKey, use: NumberUse, _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT serial FROM document_numbers WHERE agency_code = ? AND word = ? AND year = ? AND letter_id = ? AND use = ?",
                         arguments: [key.agencyCode, key.word, key.year, letterID, use.rawValue])
    }

    private static func insertNext(_ key: NumberSequenceKey, for letterID: String, use: NumberUse, at time: Timestamp, _ db: Database) throws -> Int {
        let last = try Int.fetchOne(db, sql: "SELECT MAX(serial) FROM document_numbers WHERE agency_code = ? AND word = ? AND year = ?",
                                    arguments: [key.agencyCode, key.word, key.year])
        guard let next = key.serial(after: last) else { throw DocumentNumberError.exhausted(key) }
        try db.execute(sql: "INSERT INTO document_numbers (agency_code, word, year, serial, letter_id, use, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [key.agencyCode, key.word, key.year, next, letterID, use.rawValue, time.rfc3339])
        return next
    }

    /// The letter holding `number` in `agencyCode`'s sequences, if any: an import claiming a number
    /// already given here is refused by name.
    public func holder(of number: DocumentNumber, agencyCode: String) throws -> String? {
        try reading { db in try Self.holder(of: number, agencyCode: agencyCode, db) }
    }

    /// `holder(of:agencyCode:)` inside a transaction already open.
    static func holder(of number: DocumentNumber, agencyCode: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT letter_id FROM document_numbers WHERE agency_code = ? AND word = ? AND year = ? AND serial = ? AND use != ?",
                            arguments: [agencyCode, number.word, number.year, number.serial, NumberUse.voided.rawValue])
    }
}
