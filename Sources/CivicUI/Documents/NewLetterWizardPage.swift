import CGtk
import CivicCore
import CivicServices
import Foundation

/// 新增公文: the new-letter wizard, a thin view over `NewLetterWizard` — a template, then the
/// fields (checked as typed) and the 說明 and 辦法 editors beside a live preview of the page, then
/// the whole letter page by page, and 儲存 (`DocumentService.create`, with the chosen attachment
/// files) into the workspace.
@MainActor
final class NewLetterWizardPage {
    var root: Widget { frame.root }
    /// Closed; with the saved letter's id when one was saved and the user asked to open it.
    var onClose: (@MainActor (_ openLetter: String?) -> Void)?

    private var wizard: NewLetterWizard
    private let service: DocumentService
    private let drafter: String
    private let frame = WizardFrame(title: tr("新增公文"), steps: [tr("選擇範本"), tr("填寫內容"), tr("預覽"), tr("完成")])
    private let templates = ListBox()
    private let form: LetterFieldsForm
    private var editors: [ParagraphEditorView] = []
    private let editorSlot = Box(vertical: true, spacing: 24)
    private let livePreview = LetterPreview(scale: 1.0, accessibleName: tr("即時預覽"))
    private let preview = LetterPreview(scale: 1.5, accessibleName: tr("公文預覽"))
    private let fieldsProblem = Notice(style: "warning", icon: "dialog-warning-symbolic")
    private let saveFailure = Notice(style: "error", icon: "dialog-error-symbolic")
    private let done = StatusPage(iconName: "emblem-ok-symbolic", title: tr("公文已儲存"))
    private var shownStep: NewLetterWizard.Step?
    private var saving = false

    /// The templates' names in the wizard's words.
    static let templateTitles = [
        "xca-application": "申請組織及團體憑證的函",
        "clerk-assignment": "經辦人授權指派通知",
        "petition-submission": "函送公投連署名冊",
    ]

    /// `drafter` is the certificate serial of the signed-in clerk, whose 主辦公文 the letter joins
    /// (empty without an office).
    init(templates available: [LetterTemplate], service: DocumentService, drafter: String) {
        wizard = NewLetterWizard(templates: available)
        self.service = service
        self.drafter = drafter
        form = LetterFieldsForm(attachmentsFolder: service.folders.downloads.path)
        frame.root.accessibleName(tr("新增公文"))
        frame.add(templatePage(), name: "template")
        frame.add(fieldsPage(), name: "fields", wide: true)
        frame.add(previewPage(), name: "preview", wide: true)
        frame.add(done, name: "saved", wide: true)
        frame.nextButton.onClick { [weak self] in self?.next() }
        frame.backButton.onClick { [weak self] in
            self?.wizard.back()
            self?.render()
        }
        frame.cancelButton.onClick { [weak self] in self?.onClose?(nil) }
        form.onEdit = { [weak self] change in
            guard let self else { return }
            change(&self.wizard)
            self.edited()
        }
        render()
    }

    // MARK: Pages

    private func templatePage() -> Widget {
        templates.style("boxed-list")
        templates.accessibleName(tr("範本"))
        for template in wizard.templates {
            let title = Self.templateTitles[template.name].map(tr) ?? template.name
            let row = Box(vertical: true, spacing: 4).margins(top: 10, bottom: 10, start: 12, end: 12)
            row.append(Label(title).xalign(0).style("heading"))
                .append(Label(template.letter.subject, wrap: true).xalign(0).style("dim-label", "caption"))
            templates.appendRow(row, name: title)
        }
        templates.onSelectionChanged { [weak self] index in
            guard let self, let index else { return }
            self.wizard.chooseTemplate(index)
            self.render()
        }
        let page = Box(vertical: true, spacing: 12)
        page.append(Label(tr("選擇範本")).xalign(0).style("title-3"))
            .append(Label(tr("從範本開始撰寫函稿；範本中的「〇」請改為實際內容。"), wrap: true).xalign(0))
            .append(templates)
        return page
    }

    private func fieldsPage() -> Widget {
        let column = Box(vertical: true, spacing: 18).margins(top: 18, bottom: 24, start: 24, end: 12)
        column.append(fieldsProblem.root).append(form.root).append(editorSlot)
        let left = ScrolledWindow(column, horizontalScroll: true).expand(horizontally: true, vertically: true)
        let right = Box(vertical: true, spacing: 6).margins(top: 18, bottom: 12, start: 12, end: 24).size(width: 380)
        right.append(Label(tr("即時預覽")).xalign(0).style("heading")).append(livePreview.root.expand(vertically: true))
        let page = Box(vertical: false)
        page.append(left).append(Separator(vertical: true)).append(right)
        return page
    }

