import Foundation
import GRDB

/// The roster's tables. Records keep their original line in a file per batch
/// (`RecordLineFiles`), so queries over the (small) record rows never wade through kilobytes of
/// base64, and a full petition's lines are written once.
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

    /// v2: the lines leave the database for one file per batch; each record row says where its
    /// line lies. Purged cases have no lines left to move.
    static func moveLinesToFiles(_ db: Database, recordLines: RecordLineFiles) throws {
        try db.execute(sql: """
            ALTER TABLE roster_record ADD COLUMN lineOffset INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE roster_record ADD COLUMN lineLength INTEGER NOT NULL DEFAULT 0;
            """)
        let place = try db.makeStatement(sql: "UPDATE roster_record SET lineOffset = ?, lineLength = ? WHERE id = ?")
        for batch in try Row.fetchAll(db, sql: """
            SELECT b.caseRowId, b.number, b.fileSHA256 FROM roster_batch b JOIN roster_case c ON c.id = b.caseRowId
            WHERE c.purgedAt IS NULL
            """) {
            let writer = try recordLines.writer(batchSHA256: batch["fileSHA256"])
            for row in try Row.fetchAll(db, sql: """
                SELECT r.id, l.line FROM roster_record r JOIN roster_record_line l ON l.recordId = r.id
                WHERE r.caseRowId = ? AND r.batchNumber = ? ORDER BY r.seq
                """, arguments: [batch["caseRowId"], batch["number"]]) {
                let line = try writer.append([UInt8](row["line"] as Data))
                try place.execute(arguments: [line.offset, line.length, row["id"]])
            }
            try writer.commit()
        }
        try db.execute(sql: "DROP TABLE roster_record_line")
    }

    /// v3: the status and date filters read the index in roster order, which now carries both
    /// columns, instead of an index each: every record paid for two more index entries (about a
    /// tenth of the import's time on its storing thread), while a filtered page of a full
    /// petition reads the one index in some 30 ms.
    static func coverFiltersWithOrder(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX roster_record_status;
            DROP INDEX roster_record_date;
            DROP INDEX roster_record_order;
            CREATE INDEX roster_record_order ON roster_record (caseRowId, sortKey, batchNumber, seq, status, signedDate);
            """)
    }
}
