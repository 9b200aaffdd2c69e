import CivicTestSupport
import Foundation
import Synchronization
import Testing

@Suite("civicdesk doc: templates, PDF, DI exchange, signed sign-off, numbering and lists", .serialized)
struct DocCommandTests {
    let cli: DocCLI

    init() throws {
        cli = try DocCLI()
    }

    @Test("every template renders (稿 and 正本) and pdftotext finds each field in layout order", arguments: DocCLI.templates)
    func renders(_ template: String) throws {
        let id = try cli.new(template, [])
        let letter = try #require(try cli.show(id)["letter"] as? [String: Any])
        for variant in ["draft", "original"] {
            let pdf = cli.folder.file("\(template)-\(variant).pdf")
            let result = try cli.doc(["render", id, "--out", pdf.path, "--variant", variant])
            #expect(result.status == 0, "\(result.error)")
            let text = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-layout", pdf.path, "-"]).output
            // pdftotext breaks long lines where the page does and spaces CJK text out: compare without white space.
            let flat = text.filter { !$0.isWhitespace }
            var fields: [String] = []
            if let sender = letter["sender"] as? [String: Any], let name = sender["name"] as? String { fields.append(name) }
            if let recipient = letter["recipient"] as? [String: Any], let name = recipient["name"] as? String { fields.append(name) }
            fields.append(try #require(letter["subject"] as? String))
            for paragraph in letter["paragraphs"] as? [[String: Any]] ?? [] {
                for item in paragraph["items"] as? [[String: Any]] ?? [] { fields.append(try #require(item["text"] as? String)) }
            }
            for original in letter["originals"] as? [[String: Any]] ?? [] { fields.append(try #require(original["name"] as? String)) }
            var cursor = flat.startIndex
            for field in fields {
                let wanted = field.filter { !$0.isWhitespace }
                let found = flat[cursor...].range(of: wanted)
                #expect(found != nil, "\(template) \(variant): 「\(field)」 not found after what came before in\n\(text)")
                if let found { cursor = found.upperBound }
            }
            #expect(flat.contains(variant == "draft" ? "稿" : "正本"))
            #expect(flat.contains("第1頁"))
        }
    }

    @Test("new → 陳核 → 核稿 → 決行 → 發文 on the card; export passes xmllint --valid and openssl cms -verify; import round-trips")
    func signOffExportImport() throws {
        let id = try cli.new()
        try cli.approve(id)
        let dispatched = try cli.sign(id, "dispatch", extra: ["--word", "議秘"])
        #expect(dispatched.status == 0, "\(dispatched.error)")
        #expect(dispatched.output.contains("議秘字第"), "\(dispatched.output)")
        let shown = try cli.show(id)
        #expect(shown["state"] as? String == "dispatched")
        #expect((shown["history"] as? [[String: Any]])?.map { $0["step"] as? String ?? "" } == ["submit", "review", "approve", "dispatch"])
        let number = try #require(shown["number"] as? String)
        #expect(number.hasPrefix("議秘字第") && number.hasSuffix("0000001號"), "\(number)")

        let verified = try cli.doc(["verify", id, "--json"])
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")

        let out = cli.folder.file("export")
        let exported = try cli.doc(["export", id, "--out", out.path])
        #expect(exported.status == 0, "\(exported.error)")
        let di = out.appendingPathComponent("\(id).di")
        let p7s = out.appendingPathComponent("\(id).p7s")
        let lint = try DocCLI.xmllintValid(di)
        #expect(lint.valid, "\(lint.output)")
        let cms = try OpenSSLCommand.status(["cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.path, "-content", di.path,
                                            "-CAfile", try trustBundle().path, "-purpose", "any", "-out", "/dev/null"])
        #expect(cms.status == 0, "\(cms.error)")
        #expect(cms.error.contains("Verification successful"), "\(cms.error)")
        let folderCheck = try cli.doc(["verify", out.path])
        #expect(folderCheck.status == 0, "\(folderCheck.output)\(folderCheck.error)")

        let imported = try cli.doc(["import", out.path, "--json"], other: true)
        #expect(imported.status == 0, "\(imported.error)")
        let importObject = try #require(try JSONSerialization.jsonObject(with: Data(imported.output.utf8)) as? [String: Any])
        #expect(importObject["signature"] as? String == "verified")
        #expect((importObject["kept"] as? [Any])?.isEmpty == true)
        let copied = try cli.doc(["show", try #require(importObject["id"] as? String), "--json"], other: true)
        let copy = try #require(try JSONSerialization.jsonObject(with: Data(copied.output.utf8)) as? [String: Any])
        #expect(NSDictionary(dictionary: try #require(copy["letter"] as? [String: Any])) == NSDictionary(dictionary: try #require(shown["letter"] as? [String: Any])))
        #expect(copy["fromAgency"] as? String == "高雄市議員〇〇服務處")
        // Imported again, as text: the letter already there, and its signature said in words.
        let again = try cli.doc(["import", out.path], other: true)
        #expect(again.status == 0 && again.output.contains("已在工作區") && again.output.contains("附帶的簽章：正確。"), "\(again.output)")
    }

    @Test("an edited signed letter: verify names the step whose signature no longer matches")
    func editedLetter() throws {
        let id = try cli.new()
        try cli.approve(id)
        // The text changed behind CivicDesk's back after 決行: the last step no longer matches.
        try cli.sql("UPDATE document_letters SET letter_json = replace(letter_json, '請查照', '請核示') WHERE id = '\(id)'")
        var result = try cli.doc(["verify", id])
        #expect(result.status == 1)
        #expect(result.output.contains("公文在「決行」"), "\(result.output)")
        // The XML kept for 核稿 edited: that step's signature no longer verifies.
        try cli.sql("UPDATE document_signoffs SET xml = CAST(replace(CAST(xml AS TEXT), '請查照', '請核示') AS BLOB) WHERE letter_id = '\(id)' AND step = 'review'")
        result = try cli.doc(["verify", id, "--json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["brokenStep"] as? String == "review", "\(result.output)")
        #expect((object["message"] as? String)?.contains("「核稿」") == true, "\(result.output)")
        // An exported DI file edited after signing.
        let fresh = try cli.new()
        try cli.approve(fresh)
        #expect(try cli.sign(fresh, "dispatch", extra: ["--word", "議秘"]).status == 0)
        let out = cli.folder.file("edited")
        #expect(try cli.doc(["export", fresh, "--out", out.path]).status == 0)
        let di = out.appendingPathComponent("\(fresh).di")
        let text = try String(contentsOf: di, encoding: .utf8)
        try text.replacingOccurrences(of: "請查照", with: "請核示").write(to: di, atomically: true, encoding: .utf8)
        let folderCheck = try cli.doc(["verify", out.path])
        #expect(folderCheck.status == 1)
        #expect(folderCheck.output.contains("簽章後被修改過"), "\(folderCheck.output)")
    }

    @Test("four processes dispatching at once get consecutive numbers, none twice, none skipped")
    func concurrentDispatch() throws {
        let ids = try (0..<4).map { _ in try cli.new() }
        for id in ids { try cli.approve(id) }
        let tokens = ["lead", "clerk", "admin", "lead"]
        let results = Mutex<[Int: DocCLI.Run]>([:])
        let runner = cli
        DispatchQueue.concurrentPerform(iterations: ids.count) { index in
            let result = (try? runner.sign(ids[index], "dispatch", token: tokens[index], extra: ["--word", "議秘"])) ?? (-1, "", "did not run")
            results.withLock { $0[index] = result }
        }
        var serials: [Int] = []
        for (index, id) in ids.enumerated() {
            let result = try #require(results.withLock { $0[index] })
            #expect(result.status == 0, "\(tokens[index]): \(result.error)")
            let number = try #require(try cli.show(id)["number"] as? String)
            serials.append(try #require(Int(number.dropFirst("議秘字第".count + 3).dropLast())))
        }
        #expect(serials.sorted() == [1, 2, 3, 4], "\(serials)")
    }

    @Test("the lists: 主辦 holds every letter, 待核 those sent up, with the seed's columns; overdue marked")
    func lists() throws {
        let drafted = try cli.new()
        let sent = try cli.new()
        #expect(try cli.sign(sent, "submit").status == 0)
        try cli.sql("UPDATE document_letters SET deadline = '2020-01-02' WHERE id = '\(sent)'")
        let own = try cli.doc(["list", "--box", "own"])
        #expect(own.status == 0)
        #expect(own.output.contains("公文文號\t主旨\t收創時間\t來文機關\t限辦日期\t狀態"), "\(own.output)")
        #expect(own.output.contains(drafted) && own.output.contains(sent))
        let pending = try cli.doc(["list", "--box", "pending", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(pending.output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == [sent])
        #expect(rows.first?["overdue"] as? Bool == true)
        #expect(rows.first?["deadline"] as? String == "109/01/02")
        #expect(rows.first?["state"] as? String == "陳核")
        #expect(rows.first?["fromAgency"] as? String == "無")
    }

    @Test("render into folders that do not exist yet: they are made for the owner only (0700) and the PDF written whole")
    func renderIntoNewFolders() throws {
        let id = try cli.new()
        let pdf = cli.folder.file("letters/115/函.pdf")
        let result = try cli.doc(["render", id, "--out", pdf.path])
        #expect(result.status == 0, "\(result.error)")
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.starts(with: Data("%PDF-".utf8)) && String(decoding: bytes.suffix(16), as: UTF8.self).contains("%%EOF"))
        for (path, mode) in [("letters", 0o700), ("letters/115", 0o700), ("letters/115/函.pdf", 0o600)] {
            let attributes = try FileManager.default.attributesOfItem(atPath: cli.folder.file(path).path)
            #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == mode, "\(path)")
        }
        // A folder that cannot be made (a file is in its way): refused in Chinese, nothing written.
        let blocked = pdf.appendingPathComponent("x.pdf")
        let refused = try cli.doc(["render", id, "--out", blocked.path])
        #expect(refused.status == 1)
        #expect(refused.error.contains("無法寫入「\(blocked.path)」"), "\(refused.error)")
        #expect(try Data(contentsOf: pdf) == bytes)
    }

    @Test("收創時間 in the list is Taiwan time whatever TZ the letter was made and listed under (UTC, America/New_York)")
    func listInTaiwanTime() throws {
        for zone in ["UTC", "America/New_York"] {
            let made = try cli.doc(["new", "--template", "xca-application"], setting: ["TZ": zone])
            #expect(made.status == 0, "\(made.error)")
        }
        var lists: [String: [String: String]] = [:]
        for zone in ["UTC", "America/New_York", "Asia/Taipei"] {
            let result = try cli.doc(["list", "--json"], setting: ["TZ": zone])
            #expect(result.status == 0, "\(result.error)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
            lists[zone] = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as? String ?? "", $0["createdAt"] as? String ?? "") })
        }
        #expect(lists["UTC"]?.count == 2)
        #expect(lists["UTC"] == lists["America/New_York"] && lists["UTC"] == lists["Asia/Taipei"], "\(lists)")
        for (id, shown) in lists["UTC"] ?? [:] {
            // The stored time (RFC 3339, in the offset it was made in) read on Taiwan's clock, by Foundation.
            let stored = try #require(try cli.show(id)["createdAt"] as? String)
            let instant = try #require(ISO8601DateFormatter().date(from: stored.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(identifier: "Asia/Taipei"))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
            let taiwan = String(format: "%03d/%02d/%02d %02d:%02d:%02d", (parts.year ?? 0) - 1911, parts.month ?? 0, parts.day ?? 0,
                                parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
            #expect(shown == taiwan, "\(id): \(stored)")
        }
    }

    /// The test PKI's CAs in one file, for `openssl cms -verify -CAfile`.
    func trustBundle() throws -> URL {
        let folder = TestPKI.url("trust")
        let pems = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pem") }.sorted()
        let bundle = try pems.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        let file = cli.folder.file("trust-bundle.pem")
        try bundle.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
