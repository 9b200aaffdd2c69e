import CivicCore
import GRDB

/// Storing a letter that came in a DI file: the workspace may already hold it (its own export
/// brought back, or the same file imported twice), which the caller's `isSame` decides.
extension DocumentStore {
    /// What storing an imported letter came to.
    public enum ImportOutcome: Sendable, Equatable {
        case created(String)
        /// The workspace already holds this letter, as `id`; nothing was written.
        case alreadyThere(String)
    }

    /// In ONE immediate transaction: looks for letters of the same 發文字號 from the same office
    /// (the one this workspace gave it, then imported ones); returns the first that `isSame`
    /// accepts (given the letter and its stored attachments),
    /// refuses a letter claiming a number this workspace gave to another letter
    /// (`DocumentNumberError.alreadyUsed`), and otherwise stores `record` as a new letter.
    /// Two processes importing the same file at once thus store it once.
    public func createImported(_ record: NewLetterRecord, isSame: (StoredLetter, [StoredAttachment]) throws -> Bool) throws -> ImportOutcome {
        let time = now()
        return try writing { db in
            guard let number = record.letter.number else { return .created(try insert(record, at: time, db)) }
            let code = record.letter.sender.code
            let given = try Self.holder(of: number, agencyCode: code, db)
            let imported = try String.fetchAll(db, sql: """
                SELECT id FROM document_letters
                WHERE json_extract(letter_json, '$.sender.code') = ? AND json_extract(letter_json, '$.number.word') = ?
                  AND json_extract(letter_json, '$.number.year') = ? AND json_extract(letter_json, '$.number.serial') = ?
                ORDER BY created_micros, id
                """, arguments: [code, number.word, number.year, number.serial])
            for id in [given].compactMap({ $0 }) + imported.filter({ $0 != given }) {
                if let stored = try Self.fetch(id, db), stored.letter.number == number, try isSame(stored, try attachments(id, db)) { return .alreadyThere(id) }
            }
            if let given { throw DocumentNumberError.alreadyUsed(number, byLetter: given) }
            return .created(try insert(record, at: time, db))
        }
    }
}
