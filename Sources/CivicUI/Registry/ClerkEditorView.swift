import CGtk
import CivicCore

/// 新增授權經辦人 / 修改授權經辦人, a thin view over `ClerkEditor`: 讀取憑證 (the clerk's card, read
/// without a PIN, fills 憑證序號 and 姓名), the typed fields, and the 功能選單 permissions as a tree
/// of check boxes from `data/permissions.json` (a group's box ticks all of its actions).
@MainActor
final class ClerkEditorView {
    let root = Box(vertical: true, spacing: 18)
    /// 讀取憑證 was pressed.
    var onReadCard: (@MainActor () -> Void)?
    /// The form changed (`change` applies it to the wizard's editor).
    var onChange: (@MainActor (_ change: (inout ClerkEditor) -> Void) -> Void)?

    private let heading = Label("").xalign(0).style("title-3")
    private let serial = EntryRow(title: tr("憑證序號(SN)"))
    private let name = EntryRow(title: tr("姓名"))
    private let personalID = EntryRow(title: tr("身分證統一編號"))
    private let problem = Notice(style: "error", icon: "dialog-error-symbolic")
    private var boxes: [(node: PermissionCatalogue.Node, box: CheckButton)] = []
    private var filling = false

    init(catalogue: PermissionCatalogue?) {
        let readCard = Button(tr("讀取憑證"), action: nil).accessibleName(tr("讀取憑證"))
        readCard.onClick { [weak self] in self?.onReadCard?() }
        serial.addSuffixButton(readCard)
        let fields = PreferencesGroup()
        fields.add(serial)
        fields.add(name)
        fields.add(personalID)
        let tree = Box(vertical: true, spacing: 4)
        for group in catalogue?.groups ?? [] {
            add(group, depth: 0, to: tree)
        }
        root.append(heading)
            .append(Label(tr(ClerkEditor.instruction), wrap: true).xalign(0))
            .append(fields)
            .append(Label(tr("功能選單")).xalign(0).style("heading"))
            .append(tree)
            .append(problem.root)
        for row in [serial, name, personalID] {
            row.onChanged { [weak self] in self?.typed() }
        }
    }

    private func add(_ node: PermissionCatalogue.Node, depth: Int32, to tree: Box) {
        let label = tr(UserMessage(zh: node.label, en: node.labelEn ?? node.label))
        let box = CheckButton(label).accessibleName(label).margins(start: 24 * depth)
        box.onToggled { [weak self] in
            guard let self, !self.filling else { return }
            let on = box.isActive
            self.onChange? { $0.toggle(node, on: on) }
        }
        boxes.append((node, box))
        tree.append(box)
        for child in node.children { add(child, depth: depth + 1, to: tree) }
    }

    /// Shows `editor` (after a change of the wizard's, or when the form opens).
    func show(_ editor: ClerkEditor, fill: Bool) {
        filling = true
        heading.text = tr(editor.title)
        if fill || serial.text != editor.serial { serial.text = editor.serial }
        if fill || name.text != editor.name { name.text = editor.name }
        if fill { personalID.text = editor.personalID }
        for (node, box) in boxes {
            let state = editor.state(of: node)
            box.isActive = state ?? false
            box.isInconsistent = state == nil
        }
        filling = false
        let typedAnything = !editor.serial.isEmpty || !editor.personalID.isEmpty
        problem.show((editor.cardProblem ?? (typedAnything ? editor.problem : nil)).map(tr))
    }

    func focus() {
        serial.grabFocus()
    }

    private func typed() {
        guard !filling else { return }
        let (serialText, nameText, idText) = (serial.text, name.text, personalID.text)
        onChange? { editor in
            editor.serial = serialText
            editor.name = nameText
            editor.personalID = idText
        }
    }
}
