import CivicCore
@testable import CivicStore
import Foundation
import GRDB
import Testing

/// A workspace made by an earlier CivicDesk opens in this one with nothing lost.
@Suite("工作區升級")
struct WorkspaceUpgradeTests {
    @Test func recordLinesKeptInTheDatabaseMoveToFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-upgrade-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The first schema, which kept each record's line in roster_record_line.
        let lines = ["{\"type\":\"record\",\"seq\":1,\"sig\":\"第一\"}", "{\"type\":\"record\",\"seq\":2,\"sig\":\"第二\"}"]
        do {
            let queue = try DatabaseQueue(path: folder.appendingPathComponent(WorkspaceDatabase.fileName).path)
            try WorkspaceDatabase.migrator(recordLines: RecordLineFiles(workspace: folder)).migrate(queue, upTo: "roster v1")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO roster_case (id, caseId, caseTitle, stage, electorate, leadName) VALUES (1, '113002', '測試', '連署', 19548531, '王OO');
                    INSERT INTO roster_case (id, caseId, caseTitle, stage, electorate, leadName, purgedAt)
                        VALUES (2, '113005', '已刪', '提案', 19548531, '李OO', '2024-04-01T00:00:00+08:00');
                    INSERT INTO roster_batch (caseRowId, number, fileName, fileSHA256, records, downloadedAt, signedFrom, signedTo, importedAt)
                        VALUES (1, 1, 'b1.cec', 'aa', 2, '2024-03-06T10:00:00+08:00', '2024-03-01', '2024-03-05', '2024-03-07T08:00:00+08:00'),
                               (2, 1, 'b2.cec', 'bb', 0, '2024-03-06T10:00:00+08:00', '2024-03-01', '2024-03-05', '2024-03-07T08:00:00+08:00');
                    """)
                for (index, line) in lines.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO roster_record (caseRowId, batchNumber, seq, checkStatus, status, sortKey, lineIsObject)
                        VALUES (1, 1, ?, 'valid', 'valid', ?, 1)
                        """, arguments: [index + 1, index])
                    try db.execute(sql: "INSERT INTO roster_record_line (recordId, line) VALUES (?, ?)",
                                   arguments: [db.lastInsertedRowID, Data(line.utf8)])
                }
            }
        }
        let store = RosterStore(database: try WorkspaceDatabase(folder: folder))
        var packed: [String] = []
        try store.readForPacking(caseId: "113002", begin: { _ in }) { chunk in
            packed += chunk.map { String(decoding: $0.line, as: UTF8.self) }
        }
        #expect(packed == lines)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("lines").path) == ["aa.jsonl"])
        #expect(try store.pool.read { db in try db.tableExists("roster_record_line") } == false)
    }
}
