import CivicCore
import CivicTestSupport
import Foundation
import Testing
@testable import CivicDocumentExchange

/// Import: CivicDesk's own files come back whole, other systems' habits give the same letter,
/// what CivicDesk has no field for is kept and reported, and bad files are refused by name.
@Suite("DI 檔匯入")
struct DIImportTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// The sample exported to a folder of its own, with its attachment files.
    func exported(_ letter: OfficialLetter = DITestLetters.sample, name: String = "out") throws -> DIExportResult {
        let store = folder.file("store-\(name)")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        for file in letter.attachments.files { try Data("%PDF \(file.fileName)".utf8).write(to: store.appendingPathComponent(file.fileName)) }
        return try DIFolderExport.export(letter, to: folder.file(name), baseName: "letter",
                                         attachmentSource: { store.appendingPathComponent($0.fileName) })
    }

    /// The sample's DI text, to make variants of.
    var sampleText: String {
        get throws { String(decoding: try DILetterWriter.document(for: DITestLetters.sample), as: UTF8.self) }
    }

    func read(_ text: String) throws(DIExchangeError) -> DIReadLetter {
        try DILetterReader.read(Array(text.utf8))
    }

    func refusal(_ text: String) -> DIExchangeError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Round trips

    @Test("匯出再匯入，每個欄位都相同", arguments: ["sample", "long", "empty", "unnumbered"])
    func roundTripKeepsEveryField(shape: String) throws {
        var letter = DITestLetters.sample
        switch shape {
        case "long": letter = DITestLetters.long(items: 80)
        case "empty": letter = OfficialLetter()
        case "unnumbered":
            letter.number = nil
            letter.date = nil
            letter.classification = nil
            letter.urgency = nil
            letter.paragraphs[1].items = [LetterItem("辦法的條列")]
        default: break
        }
        let export = try exported(letter, name: shape)
        let result = try DIFolderImport.read(export.diFile.deletingLastPathComponent())
        #expect(result.letter == letter)
        #expect(result.kept.isEmpty)
        #expect(result.bytes == export.bytes)
        #expect(result.attachmentFiles == export.attachmentFiles)
        #expect(result.read.attachmentEntities == letter.attachments.files.indices.map { DILetterWriter.attachmentEntityName(index: $0) })
    }

    /// Sign-off signs these bytes (Core's history compares them): the same letter must always
    /// give the same file.
    @Test func sameLetterGivesTheSameBytes() throws {
        let first = try DILetterWriter.document(for: DITestLetters.sample)
        #expect(try DILetterWriter.document(for: DITestLetters.sample) == first)
        #expect(try DILetterWriter.document(for: DILetterReader.read(first).letter) == first)
    }

    @Test func numberWrittenAsTextIsRead() throws {
        let structured = try sampleText
        guard let start = structured.range(of: "<字>"), let end = structured.range(of: "</文號>") else {
            Issue.record("no 發文字號")
            return
        }
        let printed = structured.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "<文字>○○議員字第10800000012號</文字>")
        #expect(try read(printed).letter == DITestLetters.sample)
        let free = structured.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "<文字>另案辦理</文字>")
        let result = try read(free)
        #expect(result.letter.number == nil)
        #expect(result.kept.map(\.markup) == ["<文字>另案辦理</文字>"])
    }

    @Test func extensionDataSurvivesTextThatWouldCloseTheInstruction() throws {
        var letter = DITestLetters.sample
        letter.fileNumber = "108?>0301 <甲>"
        #expect(try DILetterReader.read(try DILetterWriter.document(for: letter)).letter == letter)
    }

    @Test func signatureBesideTheFileIsFound() throws {
        let export = try exported()
        let signature = export.diFile.deletingPathExtension().appendingPathExtension("p7s")
        try Data([0x30, 0x00]).write(to: signature)
        #expect(try DIFolderImport.read(export.diFile).signatureFile == signature)
    }

    // MARK: Other systems' files

    @Test func otherSystemsFileGivesTheSameLetterAndReportsWhatIsKept() throws {
        let result = try DIFolderImport.read(DITestLetters.fixtures.appendingPathComponent("other-system"))
        #expect(result.letter == DITestLetters.sampleWithoutExtensions)
        #expect(result.kept.map(\.path) == ["函/聯絡方式", "函/受文者/內含本文與附件之可攜式文件檔名", "函/段落[2]/@編號", "函/會辦單位"])
        #expect(result.kept[0].markup == "<聯絡方式>LINE：@service</聯絡方式>")
        #expect(result.kept[2].markup == "編號=\"2\"")
        #expect(result.kept[3].line == 87)
        let report = result.read.keptReport
        #expect(report.count == 4)
        #expect(report[3].zh.contains("第 87 行「函/會辦單位」") && report[3].zh.contains("<會辦單位>秘書處</會辦單位>"))
        #expect(result.attachmentFiles.map(\.lastPathComponent) == ["附件一.pdf", "用戶代碼函.pdf"])
    }

    @Test func byteOrderMarkGivesTheSameLetter() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(try sampleText.utf8)
        #expect(try DILetterReader.read(bytes).letter == DITestLetters.sample)
    }

    @Test func halfWidthItemNumbersGiveTheSameLetter() throws {
        let text = try sampleText.replacingOccurrences(of: "（一）", with: "(一)").replacingOccurrences(of: "（二）", with: "(二)")
            .replacingOccurrences(of: "（1）", with: "(1)")
        #expect(text.contains("序號=\"(一)\""))
        #expect(try read(text).letter == DITestLetters.sample)
    }

    @Test func emptyParagraphNameGivesTheSameLetter() throws {
        // The first 段落 unnamed is 說明; a later unnamed one continues the one before it.
        let unnamedFirst = try sampleText.replacingOccurrences(of: "段名=\"說明：\"", with: "段名=\"\"")
        #expect(unnamedFirst.contains("段名=\"\""))
        #expect(try read(unnamedFirst).letter == DITestLetters.sample)
        let withoutAttribute = try sampleText.replacingOccurrences(of: "<段落 段名=\"說明：\">", with: "<段落>")
        #expect(try read(withoutAttribute).letter == DITestLetters.sample)

        var split = DITestLetters.sample
        split.paragraphs.insert(LetterParagraph(heading: "說明", items: [LetterItem("續前段的條列")]), at: 1)
        let continued = String(decoding: try DILetterWriter.document(for: split), as: UTF8.self)
            .replacingOccurrences(of: "<段落 段名=\"說明：\">\n    <條列 序號=\"一、\">\n      <文字>續前段", with: "<段落 段名=\"\">\n    <條列 序號=\"一、\">\n      <文字>續前段")
        var joined = DITestLetters.sample
        joined.paragraphs[0].items.append(LetterItem("續前段的條列"))
        #expect(try read(continued).letter == joined)
    }

    @Test func indentationAndLineBreaksAroundTextGiveTheSameLetter() throws {
        let text = try sampleText.replacingOccurrences(of: "<文字>", with: "<文字>\r\n\t    ")
            .replacingOccurrences(of: "</文字>", with: "\n  </文字>").replacingOccurrences(of: "<全銜>", with: "<全銜>\n   ")
        #expect(try read(text).letter == DITestLetters.sample)
    }

    @Test func big5FileGivesTheSameLetter() throws {
        let utf8 = try DITestLetters.fixture("other-system/other-system.di").dropFirst(3)
        let declared = String(decoding: utf8, as: UTF8.self).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"big5\"")
        let file = folder.file("big5.di")
        let run = try Subprocess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "iconv -f UTF-8 -t BIG5 > '\(file.path)'"],
                                     standardInput: Data(declared.utf8))
        #expect(run.status == 0, "\(run.error)")
        let bytes = Array(try Data(contentsOf: file))
        #expect(!bytes.starts(with: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"".utf8)))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the file is not UTF-8 any more")
        let result = try DILetterReader.read(bytes)
        #expect(result.letter == DITestLetters.sampleWithoutExtensions)
        #expect(result.kept.count == 4)
    }

    // MARK: Refused

    @Test func wrongOrderIsRefusedAndXmllintAgrees() throws {
        let text = try sampleText
        let urgency = "  <速別 代碼=\"速件\"/>\n"
        let moved = text.replacingOccurrences(of: urgency, with: "").replacingOccurrences(of: "  <段落 段名=\"說明：\">", with: urgency + "  <段落 段名=\"說明：\">")
        #expect(moved != text)
        let error = refusal(moved)
        guard case let .wrongOrder(path, element, _, expected)? = error else {
            Issue.record("expected wrongOrder, got \(String(describing: error))")
            return
        }
        #expect(path == "函" && element == "速別" && expected == ["段落", "正本"])
        #expect(error?.message.zh.contains("順序不符") == true)
        let file = try folder.write(Array(moved.utf8), to: "wrong-order.di")
        #expect(try DITestLetters.xmllintValid(file).valid == false)
    }

    @Test func missingRequiredElementIsRefused() throws {
        let text = try sampleText
        guard let start = text.range(of: "  <主旨>"), let end = text.range(of: "</主旨>\n") else {
            Issue.record("no 主旨")
            return
        }
        let error = refusal(text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: ""))
        #expect(error == .missingElement(path: "函", element: "主旨"))
    }

    @Test func truncatedFileIsNotWellFormed() throws {
        let text = try sampleText
        let error = refusal(String(text.prefix(text.count / 2)))
        guard case .notWellFormed? = error else {
            Issue.record("expected notWellFormed, got \(String(describing: error))")
            return
        }
        #expect(error?.message.zh.contains("不是格式正確的 DI 檔") == true)
    }

    @Test func externalEntityInADIFileIsRefused() throws {
        let text = try sampleText.replacingOccurrences(of: "<!NOTATION", with: "<!ENTITY 密 SYSTEM \"/etc/passwd\">\n<!NOTATION")
            .replacingOccurrences(of: "<署名>議員 王○○</署名>", with: "<署名>&密;</署名>")
        #expect(refusal(text) == .entityDeclared(name: "密", kind: .external(systemID: "/etc/passwd")))
    }

    @Test func entityBombInADIFileIsRefused() throws {
        var declarations = "<!ENTITY a \"公文公文公文公文公文\">\n"
        for level in 1...12 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            declarations += "<!ENTITY a\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        let text = try sampleText.replacingOccurrences(of: "<!NOTATION", with: declarations + "<!NOTATION")
            .replacingOccurrences(of: "<署名>議員 王○○</署名>", with: "<署名>&a12;</署名>")
        let error = refusal(text)
        #expect(error == .entityDeclared(name: "a1", kind: .expanding))
        #expect(error?.message.zh == "DI 檔宣告的實體「a1」會層層展開其他實體（實體炸彈），為保護電腦已拒絕匯入。請向發文機關確認檔案來源。")
    }

    @Test func attachmentsMustBeDeclaredFilesBesideTheDocument() throws {
        let undeclared = try sampleText.replacingOccurrences(of: "附件名=\"ATTCH1 ATTCH2\"", with: "附件名=\"ATTCH1 ATTCH9\"")
        #expect(refusal(undeclared) == .attachmentNotDeclared(entity: "ATTCH9"))
        let outside = try sampleText.replacingOccurrences(of: "SYSTEM \"附件一.pdf\"", with: "SYSTEM \"../../secret.pdf\"")
        #expect(refusal(outside) == .attachmentNameUnsafe(name: "../../secret.pdf"))

        let export = try exported()
        try FileManager.default.removeItem(at: export.attachmentFiles[1])
        #expect(throws: DIExchangeError.attachmentMissing(name: "用戶代碼函.pdf", path: export.attachmentFiles[1].path)) {
            try DIFolderImport.read(export.diFile)
        }
    }

    @Test func otherDocumentKindsAndBadValuesAreRefused() throws {
        #expect(refusal("<?xml version=\"1.0\"?><簽/>") == .wrongRoot(found: "簽"))
        let date = try sampleText.replacingOccurrences(of: "中華民國108年11月12日", with: "108年13月40日")
        guard case let .invalidValue(path, value, _)? = refusal(date) else {
            Issue.record("expected invalidValue")
            return
        }
        #expect(path == "函/發文日期/年月日" && value == "108年13月40日")
        let code = try sampleText.replacingOccurrences(of: "代碼=\"速件\"", with: "代碼=\"特急件\"")
        guard case .invalidValue(path: "函/速別/@代碼", value: "特急件", line: _)? = refusal(code) else {
            Issue.record("expected invalidValue for 速別")
            return
        }
    }

    /// Found by the `di-letter` fuzz target: a 流水號 of ten digits whose first three are not the
    /// 年度 was read as a running number of ten digits, which CivicDesk's own file then wrote as
    /// `109` + `1080000001` and read back as another number; a four-digit 年度 the same way.
    @Test("文號 wider than 年度 (3 digits) + 流水號 (7 digits) is refused, not read as another number", arguments: [
        ("<年度>108</年度>", "<年度>109</年度>", "函/發文字號/文號/流水號", "1080000001"),
        ("<流水號>1080000001</流水號>", "<流水號>10800000012</流水號>", "函/發文字號/文號/流水號", "10800000012"),
        ("<流水號>1080000001</流水號>", "<流水號>12345678</流水號>", "函/發文字號/文號/流水號", "12345678"),
        ("<年度>108</年度>", "<年度>1080</年度>", "函/發文字號/文號/年度", "1080"),
        ("<支號>2</支號>", "<支號>-2</支號>", "函/發文字號/文號/支號", "-2"),
    ])
    func numberWiderThanItsFieldsIsRefused(original: String, changed: String, path: String, value: String) throws {
        let text = String(decoding: try DITestLetters.fixture("other-system/other-system.di"), as: UTF8.self)
        #expect(text.contains(original))
        guard case .invalidValue(path, value, _)? = refusal(text.replacingOccurrences(of: original, with: changed)) else {
            Issue.record("expected invalidValue at \(path)")
            return
        }
        // The seven-digit running number alone is still read, with the 年度 put before it.
        let alone = try read(text.replacingOccurrences(of: "<流水號>1080000001</流水號>", with: "<流水號>0000001</流水號>"))
        #expect(alone.letter.number == DocumentNumber(word: "○○議員", year: 108, serial: 1, branch: 2))
    }

    @Test func oversizedFileIsNotRead() throws {
        let file = folder.file("huge.di")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(DIFolderImport.maximumSize + 1))
        try handle.close()
        #expect(throws: DIExchangeError.tooLarge(path: file.path, bytes: DIFolderImport.maximumSize + 1)) { try DIFolderImport.read(file) }
    }

    @Test func folderMustHoldExactlyOneDIFile() throws {
        let empty = folder.file("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: DIExchangeError.noDIFile(folder: empty.path)) { try DIFolderImport.read(empty) }
        let export = try exported()
        try FileManager.default.copyItem(at: export.diFile, to: export.diFile.deletingLastPathComponent().appendingPathComponent("second.DI"))
        #expect(throws: DIExchangeError.severalDIFiles(folder: export.diFile.deletingLastPathComponent().path, names: ["letter.di", "second.DI"])) {
            try DIFolderImport.read(export.diFile.deletingLastPathComponent())
        }
    }
}
