import CGtk
import CivicCore

/// The editor of a headed paragraph (說明, 辦法): the items with their markers (一、 （一） 1. …)
/// indented by level, the selected item's text, and 新增, 新增子項, 縮排, 取消縮排, 上移, 下移, 刪除
/// — each named after the paragraph (`說明：上移`, as the wizard shows two editors), with a
/// keyboard shortcut, and greyed out where `ParagraphEditor` says it does not apply. Numbers
/// follow positions, so the list is shown anew after every edit.
@MainActor
final class ParagraphEditorView {
    let root = Box(vertical: true, spacing: 12)
    /// The paragraph changed (an edit, or text typed into an item).
    var onChange: (@MainActor (LetterParagraph) -> Void)?
    private(set) var editor: ParagraphEditor
    private let list = ListBox()
    private let itemText: EntryRow
    private var rowLabels: [Label] = []
    private var rowWidgets: [Widget] = []
    private var buttons: [(ItemEdit, Button)] = []
    private let problems = Label(wrap: true).xalign(0).style("error")
    /// Set while the view itself changes the list or the entry, so their signals are not edits.
    private var updating = false

    /// The buttons: label, icon, shortcut (GTK's syntax and as the tooltip says it).
    private static let edits: [(ItemEdit, String, String, String, String)] = [
        (.add, "新增", "list-add-symbolic", "<Control>Return", "Ctrl+Enter"),
        (.addChild, "新增子項", "format-indent-more-symbolic", "<Control><Shift>Return", "Ctrl+Shift+Enter"),
        (.indent, "縮排", "format-indent-more-symbolic", "<Control>bracketright", "Ctrl+]"),
        (.outdent, "取消縮排", "format-indent-less-symbolic", "<Control>bracketleft", "Ctrl+["),
        (.moveUp, "上移", "go-up-symbolic", "<Alt>Up", "Alt+↑"),
        (.moveDown, "下移", "go-down-symbolic", "<Alt>Down", "Alt+↓"),
        (.delete, "刪除", "user-trash-symbolic", "<Control>Delete", "Ctrl+Delete"),
    ]

    /// `heading` is the paragraph's heading in the user's language (`tr("辦法")`).
    init(_ paragraph: LetterParagraph, heading: String) {
        editor = ParagraphEditor(paragraph, selection: paragraph.items.isEmpty ? nil : ItemPath([0]))
        itemText = EntryRow(title: String(format: tr("%@：所選項目內容"), heading))
        list.accessibleName(String(format: tr("%@的項目"), heading))
        list.style("boxed-list")
        list.onSelectionChanged { [weak self] index in self?.selected(index) }
        let toolbar = Box(vertical: true, spacing: 6)
        let adding = Box(vertical: false, spacing: 6)
        let arranging = Box(vertical: false, spacing: 6)
        toolbar.append(adding).append(arranging)
        for (edit, label, icon, trigger, keys) in Self.edits {
            let button = Button(tr(label), iconName: icon, accessibleName: String(format: tr("%@：%@"), heading, tr(label)))
            button.tooltip = String(format: tr("%@（%@）"), tr(label), keys)
            button.onClick { [weak self] in self?.apply(edit) }
            root.onKey(trigger) { [weak self] in
                guard let self, self.editor.canApply(edit) else { return false }
                self.apply(edit)
                return true
            }
            (edit == .add || edit == .addChild || edit == .delete ? adding : arranging).append(button)
            buttons.append((edit, button))
        }
        itemText.onChanged { [weak self] in self?.typed() }
        let textGroup = PreferencesGroup()
        textGroup.add(itemText)
        root.append(Label(heading).xalign(0).style("heading"))
            .append(Label(tr("選擇一個項目再編輯；項次會隨位置自動編號。"), wrap: true).xalign(0).style("dim-label"))
            .append(list)
            .append(toolbar)
            .append(textGroup)
            .append(problems)
        rebuild()
    }

    /// Shows the messages of the paragraph's items (the wizard decides which are visible).
    func showProblems(_ messages: [String]) {
        problems.text = messages.joined(separator: "\n")
        problems.isVisible = !messages.isEmpty
    }

    private func apply(_ edit: ItemEdit) {
        guard editor.apply(edit) else { return }
        rebuild()
        onChange?(editor.paragraph)
        if edit == .add || edit == .addChild { itemText.grabFocus() }
    }

    private func selected(_ index: Int?) {
        guard !updating else { return }
        let rows = editor.rows
        editor.select(index.flatMap { rows.indices.contains($0) ? rows[$0].path : nil })
        showSelection()
    }

    private func typed() {
        guard !updating, let path = editor.selection else { return }
        editor.setSelectedText(itemText.text)
        if let index = editor.rows.firstIndex(where: { $0.path == path }) {
            let row = editor.rows[index]
            rowLabels[index].text = row.marker + row.text
            rowWidgets[index].accessibleName(row.marker + row.text)
        }
        onChange?(editor.paragraph)
    }

    /// The list anew from the editor's rows, the selection kept on the edited item.
    private func rebuild() {
        updating = true
        list.removeAllRows()
        rowLabels = []
        rowWidgets = []
        for row in editor.rows {
            let label = Label(row.marker + row.text, wrap: true).xalign(0)
                .margins(top: 8, bottom: 8, start: 12 + Int32(row.level) * 28, end: 12)
            rowLabels.append(label)
            rowWidgets.append(list.appendRow(label, name: row.marker + row.text))
        }
        list.selectedIndex = editor.selection.flatMap { path in editor.rows.firstIndex { $0.path == path } }
        updating = false
        showSelection()
    }

    private func showSelection() {
        updating = true
        let path = editor.selection
        let row = path.flatMap { path in editor.rows.first { $0.path == path } }
        itemText.text = row?.text ?? ""
        itemText.isSensitive = row != nil
        for (edit, button) in buttons { button.isSensitive = editor.canApply(edit) }
        updating = false
    }
}
