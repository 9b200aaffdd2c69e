import GRDB

/// The 憑證註冊與授權 tables and the audit log, added to the workspace database by one migration.
/// `registry_office` holds at most one row (a workspace belongs to one office).
enum RegistrySchema {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE registry_office (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                agencyCode TEXT NOT NULL,
                agencyName TEXT NOT NULL,
                agencyKind TEXT NOT NULL,
                agencyOID TEXT NOT NULL,
                agencySerial TEXT NOT NULL,
                agencySubject TEXT NOT NULL,
                agencyNotBefore TEXT NOT NULL,
                agencyNotAfter TEXT NOT NULL,
                agencySHA256 TEXT NOT NULL,
                adminID TEXT NOT NULL,
                adminSerial TEXT NOT NULL,
                adminCertName TEXT NOT NULL,
                adminSubject TEXT NOT NULL,
                adminNotBefore TEXT NOT NULL,
                adminNotAfter TEXT NOT NULL,
                adminSHA256 TEXT NOT NULL,
                contactName TEXT NOT NULL,
                contactEmail TEXT NOT NULL,
                contactPhone TEXT NOT NULL,
                contactExtension TEXT,
                contactNotes TEXT
            );
            CREATE TABLE registry_clerk (
                serial TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                personalId TEXT NOT NULL UNIQUE,
                permissions TEXT NOT NULL,
                position INTEGER NOT NULL
            );
            CREATE TABLE registry_record (
                id INTEGER PRIMARY KEY,
                agencyCode TEXT NOT NULL,
                agencyName TEXT NOT NULL,
                time TEXT NOT NULL,
                item TEXT NOT NULL
            );
            CREATE INDEX registry_record_code ON registry_record (agencyCode, time);
            -- Applications the agency directory did not confirm; office is the Office as JSON.
            CREATE TABLE registry_pending (
                agencyCode TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                applicantName TEXT NOT NULL,
                applicantPhone TEXT NOT NULL,
                reason TEXT NOT NULL,
                requestedAt TEXT NOT NULL,
                office TEXT NOT NULL
            );
            -- The hash-chained log of every change, each entry signed by the acting card.
            CREATE TABLE audit_log (
                sequence INTEGER PRIMARY KEY,
                time TEXT NOT NULL,
                action TEXT NOT NULL,
                actors TEXT NOT NULL,
                data TEXT NOT NULL,
                previousSHA256 TEXT NOT NULL,
                signature BLOB NOT NULL,
                signerCertificate BLOB NOT NULL
            );
            """)
    }
}
