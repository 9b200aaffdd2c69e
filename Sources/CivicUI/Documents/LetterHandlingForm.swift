import CGtk
import CivicCore
import Foundation

/// The 速別, 密等 and 附件 group of the new-letter wizard's fields, in the DTD's order after the
/// 發文字號: 速別 and 密等 chosen from their lists, the 解密條件或保密期限 asked for while a level is
/// chosen, the 附件 line, and the attached files — chosen with the desktop's file dialog or
/// dropped on the group, each listed with a button removing it. The store copies the files into
/// the workspace on 儲存, where the DI export takes them from. A thin view over
/// `NewLetterWizard`, as `LetterFieldsForm`.
@MainActor
final class LetterHandlingForm {
    let root = Box(vertical: true, spacing: 6)
    /// A choice was made or a field typed into: `change` applies it to the wizard.
    var onEdit: (@MainActor (_ change: (inout NewLetterWizard) -> Void) -> Void)?

    private let group = PreferencesGroup(title: tr("速別、密等與附件"))
    private let urgency = ComboRow(title: tr("速別"), choices: [tr("不標示"), tr("最速件"), tr("速件"), tr("普通件")])
    private let level = ComboRow(title: tr("密等"), choices: [tr("普通（不列密等）"), tr("密"), tr("機密"), tr("極機密"), tr("絕對機密")])
    private let condition = EntryRow(title: tr("解密條件或保密期限（例：本件於公布時解密）"))
    private let attachmentsText = EntryRow(title: tr("附件（例：憑證申請書1份）"))
    private var fileRows: [Widget] = []
    private var shownPaths: [String]?
    private let problems = Label(wrap: true).xalign(0).style("error")
    private var updating = false
    private let startFolder: String

    /// The choices' values, in the lists' order (the first: none).
    private static let urgencies: [Urgency?] = [nil] + Urgency.allCases
    private static let levels: [ClassificationLevel?] = [nil] + ClassificationLevel.allCases

    /// `startFolder` is where the file dialog opens (the user's downloads).
    init(startFolder: String) {
        self.startFolder = startFolder
        let add = Button(tr("加入附件檔…"), iconName: "mail-attachment-symbolic")
        add.tooltip = tr("選擇隨文附送的檔案，也可以把檔案拖放到這一組")
        add.onClick { [weak self] in self?.chooseFiles() }
        group.setHeaderSuffix(add)
        group.add(urgency).add(level).add(condition).add(attachmentsText)
        group.acceptFileDrops { [weak self] paths in self?.attach(paths) }
        urgency.onSelectionChanged { [weak self] in
            guard let self, !self.updating else { return }
            let chosen = Self.urgencies[safe: self.urgency.selectedIndex] ?? nil
            self.onEdit? { wizard in wizard.edit { $0.urgency = chosen } }
        }
        level.onSelectionChanged { [weak self] in self?.classificationChanged() }
        condition.onChanged { [weak self] in self?.classificationChanged() }
        attachmentsText.onChanged { [weak self] in
            guard let self, !self.updating else { return }
            let text = self.attachmentsText.text
            self.onEdit? { wizard in
                wizard.edit { $0.attachments.text = text }
                wizard.touch(.attachmentsText)
            }
        }
        problems.isVisible = false
        root.append(group).append(problems)
    }

    /// Puts the wizard's choices, files and visible problems into the group (the typed values
    /// only when `values`: after a template was chosen, never while the user types).
    func show(_ wizard: NewLetterWizard, values: Bool) {
        updating = true
        let letter = wizard.letter
        if values {
            urgency.selectedIndex = Self.urgencies.firstIndex(of: letter.urgency) ?? 0
            level.selectedIndex = Self.levels.firstIndex(of: letter.classification?.level) ?? 0
            condition.text = letter.classification?.condition ?? ""
            attachmentsText.text = letter.attachments.text
        }
        condition.isSensitive = letter.classification != nil
        if wizard.attachmentPaths != shownPaths { showFiles(wizard) }
        var lines: [String] = []
        for (row, fields) in [(condition, [LetterField.classificationCondition]), (attachmentsText, [.attachmentsText])] {
            let messages = fields.flatMap { wizard.visibleProblems(on: $0).map(tr) }
            row.setError(!messages.isEmpty)
            row.accessibleDescription(messages.joined(separator: " "))
            lines += messages.map { String(format: tr("%@：%@"), tr(fields[0].label(in: letter)), $0) }
        }
        for index in letter.attachments.files.indices {
            let field = LetterField.attachmentFile(index)
            lines += wizard.visibleProblems(on: field).map { String(format: tr("%@：%@"), tr(field.label(in: letter)), tr($0)) }
        }
        problems.text = lines.joined(separator: "\n")
        problems.isVisible = !lines.isEmpty
        updating = false
    }

    private func classificationChanged() {
        guard !updating else { return }
        let chosen = Self.levels[safe: level.selectedIndex] ?? nil
        let text = condition.text
        onEdit? { wizard in
            wizard.edit { $0.classification = chosen.map { Classification(level: $0, condition: text) } }
            // A classified letter's condition is required: say so as soon as a level is chosen.
            if chosen != nil { wizard.touch(.classificationCondition) }
        }
    }

    /// One row per attached file: its name, its folder, and 移除.
    private func showFiles(_ wizard: NewLetterWizard) {
        for row in fileRows { group.remove(row) }
        fileRows = []
        for (index, path) in wizard.attachmentPaths.enumerated() {
            let name = wizard.letter.attachments.files[safe: index]?.fileName ?? path
            let row = ActionRow(title: name, subtitle: (path as NSString).deletingLastPathComponent)
            let remove = Button("", iconName: "list-remove-symbolic").style("flat").align(vertical: GTK_ALIGN_CENTER)
            remove.accessibleName(String(format: tr("移除附件檔 %@"), name))
            remove.tooltip = tr("移除這個附件檔")
            remove.onClick { [weak self] in self?.onEdit? { $0.removeAttachment(at: index) } }
            // Named by its title, the file's name.
            row.addPrefix(Image(iconName: "mail-attachment-symbolic")).addSuffix(remove)
            group.add(row)
            fileRows.append(row)
        }
        shownPaths = wizard.attachmentPaths
    }

    private func chooseFiles() {
        FileChooser.openFiles(parent: root.rootWindow, title: tr("選擇附件檔"), filterName: tr("所有檔案"), patterns: ["*"],
                              startIn: startFolder, multiple: true) { [weak self] paths in self?.attach(paths) }
    }

    private func attach(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        onEdit? { $0.addAttachments(paths) }
    }
}
