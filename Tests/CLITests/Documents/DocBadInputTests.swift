import CivicTestSupport
import Foundation
import Testing

@Suite("civicdesk doc: bad input is refused with a clear message and loses nothing", .serialized)
struct DocBadInputTests {
    let cli: DocCLI

    init() throws {
        cli = try DocCLI()
    }

    /// `arguments` exit with `status` and say each of `words` on standard error (or output).
    func expectRefused(_ arguments: [String], saying words: [String], status: Int32 = 1, input: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try cli.doc(arguments, input: input)
        #expect(result.status == status, "\(result.output)\(result.error)", sourceLocation: sourceLocation)
        for word in words {
            #expect((result.error + result.output).contains(word), "\(result.output)\(result.error)", sourceLocation: sourceLocation)
        }
    }

    /// Nothing was stored by a refused `doc new`.
    func expectNoLetters(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let list = try cli.doc(["list", "--json"])
        #expect(list.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(list.output)", sourceLocation: sourceLocation)
    }

    @Test("missing, over-long, numbered, several-paragraph and control-character fields; an unknown template or field")
    func badFields() throws {
        let new = ["new", "--template", "xca-application", "--set"]
        try expectRefused(new + ["subject="], saying: ["主旨（subject）", "請填寫主旨"])
        try expectRefused(new + ["subject=" + String(repeating: "長", count: 301)], saying: ["主旨（subject）", "300"])
        try expectRefused(new + ["subject=一、檢送申請書"], saying: ["主旨不分項、不編號"])
        try expectRefused(new + ["subject=第一段\n第二段"], saying: ["主旨（subject）"])
        try expectRefused(new + ["contact.clerk=王\u{07}小明"], saying: ["承辦人（contact.clerk）"])
        try expectRefused(new + ["sender.nmae=某機關"], saying: ["sender.nmae"])
        try expectRefused(new + ["subject[=x"], saying: ["subject[", "不是可設定的欄位"])
        try expectRefused(["new", "--template", "no-such"], saying: ["沒有名為「no-such」的範本", "xca-application"])
        try expectRefused(["new", "--template", "xca-application", "--set", "subject"], saying: ["--set 要寫成 欄位=值"], status: 2)
        try expectNoLetters()
    }

    @Test("text that would break XML (<, &, quotes) is escaped: the export passes xmllint and imports back the same")
    func markupInText() throws {
        let subject = #"檢送<申請書>&"附件"，請查照。"#
        let id = try cli.new("xca-application", ["--set", "subject=" + subject])
        let out = cli.folder.file("markup")
        #expect(try cli.doc(["export", id, "--out", out.path]).status == 0)
        let lint = try DocCLI.xmllintValid(out.appendingPathComponent("\(id).di"))
        #expect(lint.valid, "\(lint.output)")
        let imported = try cli.doc(["import", out.path], other: true)
        #expect(imported.status == 0, "\(imported.error)")
        let copy = try cli.doc(["show", imported.output.split(separator: "\n").first.map(String.init) ?? "", "--json"], other: true)
        #expect(copy.output.contains(#"檢送<申請書>&\"附件\"，請查照。"#), "\(copy.output)")
    }

    @Test("an attachment that is not there: the export is refused and writes nothing")
    func missingAttachment() throws {
        let id = try cli.new("xca-application", ["--set", "attachments.files[0].fileName=附件一.pdf"])
        let out = cli.folder.file("attachment")
        try expectRefused(["export", id, "--out", out.path], saying: ["附件一.pdf"])
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(left.isEmpty, "\(left)")
    }

    @Test("wrong step, untrusted card, --word before dispatch, unknown letter")
    func badSignOff() throws {
        let id = try cli.new()
        let review = try cli.sign(id, "review")
        #expect(review.status == 1)
        #expect(review.error.contains("公文目前在「創稿」，不能核稿"), "\(review.error)")
        let untrusted = try cli.sign(id, "submit", token: "untrusted")
        #expect(untrusted.status == 1)
        #expect(untrusted.error.contains("不是由信任的憑證管理中心簽發"), "\(untrusted.error)")
        try expectRefused(["sign", id, "--step", "submit", "--token", "pkcs11:token=lead", "--word", "議秘", "--pin-stdin"],
                          saying: ["--word 只在 --step dispatch"], status: 2, input: DocCLI.pin + "\n")
        try expectRefused(["sign", id, "--step", "publish", "--token", "pkcs11:token=lead"], saying: ["--step 只能是"], status: 2)
        try expectRefused(["show", "1159999999"], saying: ["工作區沒有編號 1159999999 的公文"])
        #expect((try cli.show(id)["history"] as? [Any])?.isEmpty == true, "nothing recorded")
    }

    /// A letter taken through 發文 under 議秘 and exported with its signature; its id and folder.
    func dispatchedExport(_ name: String) throws -> (id: String, folder: URL) {
        let id = try cli.new()
        try cli.approve(id)
        #expect(try cli.sign(id, "dispatch", extra: ["--word", "議秘"]).status == 0)
        let out = cli.folder.file(name)
        #expect(try cli.doc(["export", id, "--out", out.path]).status == 0)
        return (id, out)
    }

