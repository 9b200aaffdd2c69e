import CivicCore
import CivicTestSupport
import Foundation
import Testing
@testable import CivicDocumentExchange

/// Export: the folder holds one DI file valid under the local DTD copies, its attachments and,
/// when signed, a detached signature OpenSSL accepts over the exact bytes written.
@Suite("DI 檔匯出")
struct DIExportTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// The sample's attachment files, in a folder of their own.
    func attachmentSource() throws -> (AttachmentFile) -> URL {
        let store = folder.file("store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        for (index, file) in DITestLetters.sample.attachments.files.enumerated() {
            try Data("%PDF-1.4 附件 \(index)".utf8).write(to: store.appendingPathComponent(file.fileName))
        }
        return { store.appendingPathComponent($0.fileName) }
    }

    @Test func folderHoldsTheDIFileAndItsAttachments() throws {
        let out = folder.file("out")
        let result = try DIFolderExport.export(DITestLetters.sample, to: out, baseName: "1080000001", attachmentSource: try attachmentSource())
        #expect(result.diFile == out.appendingPathComponent("1080000001.di"))
        #expect(result.signatureFile == nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["1080000001.di", "附件一.pdf", "用戶代碼函.pdf"].sorted())
        #expect(Array(try Data(contentsOf: result.diFile)) == result.bytes)
        #expect(try String(contentsOf: out.appendingPathComponent("附件一.pdf"), encoding: .utf8) == "%PDF-1.4 附件 0")
        let check = try DITestLetters.xmllintValid(result.diFile)
        #expect(check.valid, "\(check.output)")
    }

    @Test func fileHasTheDoctypeEntitiesAndFixedOrder() throws {
        let text = String(decoding: try DILetterWriter.document(for: DITestLetters.sample), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE 函 SYSTEM \"104_2_utf8.dtd\" ["))
        #expect(text.contains("<!ENTITY ATTCH1 SYSTEM \"附件一.pdf\" NDATA DI>"))
        #expect(text.contains("<!ENTITY ATTCH2 SYSTEM \"用戶代碼函.pdf\" NDATA DI>"))
        #expect(text.contains("<!NOTATION DI SYSTEM \"\" >") || text.contains("<!NOTATION DI SYSTEM \"\">"))
        #expect(text.contains("<附件檔名 附件名=\"ATTCH1 ATTCH2\"/>"))
        #expect(text.contains("<條列 序號=\"（一）\">"))
        #expect(text.contains("&lt;附註&gt; &amp; 引號\""))
        let order = ["<發文機關>", "<函類別", "<地址>", "<聯絡方式>承辦人：王小明", "<聯絡方式>電話：", "<受文者>", "<發文日期>",
                     "<發文字號>", "<速別", "<密等及解密條件或保密期限>", "<附件>", "<主旨>", "<段落 段名=\"說明：\"",
                     "<段落 段名=\"辦法：\"", "<正本>", "<副本>", "<署名>"]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "\(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
    }

    /// An empty draft still makes a file the DTD accepts; so does each letter shape below.
    @Test("每個匯出檔都通過 xmllint --valid", arguments: ["sample", "empty", "long", "noAttachmentFiles", "unnumbered"])
    func everyExportIsValid(shape: String) throws {
        var letter = DITestLetters.sample
        switch shape {
        case "empty": letter = OfficialLetter()
        case "long": letter = DITestLetters.long(items: 60)
        case "noAttachmentFiles": letter.attachments.files = []
        case "unnumbered":
            letter.number = nil
            letter.date = nil
            letter.urgency = nil
            letter.classification = nil
            letter.copies = []
        default: break
        }
        let out = folder.file(shape)
        let result = try DIFolderExport.export(letter, to: out, baseName: shape, attachmentSource: try attachmentSource())
        let check = try DITestLetters.xmllintValid(result.diFile)
        #expect(check.valid, "\(check.output)")
    }

    @Test func signedExportCarriesADetachedSignatureOverTheBytesWritten() throws {
        let out = folder.file("signed")
        let base = "people/lead/sign"
        let result = try DIFolderExport.export(DITestLetters.sample, to: out, baseName: "letter", attachmentSource: try attachmentSource()) { bytes in
            try CMSSignCommand.sign(bytes, certificate: TestPKI.url("\(base).pem"), key: TestPKI.url("\(base).key"), scratch: folder)
        }
        let signature = try #require(result.signatureFile)
        #expect(signature.lastPathComponent == "letter.p7s")
        let anchors = try folder.write(TestPKI.bytes("ca/root.pem") + TestPKI.bytes("ca/moica.pem"), to: "ca.pem")
        let verify = try OpenSSLCommand.status(["cms", "-verify", "-binary", "-inform", "DER", "-in", signature.path,
                                                "-content", result.diFile.path, "-CAfile", anchors.path, "-out", "/dev/null"])
        #expect(verify.status == 0, "\(verify.error)")
    }

    @Test func missingAttachmentLeavesNothingBehind() throws {
        let out = folder.file("missing")
        #expect(throws: DIExchangeError.attachmentMissing(name: "附件一.pdf", path: folder.file("nowhere/附件一.pdf").path)) {
            try DIFolderExport.export(DITestLetters.sample, to: out, baseName: "letter",
                                      attachmentSource: { folder.file("nowhere").appendingPathComponent($0.fileName) })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])
    }

    @Test func failedSignatureLeavesNothingBehind() throws {
        struct CardRemoved: Error {}
        let out = folder.file("unsigned")
        #expect(throws: CardRemoved.self) {
            try DIFolderExport.export(DITestLetters.sample, to: out, baseName: "letter", attachmentSource: try attachmentSource()) { _ in
                throw CardRemoved()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])
    }

    @Test func controlCharacterIsRefusedWithItsField() throws {
        var letter = DITestLetters.sample
        letter.subject = "主旨\u{0001}"
        let error = #expect(throws: DIExchangeError.self) { try DILetterWriter.document(for: letter) }
        #expect(error == .textNotAllowed(field: "函/主旨/文字", value: "主旨\u{0001}"))
        #expect(error?.message.zh.contains("控制字元") == true)
    }

    @Test func attachmentNamedTwiceIsRefused() throws {
        var letter = DITestLetters.sample
        letter.attachments.files = [AttachmentFile(fileName: "附件.pdf"), AttachmentFile(fileName: "附件.pdf")]
        let out = folder.file("twice")
        let error = #expect(throws: DIExchangeError.self) {
            try DIFolderExport.export(letter, to: out, baseName: "letter", attachmentSource: { folder.file($0.fileName) })
        }
        #expect(error == .attachmentNameRepeated(name: "附件.pdf"))
        #expect(error?.message.zh.contains("重複") == true)
    }

    @Test func attachmentNameThatLeavesTheFolderIsRefused() throws {
        var letter = DITestLetters.sample
        letter.attachments.files = [AttachmentFile(fileName: "../etc/passwd")]
        #expect(throws: DIExchangeError.attachmentNameUnsafe(name: "../etc/passwd")) { try DILetterWriter.document(for: letter) }
    }
}
