import CivicCore
import GRDB

extension StoredBatch {
    /// Batches with their case ID; `sql` continues the query after `FROM roster_batch b JOIN roster_case c`.
    static func fetch(_ db: Database, sql: String, arguments: StatementArguments) throws -> [StoredBatch] {
        try Row.fetchAll(db, sql: """
            SELECT c.caseId, b.number, b.fileName, b.fileSHA256, b.records, b.downloadedAt, b.signedFrom, b.signedTo, b.importedAt
            FROM roster_batch b JOIN roster_case c ON c.id = b.caseRowId
            """ + " " + sql, arguments: arguments).compactMap { row in
            guard let downloadedAt = Timestamp(rfc3339: row["downloadedAt"] as String),
                  let signedFrom = CivilDate(iso: row["signedFrom"] as String),
                  let signedTo = CivilDate(iso: row["signedTo"] as String),
                  let importedAt = Timestamp(rfc3339: row["importedAt"] as String) else { return nil }
            return StoredBatch(caseId: row["caseId"], number: row["number"],
                               file: BatchFile(name: row["fileName"], sha256: row["fileSHA256"]), records: row["records"],
                               downloadedAt: downloadedAt, signedFrom: signedFrom, signedTo: signedTo, importedAt: importedAt)
        }
    }
}
