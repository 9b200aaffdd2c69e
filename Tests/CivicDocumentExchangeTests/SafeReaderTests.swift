import Foundation
import Testing
@testable import CivicDocumentExchange

/// The reader under hostile input: nothing external is read, no entity is expanded, and each
/// refusal is the typed error its message is made from.
@Suite("DI 檔安全讀取")
struct SafeReaderTests {
    static func refusal(_ xml: String) -> DIExchangeError? {
        refusal(bytes: Array(xml.utf8))
    }

    static func refusal(bytes: [UInt8]) -> DIExchangeError? {
        do {
            try XMLSafeReader.read(bytes) { _, _ in }
            return nil
        } catch {
            return error
        }
    }

    @Test func billionLaughsIsNamedAnEntityBomb() {
        var declarations = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE 函 [\(declarations)]><函>&lol9;</函>"
        let error = Self.refusal(xml)
        #expect(error == .entityDeclared(name: "lol1", kind: .expanding))
        #expect(error?.message.zh.contains("實體炸彈") == true)
    }

    @Test func quadraticBlowupIsRefusedBeforeAnyReference() {
        let big = String(repeating: "公文", count: 50_000)
        let xml = "<!DOCTYPE 函 [<!ENTITY a \"\(big)\">]><函>" + String(repeating: "&a;", count: 10_000) + "</函>"
        #expect(Self.refusal(xml) == .entityDeclared(name: "a", kind: .internal))
    }

    @Test func externalEntityIsNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("dixml-secret-\(UUID().uuidString).txt")
        try Data("機密".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = "<!DOCTYPE 函 [<!ENTITY xxe SYSTEM \"\(secret.absoluteString)\">]><函>&xxe;</函>"
        let error = Self.refusal(xml)
        #expect(error == .entityDeclared(name: "xxe", kind: .external(systemID: secret.absoluteString)))
        #expect(error?.message.zh.contains("外部實體") == true)
    }

    @Test func parameterEntityIsRefused() {
        let xml = #"<!DOCTYPE 函 [<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote;]><函/>"#
        #expect(Self.refusal(xml) == .entityDeclared(name: "remote", kind: .parameter))
    }

    @Test func externalDTDIsNotLoaded() throws {
        // A DTD that would declare an entity bomb if it were read.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixml-dtd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dtd = folder.appendingPathComponent("evil.dtd")
        try Data(#"<!ENTITY % x SYSTEM "file:///etc/passwd"> %x;"#.utf8).write(to: dtd)
        let xml = "<!DOCTYPE 函 SYSTEM \"\(dtd.path)\"><函><主旨/></函>"
        let name = try XMLSafeReader.read(Array(xml.utf8)) { root, info in (root.name, info.doctypeName) }
        #expect(name.0 == "函")
        #expect(name.1 == "函")
    }

    @Test func unparsedEntitiesAreTheAttachments() throws {
        let xml = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE 函 SYSTEM "104_2_utf8.dtd" [
        <!ENTITY ATTCH1 SYSTEM "附件一.pdf" NDATA DI>
        <!NOTATION DI SYSTEM "">
        ]>
        <函><附件><文字>申請書</文字><附件檔名 附件名="ATTCH1"/></附件></函>
        """#
        let systemID = try XMLSafeReader.read(Array(xml.utf8)) { _, info in info.unparsedEntitySystemID("ATTCH1") }
        #expect(systemID == "附件一.pdf")
    }

    @Test func malformedFileNamesItsLine() {
        let error = Self.refusal("<?xml version=\"1.0\"?>\n<函>\n<主旨><文字>甲 & 乙</文字></主旨>\n</函>")
        guard case let .notWellFormed(line, detail)? = error else {
            Issue.record("expected notWellFormed, got \(String(describing: error))")
            return
        }
        #expect(line == 3)
        // libxml2's English stays in the English message; the Chinese one says what is wrong in Chinese.
        #expect(detail.en.contains("EntityRef"), "\(detail.en)")
        #expect(detail.zh == "此處應有標籤或實體的名稱（文字中的 & 應寫成 &amp;）")
        #expect(error?.message.zh.contains("第 3 行") == true)
        #expect(error?.message.zh.contains("EntityRef") == false)
    }

    /// Bytes that break the declared Big5 stop libxml2's conversion; what the parser says of the
    /// garbled rest follows from that, so the message names the encoding.
    @Test func brokenEncodingIsNamedAsSuch() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"Big5\"?>\n<函><主旨><文字>".utf8) + [0xFF, 0xFF, 0x80]
            + Array("壞</文字></主旨></函>\n".utf8)
        let error = Self.refusal(bytes: bytes)
        guard case let .notWellFormed(line, detail)? = error else {
            Issue.record("expected notWellFormed, got \(String(describing: error))")
            return
        }
        #expect(line == 2)
        #expect(detail.zh.hasPrefix("內容與宣告的文字編碼不符"), "\(detail.zh)")
    }

    @Test func truncatedTagSaysSo() {
        guard case let .notWellFormed(_, detail)? = Self.refusal("<?xml version=\"1.0\"?>\n<函><主旨><文字>好</文字></主旨") else {
            Issue.record("expected notWellFormed")
            return
        }
        #expect(detail.zh == "標籤沒有寫完，檔案可能被截斷", "\(detail.zh)")
    }

    /// A code without words of its own keeps libxml2's text, on one line, after the code.
    @Test func unlistedErrorKeepsLibraryText() {
        let detail = XMLSyntaxDetail.of(code: 9999, libraryText: "Something odd\nBytes: 0xFF\n")
        #expect(detail.en == "Something odd Bytes: 0xFF")
        #expect(detail.zh == "XML 語法錯誤（libxml2 代碼 9999：Something odd Bytes: 0xFF）")
    }

    @Test func emptyFileIsNotWellFormed() {
        guard case .notWellFormed? = Self.refusal("") else {
            Issue.record("expected notWellFormed")
            return
        }
    }

    @Test func undeclaredEntityReferenceIsRefused() throws {
        // With an external subset named but unread, libxml2 leaves the reference in the tree.
        let xml = #"<!DOCTYPE 函 SYSTEM "104_2_utf8.dtd"><函><主旨>&未知;</主旨></函>"#
        let children = try XMLSafeReader.read(Array(xml.utf8)) { root, _ -> [String] in
            guard case let .element(subject)? = root.children.first else { return [] }
            return subject.children.map {
                if case let .entityReference(name) = $0 { return "&" + name }
                return "other"
            }
        }
        #expect(children == ["&未知"])
    }
}
