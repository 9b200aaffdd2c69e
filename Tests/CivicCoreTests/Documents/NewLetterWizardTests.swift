import Testing
@testable import CivicCore

@Suite("The new-letter wizard and the 說明 editor")
struct NewLetterWizardTests {
    let templates = [LetterTemplate(name: "sample", letter: LetterFixtures.sample),
                     LetterTemplate(name: "blank", letter: OfficialLetter(paragraphs: [LetterParagraph(heading: "說明")]))]

    @Test func templateFieldsPreviewSave() {
        var wizard = NewLetterWizard(templates: templates)
        #expect(!wizard.canGoNext && wizard.problem?.zh == "請選擇一個範本。")
        wizard.chooseTemplate(0)
        wizard.next()
        #expect(wizard.step == .fields && wizard.dateText == "中華民國108年11月12日" && wizard.canGoNext)
        wizard.edit { $0.subject = "" }
        // Not shown until the field is left…
        #expect(wizard.visibleProblems(on: .subject).isEmpty && !wizard.canGoNext)
        wizard.touch(.subject)
        #expect(wizard.visibleProblems(on: .subject).map(\.zh) == ["請填寫主旨。"])
        wizard.edit { $0.subject = "請查照。" }
        wizard.next()
        #expect(wizard.step == .preview)
        #expect(wizard.preview.first == .variantMark("稿") && wizard.preview.contains(.subject(label: "主旨：", text: "請查照。")))
        wizard.edit { $0.subject = "changed on the preview" }
        #expect(wizard.letter.subject == "請查照。")
        wizard.saveFailed(UserMessage(verbatim: "disk full"))
        #expect(wizard.problem?.zh == "disk full" && wizard.step == .preview)
        wizard.saved(id: "1150000001")
        #expect(wizard.step == .saved && wizard.savedID == "1150000001")
    }

    @Test func refusedNextRevealsEveryProblem() {
        var wizard = NewLetterWizard(templates: templates)
        wizard.chooseTemplate(1)
        wizard.next()
        #expect(wizard.visibleProblems(on: .recipientName).isEmpty)
        wizard.next()
        #expect(wizard.step == .fields)
        #expect(wizard.visibleProblems(on: .recipientName).map(\.zh) == ["必須填寫。"])
        #expect(wizard.problem?.zh.hasPrefix("還有") == true)
        wizard.back()
        #expect(wizard.step == .template)
    }

    @Test func typedDates() {
        var wizard = NewLetterWizard(templates: templates)
        wizard.chooseTemplate(0)
        wizard.next()
        wizard.setDateText("113/3/4")
        #expect(wizard.letter.date == CivilDate(year: 2024, month: 3, day: 4))
        wizard.edit { $0.number = nil }
        #expect(wizard.problems.isEmpty)
        wizard.setDateText("2024-03-04")
        wizard.touch(.date)
        #expect(wizard.letter.date == nil)
        #expect(wizard.visibleProblems(on: .date).map(\.zh) == ["請用中華民國日期（例：113/3/4 或 中華民國113年3月4日）。"])
        wizard.setDateText("")
        #expect(wizard.problems.isEmpty)
    }

    @Test func paragraphEditorRenumbersAsItemsMove() {
        var editor = ParagraphEditor(LetterFixtures.sample.paragraphs[0])
        #expect(editor.canApply(.add) && !editor.canApply(.indent))
        editor.select(ItemPath([1]))
        #expect(editor.canApply(.indent) && editor.canApply(.moveUp) && !editor.canApply(.moveDown) && !editor.canApply(.outdent))
        var applied = editor.apply(.add)
        #expect(applied)
        editor.setSelectedText("新增的一項")
        #expect(editor.rows.map(\.marker) == ["一、", "二、", "三、"] && editor.rows[2].text == "新增的一項")
        applied = editor.apply(.indent)
        #expect(applied)
        #expect(editor.rows.map(\.marker) == ["一、", "二、", "（一）"] && editor.selection == ItemPath([1, 0]))
        applied = editor.apply(.outdent) && editor.apply(.moveUp) && editor.apply(.moveUp)
        #expect(applied)
        #expect(editor.rows.map(\.text).first == "新增的一項" && editor.selection == ItemPath([0]))
        applied = editor.apply(.moveUp)
        #expect(!applied)
        applied = editor.apply(.delete)
        #expect(applied && editor.rows.count == 2 && editor.selection == ItemPath([0]))
        editor.select(ItemPath([9]))
        #expect(editor.selection == ItemPath([0]))
        editor.select(nil)
        #expect(!editor.canApply(.delete) && editor.canApply(.add))
    }

