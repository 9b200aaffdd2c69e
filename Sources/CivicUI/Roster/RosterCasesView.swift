import CGtk
import CivicCore

/// The 連署名冊 area's first page: 匯入名冊檔 on top, then each case as a group — title and stage,
/// valid signers against the threshold with a bar, the count of every status, the batches — with
/// its 打包送件檔, 查詢名冊 and 清除個資 buttons; a purged case shows what was kept, marked 已清除.
/// With no case yet, a status page points to the import. The buttons are enabled as the
/// signed-in clerk's permissions allow (`OperatorSession`).
@MainActor
final class RosterCasesView {
    let root = Box(vertical: true)
    var onImport: (@MainActor () -> Void)?
    var onPack: (@MainActor (String) -> Void)?
    var onQuery: (@MainActor (RosterCaseCard) -> Void)?
    var onPurge: (@MainActor (RosterCaseCard) -> Void)?
    private var content: Widget?
    private var shown: [RosterCaseCard]?
    private var allows: (PermissionKey) -> Bool = { _ in false }

    init() {
        root.expand(horizontally: true, vertically: true)
        show(page: StatusPage(iconName: "x-office-address-book-symbolic", title: tr("正在開啟工作區…"),
                              child: Spinner().size(width: 32, height: 32).align(horizontal: GTK_ALIGN_CENTER)))
    }

    /// What the signed-in clerk (or, without an office, anybody) may do; the page is built again.
    func allow(_ allows: @escaping (PermissionKey) -> Bool) {
        self.allows = allows
        guard let cards = shown else { return }
        shown = nil
        show(cards)
    }

    func show(_ cards: [RosterCaseCard]) {
        guard cards != shown else { return }
        shown = cards
        show(page: cards.isEmpty ? emptyPage() : list(cards))
    }

    /// The workspace could not be opened: what happened and what to do.
    func showFailure(_ message: UserMessage) {
        shown = nil
        show(page: StatusPage(iconName: "dialog-error-symbolic", title: tr("無法開啟工作區"), description: Markup.escape(tr(message))))
    }

    private func show(page: Widget) {
        if let content { root.remove(content) }
        root.append(page.expand(horizontally: true, vertically: true))
        content = page
    }

    private func emptyPage() -> Widget {
        StatusPage(iconName: "x-office-address-book-symbolic", title: tr("尚無連署案件"),
                   description: tr("在公投連署系統的「連署人名冊下載」下載名冊檔（.cec）後，按「匯入名冊檔」，插入領銜人的自然人憑證並輸入 PIN 碼，即可解密、檢查並存入工作區。"),
                   child: importButton().style("pill").align(horizontal: GTK_ALIGN_CENTER))
    }

    private func importButton() -> Button {
        let button = Button(tr("匯入名冊檔"), iconName: "document-open-symbolic").style("suggested-action")
        button.onClick { [weak self] in self?.onImport?() }
        button.tooltip = tr("解密並檢查從公投連署系統下載的連署人名冊檔")
        button.isSensitive = allows(.rosterImport)
        return button
    }

    private func list(_ cards: [RosterCaseCard]) -> Widget {
        let column = Box(vertical: true, spacing: 24).margins(top: 24, bottom: 36, start: 12, end: 12)
        let top = Box(vertical: false, spacing: 12)
        top.append(Label(tr("連署案件")).xalign(0).style("title-2").expand(horizontally: true))
            .append(importButton())
        column.append(top)
        for card in cards { column.append(caseGroup(card)) }
        return ScrolledWindow(Clamp(column, maximumWidth: 860))
    }

    private func caseGroup(_ card: RosterCaseCard) -> Widget {
        let box = Box(vertical: true, spacing: 12)
        let titles = Box(vertical: true, spacing: 4).expand(horizontally: true)
        titles.append(Label(card.title, wrap: true, selectable: true).xalign(0).style("title-3"))
        let subtitle = card.isPurged ? tr(card.heading) + "・" + tr("已清除") : tr(card.heading)
        titles.append(Label(subtitle).xalign(0).style("dim-label"))
        let header = Box(vertical: false, spacing: 12)
        header.append(titles).append(caseButtons(card).align(vertical: GTK_ALIGN_CENTER))
        box.append(header)
        if let note = card.purgedNote {
            box.append(Notice(style: "warning", icon: "user-trash-symbolic", text: tr(note)).root)
        }
        let rows = PreferencesGroup()
        rows.add(CaseProgressRow.make(card.progress))
        let counts = ExpanderRow(title: tr("各狀態筆數"), subtitle: tr(RecordQueryForm.count(card.total)))
        for line in card.counts { counts.addRow(CountRow.make(title: tr(line.status.label), count: line.count)) }
        rows.add(counts)
        if !card.counties.isEmpty {
            let counties = ExpanderRow(title: tr("各縣市有效連署人數"), subtitle: String(format: tr("%d 個縣市"), card.counties.count))
            for county in card.counties { counties.addRow(CountRow.make(title: county.county, count: county.count)) }
            rows.add(counties)
        }
        let batches = ExpanderRow(title: tr("批次"), subtitle: String(format: tr("%d 批"), card.batches.count))
        for batch in card.batches { batches.addRow(ActionRow(title: tr(batch.title), subtitle: tr(batch.details))) }
        rows.add(batches)
        box.append(rows)
        return box
    }

    private func caseButtons(_ card: RosterCaseCard) -> Widget {
        let buttons = Box(vertical: false, spacing: 6)
        let pack = Button(tr("打包送件檔"), iconName: "package-x-generic-symbolic")
        pack.onClick { [weak self] in self?.onPack?(card.caseId) }
        pack.isSensitive = card.canPack && allows(.rosterPack)
        pack.tooltip = tr("簽章並打包送件用的 zip 檔與供領銜人查看的試算表")
        let query = Button(tr("查詢名冊"), iconName: "system-search-symbolic")
        query.onClick { [weak self] in self?.onQuery?(card) }
        query.isSensitive = card.canQuery && allows(.rosterQuery)
        let purge = Button(tr("清除個資"), iconName: "user-trash-symbolic").style("destructive-action")
        purge.onClick { [weak self] in self?.onPurge?(card) }
        purge.isSensitive = !card.isPurged && allows(.rosterPurge)
        buttons.append(pack).append(query).append(purge)
        return buttons
    }
}