    @Test("the same letter imported again (its own export, or one file twice elsewhere): named as already there, exit 0, no copy")
    func sameLetterAgain() throws {
        let (id, out) = try dispatchedExport("again")
        let before = try cli.doc(["list", "--json"]).output
        let again = try cli.doc(["import", out.path])
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.split(separator: "\n").first.map(String.init) == id, "\(again.output)")
        #expect(again.output.contains("已在工作區，編號 \(id)，內容相同，未重複匯入"), "\(again.output)")
        let json = try cli.doc(["import", out.appendingPathComponent("\(id).di").path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["id"] as? String == id && object["alreadyThere"] as? Bool == true && object["signature"] as? String == "verified")
        #expect(try cli.doc(["list", "--json"]).output == before, "no copy stored")

        // Another office receiving it twice: the first import stores it, the second names that one.
        let first = try cli.doc(["import", out.path, "--json"], other: true)
        let firstObject = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        #expect(firstObject["alreadyThere"] as? Bool == false)
        let second = try cli.doc(["import", out.path], other: true)
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.contains("已在工作區，編號 \(try #require(firstObject["id"] as? String))"), "\(second.output)")
        let rows = try JSONSerialization.jsonObject(with: Data(try cli.doc(["list", "--json"], other: true).output.utf8)) as? [Any]
        #expect(rows?.count == 1)
    }

    @Test("a different letter claiming a number this workspace gave is refused by name and stores nothing")
    func numberAlreadyUsed() throws {
        let (id, out) = try dispatchedExport("changed")
        let before = try cli.doc(["list", "--json"]).output
        // The same 發文字號 on another text.
        let di = out.appendingPathComponent("\(id).di")
        let text = try String(contentsOf: di, encoding: .utf8)
        try text.replacingOccurrences(of: "請查照", with: "請核示").write(to: di, atomically: true, encoding: .utf8)
        try expectRefused(["import", out.path], saying: ["發文字號 議秘字第", "已由公文 \(id) 使用，同一字號不能重複"])
        // The same text, but a signature that is none of the letter's own (another letter's).
        try text.write(to: di, atomically: true, encoding: .utf8)
        let (other, otherOut) = try dispatchedExport("other")
        try FileManager.default.removeItem(at: out.appendingPathComponent("\(id).p7s"))
        try FileManager.default.copyItem(at: otherOut.appendingPathComponent("\(other).p7s"), to: out.appendingPathComponent("\(id).p7s"))
        try expectRefused(["import", out.path], saying: ["已由公文 \(id) 使用"])
        let after = try JSONSerialization.jsonObject(with: Data(try cli.doc(["list", "--json"]).output.utf8)) as? [Any]
        let earlier = try JSONSerialization.jsonObject(with: Data(before.utf8)) as? [Any]
        #expect(after?.count == (earlier?.count ?? 0) + 1, "only the second dispatched letter was added")
    }

    @Test("doc --help and each subcommand's help name their values; usage errors go out in Traditional Chinese")
    func helpAndUsageErrors() throws {
        let top = try cli.doc(["--help"])
        #expect(top.status == 0 && top.output.contains("公文製作") && top.output.contains("--pin-stdin"), "\(top.output)")
        let helps = [("new", ["以範本建立新公文", "--set <field=value>"]), ("validate", ["檢查公文的 JSON 檔"]), ("show", ["顯示公文"]),
                     ("render", ["--out <file.pdf>", "--variant <draft|original>", "0700"]), ("export", ["--out <dir>", "0700"]),
                     ("import", ["alreadyThere", "not stored twice"]),
                     ("sign", ["--step <submit|review|approve|dispatch>", "--word <字>", "the signer's"]),
                     ("verify", ["簽章不符時指出是哪一步"]), ("list", ["--box <own|countersign|pending>", "收創時間"])]
        for (command, words) in helps {
            let help = try cli.doc([command, "--help"])
            #expect(help.status == 0)
            for word in words { #expect(help.output.contains(word), "\(command): \(word)\n\(help.output)") }
        }
        let usage = [(["render", "1150000001"], "錯誤：缺少 --out <file.pdf>。"),
                     (["list", "--bogus"], "錯誤：不認得的選項 --bogus；是要用 --box 嗎？"),
                     (["show", "1150000001", "extra"], "錯誤：多了一個參數「extra」。"),
                     (["list", "--box", "mine"], "錯誤：--box 只能是 own（主辦）")]
        for (arguments, message) in usage {
            let result = try cli.doc(arguments)
            #expect(result.status == 2)
            #expect(result.error.contains(message) && result.error.contains("用法：civicdesk doc"), "\(result.error)")
            #expect(!result.error.contains("Error:") && !result.error.contains("See '"), "\(result.error)")
        }
        // English where the locale asks for it.
        let english = try cli.doc(["render", "1150000001"], setting: ["LANG": "en_US.UTF-8"])
        #expect(english.status == 2 && english.error.contains("Error: Missing expected argument '--out <file.pdf>'"), "\(english.error)")
    }

    /// The exported DI file of a fresh letter, as text, and its folder.
    func exportedText() throws -> (text: String, folder: URL) {
        let id = try cli.new("xca-application", ["--set", "urgency=速件"])
        let out = cli.folder.file("source")
        #expect(try cli.doc(["export", id, "--out", out.path]).status == 0)
        return (try String(contentsOf: out.appendingPathComponent("\(id).di"), encoding: .utf8), out)
    }

    func importText(_ text: String, saying words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = cli.folder.file("bad-\(UUID().uuidString.prefix(6)).di")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try expectRefused(["import", file.path], saying: words, sourceLocation: sourceLocation)
    }

    @Test("DI files: not well-formed, wrong order, an external entity, an entity bomb — each refused by name")
    func badDIFiles() throws {
        let (text, _) = try exportedText()
        let before = try cli.doc(["list", "--json"]).output
        /// `text` with `declarations` in its DOCTYPE's internal subset.
        func declaring(_ declarations: String) -> String {
            text.replacingOccurrences(of: #"SYSTEM "104_2_utf8.dtd">"#, with: "SYSTEM \"104_2_utf8.dtd\" [\n\(declarations)]>")
        }
        #expect(declaring("").contains("<!DOCTYPE 函 SYSTEM \"104_2_utf8.dtd\" [\n]>"), "\(text.prefix(200))")
        try importText(String(text.prefix(text.count / 2)), saying: ["這不是格式正確的 DI 檔"])
        let urgency = try #require(text.range(of: #"<速別[^>]*/>"#, options: .regularExpression))
        let paragraph = try #require(text.range(of: "<段落"))
        let moved = String(text[..<urgency.lowerBound]) + text[urgency.upperBound..<paragraph.lowerBound] + text[urgency] + text[paragraph.lowerBound...]
        try importText(moved, saying: ["順序不符 104_2_utf8.dtd"])
        try importText(declaring("<!ENTITY leak SYSTEM \"/etc/passwd\">\n").replacingOccurrences(of: "<地址>", with: "<地址>&leak;"),
                       saying: ["要求讀取外部實體", "/etc/passwd"])
        var bomb = "<!ENTITY a \"公文公文公文公文公文\">\n"
        for level in 1...9 { bomb += "<!ENTITY a\(level) \"" + String(repeating: level == 1 ? "&a;" : "&a\(level - 1);", count: 10) + "\">\n" }
        try importText(declaring(bomb).replacingOccurrences(of: "<地址>", with: "<地址>&a9;"), saying: ["實體炸彈"])
        #expect(try cli.doc(["list", "--json"]).output == before, "nothing imported")
    }

    /// libxml2 prints a failed conversion to stderr, quoting the file's bytes, whatever the
    /// parser's options; only CivicDesk's own message may reach the terminal.
    @Test("a DI file whose bytes break its declared Big5: one message of CivicDesk's, nothing printed by libxml2")
    func badEncoding() throws {
        let file = cli.folder.file("bad-big5.di")
        try Data("<?xml version=\"1.0\" encoding=\"Big5\"?>\n<函><主旨><文字>".utf8 + [0xFF, 0xFF, 0x80]
                 + "壞</文字></主旨></函>\n".utf8).write(to: file)
        let result = try cli.doc(["import", file.path])
        #expect(result.status == 1 && result.error.contains("這不是格式正確的 DI 檔"), "\(result.error)")
        #expect(result.error.contains("內容與宣告的文字編碼不符"), "\(result.error)")
        #expect(!result.error.contains("encoding error") && !result.error.contains("I/O error"), "\(result.error)")
        #expect(!result.error.contains("UTF-8") || result.error.contains("宣告 UTF-8"), "libxml2's English stays out: \(result.error)")
        #expect(result.error.split(separator: "\n").count == 1, "\(result.error)")
    }

    @Test("another tool's DI file: elements without a field are kept and reported, never dropped")
    func otherSystem() throws {
        let fixture = DocCLI.repository.appendingPathComponent("Tests/CivicDocumentExchangeTests/Fixtures/other-system")
        let result = try cli.doc(["import", fixture.path, "--json"])
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let kept = try #require(object["kept"] as? [[String: Any]])
        #expect(!kept.isEmpty)
        #expect(kept.contains { ($0["markup"] as? String)?.contains("LINE") == true }, "\(kept)")
        let shown = try cli.show(try #require(object["id"] as? String))
        #expect((shown["kept"] as? [Any])?.count == kept.count)
        #expect(shown["fromAgency"] as? String == "高雄市議員○○服務處")
        let text = try cli.doc(["import", fixture.path])
        #expect(text.output.contains("另外保留（CivicDesk 沒有這個欄位）"), "\(text.output)")
    }
}
