import CivicCore
import CivicFiles
import CXlsxWriter
import Foundation

/// `連署.xlsx` (spec §5) through libxlsxwriter in constant-memory mode: each row goes to a
/// scratch file as it is written, so memory stays flat for any roster size. The scratch files
/// live in the destination folder (spec §6: personal data never goes to a shared temporary
/// folder), and the workbook is written under a temporary name and renamed by `commit()`.
///
/// libxlsxwriter is its own small adapter, not part of CivicStore: the store wraps SQLite only,
/// and the spreadsheet needs nothing of the database beyond the rows packing hands it.
public final class XlsxRosterSpreadsheet: RosterSpreadsheetWriting {
    public let destination: URL
    private let output: StagedFile
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private let records: UnsafeMutablePointer<lxw_worksheet>
    private let statistics: UnsafeMutablePointer<lxw_worksheet>
    private let bold: UnsafeMutablePointer<lxw_format>?
    private let percent: UnsafeMutablePointer<lxw_format>?
    private var nextRow: lxw_row_t = 1
    /// The paths handed to libxlsxwriter, kept alive as long as the workbook (it may keep the
    /// pointers rather than copies).
    private let cPaths: [UnsafeMutablePointer<CChar>]

    /// Prepares `folder/連署.xlsx`; nothing appears under that name before `commit()`.
    public init(folder: URL) throws {
        destination = folder.appendingPathComponent(SubmissionPackage.spreadsheetName)
        output = try StagedFile(destination: destination)
        guard let path = strdup(output.writablePath), let scratch = strdup(folder.path) else {
            throw SpreadsheetWriteError(code: LXW_ERROR_MEMORY_MALLOC_FAILED)
        }
        cPaths = [path, scratch]
        var options = lxw_workbook_options(constant_memory: UInt8(LXW_TRUE.rawValue), tmpdir: scratch,
                                           use_zip64: UInt8(LXW_TRUE.rawValue))
        let created = workbook_new_opt(path, &options)
        guard let created,
              let records = SubmissionPackage.recordsSheetName.withCString({ workbook_add_worksheet(created, $0) }),
              let statistics = SpreadsheetStatistics.sheetName.withCString({ workbook_add_worksheet(created, $0) }) else {
            throw SpreadsheetWriteError(code: LXW_ERROR_MEMORY_MALLOC_FAILED)
        }
        workbook = created
        self.records = records
        self.statistics = statistics
        bold = workbook_add_format(created)
        format_set_bold(bold)
        percent = workbook_add_format(created)
        format_set_num_format(percent, "0.00%")
        try writeHeader(records, SpreadsheetRecordRow.headers, widths: [8, 20, 16, 12, 12, 40, 6, 20])
        worksheet_freeze_panes(records, 1, 0)
    }

    deinit {
        discard()
        cPaths.forEach { free($0) }
    }

    public func appendRecord(_ row: SpreadsheetRecordRow) throws {
        let sheet = records
        try check(worksheet_write_number(sheet, nextRow, 0, Double(row.index), nil))
        for (column, text) in [(1, row.signedAt), (2, row.id), (3, row.name), (4, row.birthDate), (5, row.address)] {
            try write(sheet, nextRow, lxw_col_t(column), text)
        }
        try check(worksheet_write_number(sheet, nextRow, 6, Double(row.batch), nil))
        try write(sheet, nextRow, 7, row.status)
        nextRow += 1
    }

    public func finish(statistics figures: SpreadsheetStatistics) throws {
        let sheet = statistics
        try writeHeader(sheet, ["狀態", "代碼", "筆數"], widths: [24, 24, 12])
        var row: lxw_row_t = 1
        for line in figures.statusCounts {
            try write(sheet, row, 0, line.label)
            try write(sheet, row, 1, line.status)
            try check(worksheet_write_number(sheet, row, 2, Double(line.count), nil))
            row += 1
        }
        row += 1
        for (label, value, format) in [("門檻（應達連署人數）", Double(figures.threshold), nil),
                                       ("有效連署人數", Double(figures.valid), nil),
                                       ("達成率", figures.progress, percent)] {
            try write(sheet, row, 0, label, format: bold)
            try check(worksheet_write_number(sheet, row, 2, value, format))
            row += 1
        }
        row += 1
        try write(sheet, row, 0, "縣市", format: bold)
        try write(sheet, row, 2, "有效連署人數", format: bold)
        row += 1
        for county in figures.counties {
            try write(sheet, row, 0, county.county)
            try check(worksheet_write_number(sheet, row, 2, Double(county.count), nil))
            row += 1
        }
        guard let workbook else { return }
        self.workbook = nil
        try check(workbook_close(workbook))
    }

    public func commit() throws {
        try output.commit()
    }

    public func discard() {
        if let workbook {
            lxw_workbook_free(workbook)
            self.workbook = nil
        }
        output.discard()
    }

    private func writeHeader(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ titles: [String], widths: [Double]) throws {
        for (column, title) in titles.enumerated() {
            try check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), widths[column], nil))
            try write(sheet, 0, lxw_col_t(column), title, format: bold)
        }
    }

    private func write(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ column: lxw_col_t, _ text: String,
                       format: UnsafeMutablePointer<lxw_format>? = nil) throws {
        guard !text.isEmpty else { return }
        try check(text.withCString { worksheet_write_string(sheet, row, column, $0, format) })
    }

    private func check(_ error: lxw_error) throws {
        guard error == LXW_NO_ERROR else { throw SpreadsheetWriteError(code: error) }
    }
}

/// libxlsxwriter failed; most often the destination could not be written.
public struct SpreadsheetWriteError: UserFacingError, Sendable, Equatable {
    public let code: UInt32
    public let reason: String

    init(code: lxw_error) {
        self.code = code.rawValue
        reason = lxw_strerror(code).map { String(cString: $0) } ?? "\(code.rawValue)"
    }

    public var message: UserMessage {
        UserMessage(zh: "無法寫入連署.xlsx（\(reason)）。請確認磁碟空間與資料夾權限；原有的檔案未被改動。",
                    en: "連署.xlsx could not be written (\(reason)). Check the free disk space and the folder's permissions; existing files were left as they were.")
    }
}
