import CivicCore
import Foundation

/// The fields page of the new-letter wizard: the letter's fields as boxed entry rows in groups
/// (發文機關, 受文者與發文, then `LetterHandlingForm`'s 速別、密等與附件, 主旨, 正本與副本), each problem shown under its group as it is typed,
/// naming the field, and the field's row marked. A thin view: every keystroke goes to
/// `NewLetterWizard.edit`, and `show` puts the wizard's state back.
@MainActor
final class LetterFieldsForm {
    let root = Box(vertical: true, spacing: 18)
    /// A field was typed into: `change` applies it to the wizard.
    var onEdit: (@MainActor (_ change: (inout NewLetterWizard) -> Void) -> Void)?

    private struct Field {
        let row: EntryRow
        /// The fields whose problems show on this row.
        let fields: (OfficialLetter) -> [LetterField]
        let read: (NewLetterWizard) -> String
        let write: (inout NewLetterWizard, String) -> Void
    }

    private var groups: [(fields: [Field], problems: Label)] = []
    private var updating = false

    /// 速別, 密等 and 附件, after 受文者與發文.
    private let handling: LetterHandlingForm

    /// `attachmentsFolder` is where the file dialog for attachments opens.
    init(attachmentsFolder: String) {
        handling = LetterHandlingForm(startFolder: attachmentsFolder)
        add(group: tr("發文機關"), [
            field(tr("發文機關全銜"), .senderName, { $0.letter.sender.name }) { $0.sender.name = $1 },
            field(tr("機關代碼"), .senderCode, { $0.letter.sender.code }) { $0.sender.code = $1 },
            field(tr("地址"), .address, { $0.letter.address }) { $0.address = $1 },
            field(tr("承辦人"), .clerk, { $0.letter.contact.clerk }) { $0.contact.clerk = $1 },
            field(tr("電話"), .phone, { $0.letter.contact.phone }) { $0.contact.phone = $1 },
            field(tr("傳真"), .fax, { $0.letter.contact.fax }) { $0.contact.fax = $1 },
            field(tr("電子信箱"), .email, { $0.letter.contact.email }) { $0.contact.email = $1 },
        ])
        add(group: tr("受文者與發文"), [
            field(tr("受文者"), .recipientName, { $0.letter.recipient.name }) { $0.recipient.name = $1 },
            Field(row: EntryRow(title: tr("發文日期（例：115/4/24，發文時自動填入）")), fields: { _ in [.date] },
                  read: { $0.dateText }, write: { $0.setDateText($1) }),
            field(tr("發文字號的字（例：議秘）"), .numberWord, { $0.letter.numberWord }) { $0.numberWord = $1 },
            field(tr("檔號"), .fileNumber, { $0.letter.fileNumber }) { $0.fileNumber = $1 },
            field(tr("保存年限"), .retention, { $0.letter.retention }) { $0.retention = $1 },
        ])
        root.append(handling.root)
        handling.onEdit = { [weak self] change in self?.onEdit?(change) }
        add(group: tr("主旨"), [
            field(tr("主旨"), .subject, { $0.letter.subject }) { $0.subject = $1 },
        ])
        add(group: tr("正本、副本與署名"), [
            Field(row: EntryRow(title: tr("正本（以「、」分隔）")),
                  fields: { letter in [.originals] + letter.originals.indices.map { .original($0) } },
                  read: { Self.names($0.letter.originals) },
                  write: { wizard, text in wizard.edit { $0.originals = Self.addressees(text, keeping: $0.originals) } }),
            Field(row: EntryRow(title: tr("副本（以「、」分隔）")),
                  fields: { letter in letter.copies.indices.map { .copy($0) } },
                  read: { Self.names($0.letter.copies) },
                  write: { wizard, text in wizard.edit { $0.copies = Self.addressees(text, keeping: $0.copies) } }),
            Field(row: EntryRow(title: tr("署名")), fields: { letter in letter.signatures.indices.map { .signature($0) } },
                  read: { $0.letter.signatures.first ?? "" },
                  write: { wizard, text in
                      wizard.edit { letter in
                          let rest = letter.signatures.dropFirst()
                          letter.signatures = (text.isEmpty ? [] : [text]) + rest
                      }
                  }),
        ])
    }

    private func field(_ title: String, _ field: LetterField, _ read: @escaping (NewLetterWizard) -> String,
                       _ write: @escaping (inout OfficialLetter, String) -> Void) -> Field {
        Field(row: EntryRow(title: title), fields: { _ in [field] }, read: read,
              write: { wizard, text in wizard.edit { write(&$0, text) } })
    }

    private func add(group title: String, _ fields: [Field]) {
        let group = PreferencesGroup(title: title)
        let problems = Label(wrap: true).xalign(0).style("error")
        problems.isVisible = false
        for field in fields {
            group.add(field.row)
            field.row.onChanged { [weak self] in
                guard let self, !self.updating else { return }
                let text = field.row.text
                self.onEdit? { wizard in
                    field.write(&wizard, text)
                    for touched in field.fields(wizard.letter) { wizard.touch(touched) }
                }
            }
        }
        root.append(group).append(problems)
        groups.append((fields, problems))
    }

    /// Puts the wizard's values and visible problems into the rows (values only when `values`:
    /// after a template was chosen, never while the user types).
    func show(_ wizard: NewLetterWizard, values: Bool) {
        handling.show(wizard, values: values)
        updating = true
        for (fields, problems) in groups {
            var lines: [String] = []
            for field in fields {
                if values { field.row.text = field.read(wizard) }
                let messages = field.fields(wizard.letter).flatMap { wizard.visibleProblems(on: $0).map(tr) }
                field.row.setError(!messages.isEmpty)
                field.row.accessibleDescription(messages.joined(separator: " "))
                let title = field.row.title
                lines += messages.map { String(format: tr("%@：%@"), title, $0) }
            }
            problems.text = lines.joined(separator: "\n")
            problems.isVisible = !lines.isEmpty
        }
        updating = false
    }

    /// `高雄市議會、臺北市議會` from addressees.
    static func names(_ addressees: [Addressee]) -> String {
        addressees.map(\.name).joined(separator: "、")
    }

    /// The typed names as addressees, keeping the agency code and 含附件 of a name already there.
    static func addressees(_ text: String, keeping old: [Addressee]) -> [Addressee] {
        text.split(separator: "、").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { name in
            old.first { $0.name == name } ?? Addressee(name: name)
        }
    }
}