    @Test func actionParagraphComesAfterTheExplanationAndGoesWhenEmpty() {
        var wizard = NewLetterWizard(templates: templates)
        wizard.chooseTemplate(1)
        wizard.next()
        var action = LetterParagraph(heading: LetterParagraph.actionHeading)
        wizard.setParagraph(action)
        #expect(wizard.letter.paragraphs.map(\.heading) == ["說明"], "an unused 辦法 is left out")
        action.items = [LetterItem("請於5月7日前回復。")]
        wizard.setParagraph(action)
        #expect(wizard.letter.paragraphs.map(\.heading) == ["說明", "辦法"] && wizard.letter.action == action)
        wizard.setParagraph(LetterParagraph(heading: LetterParagraph.explanationHeading))
        #expect(wizard.letter.paragraphs.map(\.heading) == ["辦法"], "an emptied 說明 goes too")
        let explanation = LetterParagraph(heading: LetterParagraph.explanationHeading, items: [LetterItem("依據…辦理。")])
        wizard.setParagraph(explanation)
        #expect(wizard.letter.paragraphs.map(\.heading) == ["說明", "辦法"])
        action.items.append(LetterItem(""))
        wizard.setParagraph(action)
        #expect(wizard.problems.map(\.field).filter { if case .item = $0 { true } else { false } } == [.item(paragraph: 1, path: ItemPath([1]))],
                "an empty 辦法 item is a problem")
    }

    @Test func urgencyAndAClassifiedLetterNeedingItsCondition() {
        var wizard = NewLetterWizard(templates: templates)
        wizard.chooseTemplate(0)
        wizard.next()
        wizard.edit { $0.urgency = .urgent; $0.classification = Classification(level: .confidential) }
        wizard.touch(.classificationCondition)
        #expect(wizard.visibleProblems(on: .classificationCondition).map(\.zh) == ["機密公文須寫明解密條件或保密期限（例：本件於公布時解密）。"])
        #expect(!wizard.canGoNext)
        wizard.edit { $0.classification?.condition = "本件於公布時解密" }
        #expect(wizard.canGoNext && wizard.preview.contains(.field(label: "密等及解密條件或保密期限：", text: "機密（本件於公布時解密）")))
        #expect(wizard.preview.contains(.field(label: "速別：", text: "速件")))
    }

    @Test func attachedFilesAreNamedAndNeedTheAttachmentLine() {
        var wizard = NewLetterWizard(templates: templates)
        wizard.chooseTemplate(0)
        wizard.next()
        wizard.edit { $0.attachments.text = "" }
        wizard.addAttachments(["/home/lead/下載/申請書.pdf", "/home/lead/下載/清冊.ods", "/home/lead/下載/申請書.pdf"])
        #expect(wizard.attachmentPaths == ["/home/lead/下載/申請書.pdf", "/home/lead/下載/清冊.ods"])
        #expect(wizard.letter.attachments.files.map(\.fileName) == ["申請書.pdf", "清冊.ods"])
        #expect(wizard.visibleProblems(on: .attachmentsText).map(\.zh) == ["有附件檔時，請寫明附件（例：憑證申請書1份）。"])
        wizard.addAttachments(["/tmp/other/清冊.ods"])
        #expect(wizard.visibleProblems(on: .attachmentFile(2)).map(\.zh) == ["附件檔名「清冊.ods」重複了。"])
        wizard.removeAttachment(at: 1)
        #expect(wizard.attachmentPaths == ["/home/lead/下載/申請書.pdf", "/tmp/other/清冊.ods"])
        #expect(wizard.letter.attachments.files.map(\.fileName) == ["申請書.pdf", "清冊.ods"])
        wizard.edit { $0.attachments.text = "申請書及清冊各1份" }
        #expect(wizard.problems.isEmpty)
    }
}
