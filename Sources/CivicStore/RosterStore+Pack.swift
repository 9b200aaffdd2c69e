import CivicCore
import Foundation
import GRDB

extension RosterStore: RosterPackSource {
    /// Chunks of this many records go to the packer at a time.
    static let packChunk = 512

    public func readForPacking(caseId: String, begin: (RosterCase) throws -> Void,
                               records: ([PackRecord]) throws -> Void) throws {
        try reading { db in
            guard let rosterCase = try rosterCase(db, caseId: caseId), let caseRowId = try caseRowId(db, caseId: caseId) else {
                throw RosterCaseError.unknown(caseId: caseId)
            }
            guard !rosterCase.isPurged else { throw RosterCaseError.purged(caseId: caseId) }
            try begin(rosterCase)
            let lines = database.recordLines.reader(for: rosterCase.batches)
            for statusCondition in ["r.status = 'valid'", "r.status <> 'valid'"] {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT r.batchNumber, r.seq, r.status, r.signedAt, r.personalId, r.name, r.birthDate, r.address,
                           r.lineIsObject, r.lineOffset, r.lineLength
                    FROM roster_record r
                    WHERE r.caseRowId = ? AND \(statusCondition)
                    ORDER BY r.sortKey, r.batchNumber, r.seq
                    """, arguments: [caseRowId])
                var chunk: [PackRecord] = []
                chunk.reserveCapacity(Self.packChunk)
                while let row = try rows.next() {
                    let line = try lines.line(batch: row["batchNumber"],
                                              at: RecordLinePlace(offset: row["lineOffset"], length: row["lineLength"]))
                    chunk.append(PackRecord(row: Self.recordRow(row, fullIDs: true), line: line, lineIsObject: row["lineIsObject"]))
                    if chunk.count == Self.packChunk {
                        try records(chunk)
                        chunk.removeAll(keepingCapacity: true)
                    }
                }
                if !chunk.isEmpty { try records(chunk) }
            }
        }
    }
}
