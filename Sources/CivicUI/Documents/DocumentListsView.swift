import CGtk
import CivicCore

/// The 公文製作 area's first page, as seed 003's dashboard: 新增公文 and 匯入 DI on top, then the
/// lists 主辦公文, 會辦公文 and 待核公文, each a table of 公文文號, 主旨, 收創時間, 來文機關,
/// 限辦日期 and 狀態, an overdue letter's 狀態 marked 逾期. A row opens with Enter or a double click.
@MainActor
final class DocumentListsView {
    let root = Box(vertical: true, spacing: 12)
    var onNew: (@MainActor () -> Void)?
    var onImport: (@MainActor () -> Void)?
    var onOpen: (@MainActor (String) -> Void)?
    private var rows: [DocumentBox: [DocumentListRow]] = [:]
    private var tables: [DocumentBox: ColumnView] = [:]
    private var counts: [DocumentBox: Label] = [:]
    private let status = Label(wrap: true).xalign(0).style("dim-label")
    private let newButton = Button(tr("新增公文"), iconName: "document-new-symbolic").style("suggested-action")
    private let importButton = Button(tr("匯入 DI"), iconName: "document-open-symbolic")

    init() {
        root.margins(top: 18, bottom: 18, start: 24, end: 24)
        let newButton = newButton
        newButton.onClick { [weak self] in self?.onNew?() }
        importButton.onClick { [weak self] in self?.onImport?() }
        let top = Box(vertical: false, spacing: 12)
        top.append(Label(tr("公文")).xalign(0).style("title-2").expand(horizontally: true)).append(importButton).append(newButton)
        root.append(top).append(status)
        root.onKey("<Control>n") { newButton.activate() }
        allowDrafting(nil)
        for box in DocumentBox.allCases {
            let title = tr(box.title)
            let count = Label().xalign(0).style("dim-label")
            let heading = Box(vertical: false, spacing: 12)
            heading.append(Label(title).xalign(0).style("heading")).append(count)
            let columns = DocumentListRow.columns.enumerated().map { index, name in
                ColumnView.Column(title: tr(name), expands: index == 1) { [weak self] row in
                    self?.text(box, row, column: index) ?? ""
                }
            }
            let table = ColumnView(columns: columns)
            table.accessibleName(title)
            table.onActivate { [weak self] index in
                guard let self, let row = self.rows[box]?[safe: index] else { return }
                self.onOpen?(row.id)
            }
            let open = Button(tr("開啟"))
            open.accessibleName(String(format: tr("開啟%@中選取的公文"), title))
            open.onClick { [weak self] in
                guard let self, let index = table.selectedIndex, let row = self.rows[box]?[safe: index] else { return }
                self.onOpen?(row.id)
            }
            heading.append(Box(vertical: false).expand(horizontally: true)).append(open)
            let frame = ScrolledWindow(table, horizontalScroll: true).style("card").size(height: 150).expand(vertically: true)
            root.append(heading).append(frame)
            tables[box] = table
            counts[box] = count
        }
        status.text = tr("正在開啟工作區…")
    }

    /// Enables 新增公文 and 匯入 DI, or disables them saying why (`documents.draft` missing).
    func allowDrafting(_ refusal: UserMessage?) {
        let reason = refusal.map(tr)
        newButton.isSensitive = refusal == nil
        newButton.tooltip = reason ?? tr("從範本撰寫新的函稿（Ctrl+N）")
        newButton.accessibleDescription(reason ?? "")
        importButton.isSensitive = refusal == nil
        importButton.tooltip = reason ?? tr("匯入其他公文系統的交換檔（.di）")
        importButton.accessibleDescription(reason ?? "")
    }

    func show(_ lists: [DocumentBox: [DocumentListRow]]) {
        rows = lists
        status.text = tr("按兩下或按 Enter 開啟公文；逾期的公文在狀態欄標示「逾期」。")
        for box in DocumentBox.allCases {
            let list = lists[box] ?? []
            counts[box]?.text = String(format: tr("%d 件"), list.count)
            tables[box]?.rowCount = list.count
            tables[box]?.reloadRows(0..<list.count)
        }
    }

    func showFailure(_ message: UserMessage) {
        status.text = tr(message)
    }

    private func text(_ box: DocumentBox, _ index: Int, column: Int) -> String {
        guard let row = rows[box]?[safe: index] else { return "" }
        switch column {
        case 0: return row.number
        case 1: return row.subject
        case 2: return row.createdAt
        case 3: return row.fromAgency
        case 4: return row.deadline
        default: return row.isOverdue ? String(format: tr("%@（逾期）"), tr(row.state)) : tr(row.state)
        }
    }
}

extension Array {
    /// The element at `index`, nil past the ends (a row or choice index from GTK).
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
