import CGtk
import CivicCore
import CivicServices

/// 查詢名冊: the petition system's record query over the workspace — 連署日期 from and to, the
/// first 6 characters of the ID, 狀態 and 批次 (`RecordQueryForm`), IDs masked unless asked —
/// and the matching records in a `ColumnView` whose rows are fetched a page at a time in the
/// background (`RecordPageCache`), so 300,000 records cost a screenful of widgets.
@MainActor
final class RecordsPage {
    let root = Box(vertical: true)
    var onClose: (@MainActor () -> Void)?

    private let caseId: String
    private let service: RosterService
    private var form: RecordQueryForm
    private var cache = RecordPageCache<SpreadsheetRecordRow>()
    /// The query whose rows the list shows; pages fetched for it carry the cache's generation.
    private var query: (filter: RecordFilter, fullIDs: Bool)?
    private var fetchScheduled = false
    private let signedFrom = EntryRow(title: tr("連署日期（起）"))
    private let signedTo = EntryRow(title: tr("連署日期（迄）"))
    private let idPrefix = EntryRow(title: tr("身分證統一編號前 6 碼"))
    private let status = ComboRow(title: tr("狀態"), choices: RecordQueryForm.statusChoices.map(tr))
    private let batch: ComboRow
    private let fullIDs = Switch()
    private let problems = Notice(style: "error", icon: "dialog-error-symbolic")
    private let count = Label().xalign(0).style("heading")
    private let table: ColumnView

    init(card: RosterCaseCard, service: RosterService) {
        caseId = card.caseId
        self.service = service
        form = RecordQueryForm(batches: card.batchNumbers)
        batch = ComboRow(title: tr("批次"), choices: form.batchChoices.map(tr))
        table = ColumnView(columns: [])
        table.append(columns: Self.columns { [weak self] index in self?.row(at: index) })
        build(card)
        runQuery()
    }

    private func build(_ card: RosterCaseCard) {
        let close = Button(tr("返回案件列表"), iconName: "go-previous-symbolic", action: { [weak self] in self?.onClose?() })
        let heading = Box(vertical: false, spacing: 12).margins(top: 18, bottom: 12, start: 24, end: 24)
        let titles = Box(vertical: true, spacing: 4).expand(horizontally: true)
        titles.append(Label(tr("查詢名冊")).xalign(0).style("title-2")).append(Label(tr(card.heading)).xalign(0).style("dim-label"))
        heading.append(titles).append(close.align(vertical: GTK_ALIGN_CENTER))

        let dates = PreferencesGroup()
        dates.add(signedFrom).add(signedTo).add(idPrefix)
        let choices = PreferencesGroup()
        let idsRow = ActionRow(title: tr("顯示完整身分證統一編號"), subtitle: tr("預設只顯示前 6 碼"))
        fullIDs.align(vertical: GTK_ALIGN_CENTER)
        idsRow.addSuffix(fullIDs)
        idsRow.setActivatable(fullIDs)
        fullIDs.onToggled { [weak self] in self?.runQuery() }
        choices.add(status).add(batch).add(idsRow)
        let fields = Box(vertical: false, spacing: 18)
        fields.append(dates.expand(horizontally: true)).append(choices.expand(horizontally: true))
        for row in [signedFrom, signedTo, idPrefix] {
            row.onActivate { [weak self] in self?.runQuery() }
        }
        idPrefix.accessibleDescription(tr("例如 A12345；可只輸入前幾碼"))
        signedFrom.accessibleDescription(tr("民國 113/03/01 或 2024-03-01"))
        signedTo.accessibleDescription(tr("民國 113/03/01 或 2024-03-01"))

        let search = Button(tr("查詢"), iconName: "system-search-symbolic", action: { [weak self] in self?.runQuery() })
            .style("suggested-action")
        let reset = Button(tr("重填"), action: { [weak self] in self?.resetForm() })
        let actions = Box(vertical: false, spacing: 12)
        actions.append(count.expand(horizontally: true)).append(reset).append(search)

        let form = Box(vertical: true, spacing: 12).margins(top: 12, bottom: 12, start: 24, end: 24)
        form.append(fields).append(problems.root).append(actions)
        table.accessibleName(tr("連署紀錄"))
        root.append(heading)
            .append(Separator(vertical: false))
            .append(form)
            .append(ScrolledWindow(table, horizontalScroll: true).expand(horizontally: true, vertically: true))
        root.accessibleName(tr("查詢名冊"))
        root.onKey("Escape") { [weak self] in
            self?.onClose?()
            return true
        }
    }

