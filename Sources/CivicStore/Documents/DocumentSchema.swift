import GRDB

/// The 公文製作 tables of the workspace: letters (the current version as the letter's JSON, its
/// place in the sign-off and what the lists show), their attached files (kept in a private folder
/// beside the database), the signed history of each letter, the boxes a letter was put in for
/// someone (會辦) and the ledger of 發文字號 — one row per number ever given, so none is reused or
/// skipped silently.
enum DocumentSchema {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE document_letters (
                id TEXT PRIMARY KEY NOT NULL,
                letter_json TEXT NOT NULL,
                state TEXT NOT NULL,
                created_at TEXT NOT NULL,
                created_micros INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                drafter_serial TEXT NOT NULL DEFAULT '',
                from_agency TEXT NOT NULL DEFAULT '',
                deadline TEXT,
                kept_json TEXT NOT NULL DEFAULT '[]'
            );
            CREATE TABLE document_box_members (
                letter_id TEXT NOT NULL REFERENCES document_letters(id) ON DELETE CASCADE,
                box TEXT NOT NULL,
                certificate_serial TEXT NOT NULL,
                PRIMARY KEY (letter_id, box, certificate_serial)
            ) WITHOUT ROWID;
            CREATE TABLE document_attachments (
                letter_id TEXT NOT NULL REFERENCES document_letters(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                file_name TEXT NOT NULL,
                stored_name TEXT NOT NULL,
                byte_count INTEGER NOT NULL,
                PRIMARY KEY (letter_id, file_name)
            ) WITHOUT ROWID;
            CREATE TABLE document_signoffs (
                letter_id TEXT NOT NULL REFERENCES document_letters(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                step TEXT NOT NULL,
                signer_name TEXT NOT NULL,
                certificate_serial TEXT NOT NULL,
                certificate_issuer TEXT NOT NULL,
                certificate_der BLOB NOT NULL,
                signed_at TEXT NOT NULL,
                xml BLOB NOT NULL,
                signature BLOB NOT NULL,
                PRIMARY KEY (letter_id, position)
            ) WITHOUT ROWID;
            CREATE TABLE document_numbers (
                agency_code TEXT NOT NULL,
                word TEXT NOT NULL,
                year INTEGER NOT NULL,
                serial INTEGER NOT NULL,
                letter_id TEXT NOT NULL,
                use TEXT NOT NULL,
                at TEXT NOT NULL,
                PRIMARY KEY (agency_code, word, year, serial)
            ) WITHOUT ROWID;
            CREATE INDEX document_numbers_by_letter ON document_numbers (letter_id, use);
            """)
    }
}
