import GRDB

/// The roster's tables. Records keep their original line in a table of its own, so queries
/// over the (small) record rows never wade through kilobytes of base64.
enum RosterSchema {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE roster_case (
                id INTEGER PRIMARY KEY,
                caseId TEXT NOT NULL UNIQUE,
                caseTitle TEXT NOT NULL,
                stage TEXT NOT NULL,
                electorate INTEGER NOT NULL,
                leadName TEXT NOT NULL,
                purgedAt TEXT
            );
            CREATE TABLE roster_batch (
                id INTEGER PRIMARY KEY,
                caseRowId INTEGER NOT NULL REFERENCES roster_case(id),
                number INTEGER NOT NULL,
                fileName TEXT NOT NULL,
                fileSHA256 TEXT NOT NULL UNIQUE,
                records INTEGER NOT NULL,
                downloadedAt TEXT NOT NULL,
                signedFrom TEXT NOT NULL,
                signedTo TEXT NOT NULL,
                importedAt TEXT NOT NULL,
                UNIQUE (caseRowId, number)
            );
            -- One row per record. checkStatus is the first rule of spec §3 the record breaks
            -- (never duplicate); status adds the case-wide duplicate rule. sortKey is the
            -- signing instant in microseconds (RosterOrder), the maximum when unreadable.
            CREATE TABLE roster_record (
                id INTEGER PRIMARY KEY,
                caseRowId INTEGER NOT NULL,
                batchNumber INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                checkStatus TEXT NOT NULL,
                status TEXT NOT NULL,
                sortKey INTEGER NOT NULL,
                signedAt TEXT,
                signedDate TEXT,
                personalId TEXT,
                name TEXT,
                birthDate TEXT,
                address TEXT,
                county TEXT,
                lineIsObject INTEGER NOT NULL
            );
            CREATE TABLE roster_record_line (
                recordId INTEGER PRIMARY KEY,
                line BLOB NOT NULL
            );
            CREATE INDEX roster_record_order ON roster_record (caseRowId, sortKey, batchNumber, seq, status);
            CREATE INDEX roster_record_status ON roster_record (caseRowId, status, sortKey, batchNumber, seq);
            CREATE INDEX roster_record_batch ON roster_record (caseRowId, batchNumber, seq);
            CREATE INDEX roster_record_person ON roster_record (caseRowId, personalId, checkStatus);
            CREATE INDEX roster_record_date ON roster_record (caseRowId, signedDate);
            -- Statistics, kept when the records are purged.
            CREATE TABLE roster_case_count (
                caseRowId INTEGER NOT NULL,
                status TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (caseRowId, status)
            ) WITHOUT ROWID;
            CREATE TABLE roster_case_county (
                caseRowId INTEGER NOT NULL,
                county TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (caseRowId, county)
            ) WITHOUT ROWID;
            """)
    }
}