    private func previewPage() -> Widget {
        let page = Box(vertical: true, spacing: 12).margins(top: 18, bottom: 12, start: 24, end: 24)
        page.append(Label(tr("預覽")).xalign(0).style("title-3"))
            .append(Label(tr("這是函稿列印出來的樣子。確認無誤後按「儲存」存入工作區，再送陳核。"), wrap: true).xalign(0))
            .append(saveFailure.root)
            .append(preview.root.expand(vertically: true))
        return page
    }

    // MARK: Acting

    private func edited() {
        livePreview.show(wizard.letter)
        form.show(wizard, values: false)
        showEditorProblems()
        fieldsProblem.show(wizard.canGoNext ? nil : wizard.problem.map(tr))
    }

    private func next() {
        switch wizard.step {
        case .template, .fields:
            wizard.next()
            render()
        case .preview:
            save()
        case .saved:
            onClose?(wizard.savedID)
        }
    }

    private func save() {
        guard !saving else { return }
        saving = true
        frame.setNext(tr("儲存"), enabled: false)
        let (service, letter, drafter) = (service, wizard.letter, drafter)
        let attachments = zip(letter.attachments.files, wizard.attachmentPaths).map { (fileName: $0.fileName, source: URL(fileURLWithPath: $1)) }
        MainThread.background({
            Result { try service.create(letter, attachments: attachments, drafterSerial: drafter).id }
        }, then: { [weak self] result in
            guard let self else { return }
            self.saving = false
            switch result {
            case .success(let id): self.wizard.saved(id: id)
            case .failure(let error): self.wizard.saveFailed(UserMessage(describing: error))
            }
            self.render()
        })
    }

    /// The 說明 and 辦法 editors for the chosen template's letter, each starting from the letter's
    /// paragraph (an empty one when it has none, left out of the letter until it has content).
    private func makeEditors() {
        editorSlot.removeAll()
        editors = Self.editedParagraphs.map { heading, title in
            let paragraph = wizard.letter.paragraphs.first { $0.heading == heading } ?? LetterParagraph(heading: heading)
            let view = ParagraphEditorView(paragraph, heading: title)
            view.onChange = { [weak self] paragraph in
                guard let self else { return }
                self.wizard.setParagraph(paragraph)
                if let index = self.paragraphIndex(heading) {
                    for row in paragraph.numberedItems { self.wizard.touch(.item(paragraph: index, path: row.path)) }
                }
                self.edited()
            }
            editorSlot.append(view.root)
            return view
        }
    }

    /// The paragraphs with an editor: heading, and heading in the user's language.
    private static let editedParagraphs = [(LetterParagraph.explanationHeading, tr("說明")), (LetterParagraph.actionHeading, tr("辦法"))]

    private func paragraphIndex(_ heading: String) -> Int? {
        wizard.letter.paragraphs.firstIndex { $0.heading == heading }
    }

    private func showEditorProblems() {
        for editor in editors {
            let paragraph = editor.editor.paragraph
            guard let index = paragraphIndex(paragraph.heading) else {
                editor.showProblems([])
                continue
            }
            let fields: [LetterField] = (editor === editors.first ? [.paragraphs] : []) + [.paragraphText(index)] + paragraph.numberedItems.map { .item(paragraph: index, path: $0.path) }
            let lines = fields.flatMap { field in
                wizard.visibleProblems(on: field).map { String(format: tr("%@：%@"), tr(field.label(in: wizard.letter)), tr($0)) }
            }
            editor.showProblems(lines)
        }
    }

    // MARK: Drawing

    private func render() {
        let step = wizard.step
        let entering = step != shownStep
        switch step {
        case .template:
            frame.setNext(tr("下一步"), enabled: wizard.canGoNext)
        case .fields:
            if entering && shownStep == .template {
                form.show(wizard, values: true)
                makeEditors()
            }
            form.show(wizard, values: false)
            showEditorProblems()
            fieldsProblem.show(wizard.canGoNext ? nil : wizard.problem.map(tr))
            livePreview.show(wizard.letter)
            frame.setNext(tr("下一步"), enabled: true)
        case .preview:
            if entering { preview.show(wizard.letter) }
            saveFailure.show(wizard.failure.map(tr))
            frame.setNext(tr("儲存"), enabled: !saving)
        case .saved:
            done.details = Markup.escape(String(format: tr("公文已存入工作區（編號 %@），目前為「創稿」。按「開啟公文」送陳核。"), wizard.savedID ?? ""))
            frame.setNext(tr("開啟公文"), enabled: true)
        }
        frame.backButton.isVisible = step == .fields || step == .preview
        frame.cancelButton.isVisible = step != .saved
        guard entering else { return }
        let index = NewLetterWizard.Step.allCases.firstIndex(of: step) ?? 0
        shownStep = step
        frame.show(page: Self.pageName(step), step: index)
    }

    private static func pageName(_ step: NewLetterWizard.Step) -> String {
        switch step {
        case .template: "template"
        case .fields: "fields"
        case .preview: "preview"
        case .saved: "saved"
        }
    }
}
