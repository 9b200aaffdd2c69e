import GRDB
import GRDBSQLite

/// A GRDB-prepared statement run through SQLite's C interface: bind, step, reset. For the few
/// statements that run hundreds of thousands of times in one transaction, where building GRDB
/// argument arrays per row would cost more than SQLite itself.
struct BoundStatement {
    private let statement: Statement
    private let db: Database

    init(_ statement: Statement, db: Database) {
        self.statement = statement
        self.db = db
    }

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private var handle: SQLiteStatement { statement.sqliteStatement }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(bytes.count), Self.transient)
        }
    }

    /// Runs the statement once and makes it ready for the next bindings.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
