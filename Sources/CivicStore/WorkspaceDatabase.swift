import CivicCore
import CivicFiles
import Foundation
import GRDB

/// The workspace: one SQLite database (WAL) in a folder only its owner can enter, holding what
/// the features keep between sessions. Decrypted personal data lives here and nowhere else on
/// the computer (spec §6), so the folder is 0700, the files 0600, and SQLite keeps its scratch
/// data in memory rather than in a shared temporary folder.
public final class WorkspaceDatabase: Sendable {
    public static let fileName = "workspace.sqlite"

    public let folder: URL
    let pool: DatabasePool
    /// The record lines of imported batches, beside the database.
    let recordLines: RecordLineFiles

    /// `$XDG_DATA_HOME/civicdesk`, else `~/.local/share/civicdesk`.
    public static var defaultFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return URL(fileURLWithPath: dataHome).appendingPathComponent("civicdesk")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/civicdesk")
    }

    /// Opens (creating when needed) the workspace in `folder`.
    public init(folder: URL = WorkspaceDatabase.defaultFolder) throws {
        self.folder = folder
        try PrivateFolder.create(folder, restrictExisting: true)
        let path = folder.appendingPathComponent(Self.fileName).path
        // Create the file 0600 before SQLite does: its journal and WAL files copy its mode. An
        // existing file is never opened here: closing a descriptor of a database this process
        // already has open (another area's connection) would drop all of the process's POSIX
        // locks on it, and another process closing last would then remove the WAL still in use
        // here, taking every later write with it.
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw FileWriteError(path: path, code: errno)
        }
        guard chmod(path, 0o600) == 0 else { throw FileWriteError(path: path, code: errno) }
        recordLines = try RecordLineFiles(workspace: folder)
        var configuration = Configuration()
        // Another process writing (two people dispatching at once) is waited for, not an error.
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // Pages of 16 KB (for a new file): a full petition's 300,000 record rows and their five
            // indexes go in some 15 % faster than with SQLite's 4 KB pages (measured).
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // 32 MB of page cache (SQLite's default is 2 MB): the record indexes of a full petition
            // then stay in memory while a batch is inserted, instead of being read back page by
            // page: some 14 % less CPU time for a full import, well inside its memory budget.
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // Deleted content is overwritten, so a purge leaves no personal data in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Self.migrator(recordLines: recordLines)
            // A workspace a newer CivicDesk has changed may hold what this one cannot keep right.
            if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
                throw WorkspaceTooNewError(folder: folder.path)
            }
            try migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw WorkspaceError(error)
        }
    }

    static func migrator(recordLines: RecordLineFiles) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("roster v1", migrate: RosterSchema.create)
        migrator.registerMigration("roster v2: record lines in files") { db in
            try RosterSchema.moveLinesToFiles(db, recordLines: recordLines)
        }
        migrator.registerMigration("roster v3: one index in roster order", migrate: RosterSchema.coverFiltersWithOrder)
        migrator.registerMigration("registry v1", migrate: RegistrySchema.create)
        migrator.registerMigration("documents v1", migrate: DocumentSchema.create)
        return migrator
    }
}

/// The workspace was last written by a newer CivicDesk (its database has changes this version
/// does not know): it is left untouched rather than half understood.
public struct WorkspaceTooNewError: UserFacingError, Sendable {
    public let folder: String

    public var message: UserMessage {
        UserMessage(zh: "工作區「\(folder)」是由較新版本的 CivicDesk 寫入的，這個版本無法安全地使用它；工作區未做任何變更。請更新 CivicDesk 後再開啟。",
                    en: "The workspace “\(folder)” was written by a newer CivicDesk, which this version cannot use safely; nothing was changed. Update CivicDesk and open it again.")
    }
}

/// The workspace database failed: a full disk is told apart, anything else says where the
/// workspace is so the user can check it.
public struct WorkspaceError: UserFacingError, Sendable {
    public let description: String
    public let isDiskFull: Bool

    init(_ error: DatabaseError) {
        description = error.description
        isDiskFull = error.resultCode == .SQLITE_FULL
    }

    public var message: UserMessage {
        if isDiskFull {
            return UserMessage(zh: "磁碟空間不足，工作區資料庫無法寫入；這次的變更未保存。請清出空間後再試。",
                               en: "The disk is full and the workspace database could not be written; this change was not saved. Free some space and try again.")
        }
        return UserMessage(zh: "工作區資料庫發生錯誤（\(description)）；這次的變更未保存。",
                           en: "The workspace database failed (\(description)); this change was not saved.")
    }
}