    // MARK: The query

    private func readForm() {
        form.signedFrom = signedFrom.text
        form.signedTo = signedTo.text
        form.idPrefix = idPrefix.text
        form.statusIndex = status.selectedIndex
        form.batchIndex = batch.selectedIndex
    }

    private func resetForm() {
        form.reset()
        signedFrom.text = ""
        signedTo.text = ""
        idPrefix.text = ""
        status.selectedIndex = 0
        batch.selectedIndex = 0
        runQuery()
    }

    /// Checks the form; when it holds, counts the matches in the background and shows them.
    private func runQuery() {
        readForm()
        let wrong = form.problems
        signedFrom.setError(wrong[.signedFrom] != nil)
        signedTo.setError(wrong[.signedTo] != nil)
        idPrefix.setError(wrong[.idPrefix] != nil)
        problems.show(wrong.isEmpty ? nil : RecordQueryForm.Field.allCases.compactMap { wrong[$0].map(tr) }.joined(separator: "\n"))
        guard let filter = form.filter else { return }
        let (service, caseId, full) = (service, caseId, fullIDs.isActive)
        cache.reset()
        query = (filter, full)
        let generation = cache.generation
        count.text = tr("查詢中…")
        MainThread.background({
            Result { try service.store.recordCount(caseId: caseId, filter: filter) }
        }, then: { [weak self] result in
            guard let self, self.cache.generation == generation else { return }
            switch result {
            case .success(let total):
                self.count.text = tr(RecordQueryForm.count(total))
                self.table.rowCount = total
            case .failure(let error):
                self.count.text = tr(RosterService.message(for: error))
                self.table.rowCount = 0
            }
        })
    }

    /// Row `index` if its page is here; otherwise its page is fetched and the row redrawn then.
    private func row(at index: Int) -> SpreadsheetRecordRow? {
        let row = cache.row(at: index)
        if row == nil && !fetchScheduled {
            // Once for all the cells bound in this pass, after they have said which pages they want.
            fetchScheduled = true
            MainThread.async { [weak self] in self?.fetchWanted() }
        }
        return row
    }

    private func fetchWanted() {
        fetchScheduled = false
        guard let query else { return }
        let (service, caseId) = (service, caseId)
        for request in cache.nextRequests() {
            MainThread.background({
                Result {
                    try service.store.records(caseId: caseId, filter: query.filter, offset: request.offset, limit: request.limit,
                                              fullIDs: query.fullIDs)
                        .enumerated().map { SpreadsheetRecordRow(index: request.offset + $0.offset + 1, record: $0.element, fullIDs: true) }
                }
            }, then: { [weak self] result in
                guard let self else { return }
                switch result {
                case .success(let rows): self.table.reloadRows(self.cache.received(request, rows: rows))
                case .failure: self.cache.failed(request)
                }
                self.fetchWanted()
            })
        }
    }

    /// The spreadsheet's columns; a row not fetched yet shows `…`.
    private static func columns(_ row: @escaping @MainActor (Int) -> SpreadsheetRecordRow?) -> [ColumnView.Column] {
        let fields: [(String, Bool, (SpreadsheetRecordRow) -> String)] = [
            (tr("項次"), false, { String($0.index) }),
            (tr("連署時間"), false, { $0.signedAt }),
            (tr("身分證統一編號"), false, { $0.id }),
            (tr("姓名"), false, { $0.name }),
            (tr("出生年月日"), false, { $0.birthDate }),
            (tr("戶籍地址"), true, { $0.address }),
            (tr("批次"), false, { String($0.batch) }),
            (tr("狀態"), false, { tr($0.status) }),
        ]
        return fields.map { title, expands, text in
            ColumnView.Column(title: title, expands: expands) { index in row(index).map(text) ?? "…" }
        }
    }
}
