import CivicTestSupport
import Foundation
import Testing

/// `civicdesk registry …` end to end with real SoftHSM2 tokens; every refusal exits 1 with its
/// message in Chinese and leaves the workspace as it was.
@Suite("civicdesk registry", .serialized)
struct RegistryCommandTests {
    @Test("首次註冊 end to end: registered, recorded, queried, logged")
    func registration() throws {
        let cli = try RegistryCLI()
        let result = try cli.register()
        #expect(result.status == 0, "\(result.error)")
        let json = try RegistryCLI.json(result.output)
        #expect(json["state"] as? String == "registered")
        #expect(json["agencyOID"] as? String == "2.16.886.101.20003.20065.20001")
        #expect(json["agencyKind"] as? String == "government")
        #expect(json["administratorSerial"] as? String == (try RegistryCLI.serial("people/admin/sign.pem")))
        #expect(try cli.records() == ["首次註冊"])
        #expect(try cli.records("20001") == [])

        let again = try cli.register()
        #expect(again.status == 1)
        #expect(again.error.contains("已由機關代號 10001 完成註冊"), "\(again.error)")

        let oid = try cli.registry(["oid", "--agency-token", RegistryCLI.token("xca"), "--json"], pins: 1)
        #expect(oid.status == 0, "\(oid.error)")
        #expect(try RegistryCLI.json(oid.output)["oid"] as? String == "2.16.886.111.90010.90003")
        #expect(try RegistryCLI.json(oid.output)["agencyName"] as? String == "社團法人台灣公民科技協會")
        let serial = try cli.registry(["serial", "--token", RegistryCLI.token("clerk"), "--id", "E224613579", "--json"], pins: 1)
        #expect(serial.status == 0, "\(serial.error)")
        #expect(try RegistryCLI.json(serial.output)["name"] as? String == "張雅婷")
        #expect(try RegistryCLI.json(serial.output)["serial"] as? String == (try RegistryCLI.serial("people/clerk/sign.pem")))

        let log = try cli.registry(["log", "verify", "--json"])
        #expect(log.status == 0, "\(log.error)")
        #expect(try RegistryCLI.json(log.output)["entries"] as? Int == 1)
    }

    @Test("an agency the directory does not know: the applicant's details are asked, then 待審核 until a reviewer approves")
    func pendingThenApproved() throws {
        let cli = try RegistryCLI()
        let asked = try cli.register(code: "10002", agency: "gca-unlisted")
        #expect(asked.status == 1)
        #expect(asked.error.contains("貴機關申請憑證註冊，因申請資料比對不符，需進行審核，請填聯絡資料"), "\(asked.error)")
        #expect(try cli.records("10002") == [])

        let applicant = ["--applicant-name", "王小明", "--applicant-phone", "(02)2345-6789"]
        let pending = try cli.register(code: "10002", agency: "gca-unlisted", extra: applicant)
        #expect(pending.status == 0, "\(pending.error)")
        let json = try RegistryCLI.json(pending.output)
        #expect(json["state"] as? String == "pending-review")
        #expect(json["reason"] as? String == "unknown-code")
        #expect(json["applicantName"] as? String == "王小明")
        #expect(try cli.records("10002") == [])

        let whilePending = try cli.register(code: "10002", agency: "gca-unlisted", extra: applicant)
        #expect(whilePending.status == 1)
        #expect(whilePending.error.contains("審核中"), "\(whilePending.error)")

        let notReviewer = try cli.registry(["review", "approve", "--agency-code", "10002", "--reviewer-token", RegistryCLI.token("clerk")], pins: 1)
        #expect(notReviewer.status == 1)
        #expect(notReviewer.error.contains("不是設定中登錄的審核人員憑證"), "\(notReviewer.error)")

        let approved = try cli.registry(["review", "approve", "--agency-code", "10002", "--reviewer-token", RegistryCLI.token("other")], pins: 1)
        #expect(approved.status == 0, "\(approved.error)")
        #expect(try cli.records("10002") == ["首次註冊"])
        let log = try cli.registry(["log", "verify", "--json"])
        #expect(try RegistryCLI.json(log.output)["entries"] as? Int == 2, "\(log.output)")
    }

    @Test("a card whose OID differs from the directory's: 待審核, and a rejection leaves the office unregistered")
    func oidMismatchRejected() throws {
        let cli = try RegistryCLI()
        let pending = try cli.register(agency: "xca", extra: ["--applicant-name", "王小明", "--applicant-phone", "0912-345-678"])
        #expect(pending.status == 0, "\(pending.error)")
        #expect(try RegistryCLI.json(pending.output)["reason"] as? String == "oid-mismatch")
        let rejected = try cli.registry(["review", "reject", "--agency-code", "10001", "--reviewer-token", RegistryCLI.token("other")], pins: 1)
        #expect(rejected.status == 0, "\(rejected.error)")
        #expect(rejected.output.contains("審核不通過"))
        #expect(try cli.records() == [])
        let none = try cli.registry(["review", "approve", "--agency-code", "10001", "--reviewer-token", RegistryCLI.token("other")], pins: 1)
        #expect(none.status == 1)
        #expect(none.error.contains("沒有待審核的申請"))
    }

    @Test("cards of the wrong kind, expired, untrusted, a wrong PIN: refused, nothing registered", arguments: [
        ("admin", "admin", "這張卡片不是機關憑證", 0),
        ("gca", "xca", "這是機關憑證，不是自然人憑證", 1),
        ("gca", "expired", "自然人憑證已逾期或尚未生效", 1),
        ("gca", "untrusted", "自然人憑證不是由信任的憑證管理中心簽發", 1),
    ])
    func wrongCards(_ agency: String, _ admin: String, _ words: String, _ pinsRead: Int) throws {
        let cli = try RegistryCLI()
        let result = try cli.register(agency: agency, admin: admin, pins: pinsRead)
        #expect(result.status == 1)
        #expect(result.error.contains(words), "\(result.error)")
        #expect(!result.error.contains("沒有讀到 PIN 碼"), "refused before its PIN was asked")
        #expect(try cli.records() == [])
    }

    @Test func wrongPIN() throws {
        let cli = try RegistryCLI()
        let result = try cli.register(pins: 1, pin: "654321")
        #expect(result.status == 1)
        #expect(result.error.contains("PIN 碼錯誤"), "\(result.error)")
        #expect(try cli.records() == [])
        #expect(try cli.register().status == 0, "the right PIN still works")
    }

    @Test("malformed fields are refused before any card", arguments: [
        (["--agency-code", "1001"], "機關代號應為五碼數字"),
        (["--admin-id", "F128765438"], "檢查碼不符"),
        (["--email", "admin@moda"], "電子信箱格式不正確"),
        (["--phone", "2701-3411"], "連絡電話格式不正確，範例：(02)2701-3411"),
    ])
    func malformed(_ change: [String], _ words: String) throws {
        let cli = try RegistryCLI()
        var arguments = ["register", "--agency-code", "10001", "--agency-token", RegistryCLI.token("gca"), "--admin-token",
                         RegistryCLI.token("admin"), "--admin-id", "F128765439", "--name", "林志強", "--email", "admin@moda.gov.tw",
                         "--phone", "(02)2701-3411"]
        let index = try #require(arguments.firstIndex(of: change[0]))
        arguments[index + 1] = change[1]
        let result = try cli.registry(arguments)
        #expect(result.status == 1)
        #expect(result.error.contains(words), "\(result.error)")
        #expect(try cli.records() == [])
    }

    @Test("a workspace written by a newer CivicDesk is refused untouched")
    func newerWorkspace() throws {
        let cli = try RegistryCLI()
        #expect(try cli.register().status == 0)
        try cli.sqlite("INSERT INTO grdb_migrations (identifier) VALUES ('documents v9 from the future')")
        let result = try cli.registry(["clerk", "list"])
        #expect(result.status == 1)
        #expect(result.error.contains("較新版本的 CivicDesk"), "\(result.error)")
        let roster = try cli.run(["roster", "status", "--case", "113002"], trust: false)
        #expect(roster.status == 1)
        #expect(roster.error.contains("較新版本的 CivicDesk"), "\(roster.error)")
    }

    @Test("授權指派: add, twice refused, change keeps permissions on a new serial, another card refused, remove")
    func clerks() throws {
        let cli = try RegistryCLI()
        #expect(try cli.register().status == 0)
        let serial = try RegistryCLI.serial("people/clerk/sign.pem")
        let added = try cli.addClerk()
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output.contains("新增成功！"))
        #expect(try cli.clerks().map { "\($0["serial"] ?? "") \($0["name"] ?? "") \($0["id"] ?? "")" } == ["\(serial) 張雅婷 E224613579"])

        let sameSerial = try cli.addClerk(id: "B223456782")
        #expect(sameSerial.status == 1)
        #expect(sameSerial.error.contains("憑證序號 \(serial) 已授權指派給經辦人"), "\(sameSerial.error)")
        let sameID = try cli.registry(["clerk", "add"] + cli.officeCards + ["--serial", "1100000000000099", "--name", "張雅婷",
                                                                            "--id", "E224613579", "--permissions", "rosters.pack"], pins: 2)
        #expect(sameID.status == 1)
        #expect(sameID.error.contains("E22461**** 已是授權經辦人"), "\(sameID.error)")
        let unknown = try cli.addClerk("other", id: "B223456782", permissions: "rosters.fly")
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("沒有「rosters.fly」這項權限"))

        let otherOffice = try cli.registry(["clerk", "add", "--agency-token", RegistryCLI.token("xca"), "--admin-token", RegistryCLI.token("admin"),
                                            "--clerk-cert", TestPKI.url("people/other/sign.pem").path, "--id", "B223456782",
                                            "--permissions", "rosters"], pins: 2)
        #expect(otherOffice.status == 1)
        #expect(otherOffice.error.contains("機關憑證與註冊資料不符"), "\(otherOffice.error)")
        #expect(try cli.clerks().count == 1)

        let renewed = try cli.registry(["clerk", "change"] + cli.officeCards + ["--serial", serial, "--new-serial", "11000000000000AB"], pins: 2)
        #expect(renewed.status == 0, "\(renewed.error)")
        var clerk = try #require(try cli.clerks().first)
        #expect(clerk["serial"] as? String == "11000000000000AB")
        #expect(clerk["permissions"] as? [String] == ["rosters.import", "rosters.query"])
        let regranted = try cli.registry(["clerk", "change"] + cli.officeCards + ["--serial", "11000000000000AB", "--permissions", "rosters.pack"],
                                         pins: 2)
        #expect(regranted.status == 0, "\(regranted.error)")
        clerk = try #require(try cli.clerks().first)
        #expect(clerk["permissions"] as? [String] == ["rosters.pack"])

        let missing = try cli.registry(["clerk", "remove"] + cli.officeCards + ["--serial", serial], pins: 2)
        #expect(missing.status == 1)
        #expect(missing.error.contains("沒有憑證序號 \(serial)"))
        let removed = try cli.registry(["clerk", "remove"] + cli.officeCards + ["--serial", "11000000000000AB"], pins: 2)
        #expect(removed.status == 0, "\(removed.error)")
        #expect(removed.output.contains("刪除成功！"))
        #expect(try cli.clerks().isEmpty)
        let log = try cli.registry(["log", "verify", "--json"])
        #expect(try RegistryCLI.json(log.output)["entries"] as? Int == 5, "\(log.output)")
    }

    @Test("更換憑證: the agency card, the administrator's, then both; each recorded")
    func replacements() throws {
        let cli = try RegistryCLI()
        #expect(try cli.register().status == 0)

        let otherOID = try cli.registry(["replace"] + cli.officeCards + ["--new-agency-token", RegistryCLI.token("gca-unlisted")], pins: 3)
        #expect(otherOID.status == 1)
        #expect(otherOID.error.contains("更換後機關憑證的 OID與註冊資料不符"), "\(otherOID.error)")

        let agency = try cli.registry(["replace"] + cli.officeCards + ["--new-agency-token", RegistryCLI.token("gca-renewed"), "--json"], pins: 3)
        #expect(agency.status == 0, "\(agency.error)")
        #expect(try RegistryCLI.json(agency.output)["agencySerial"] as? String == "3300000000000003")

        let stale = try cli.registry(["replace"] + cli.officeCards + ["--new-admin-token", RegistryCLI.token("lead"), "--new-admin-id", "A123456789"],
                                     pins: 3)
        #expect(stale.status == 1, "the old agency card no longer proves the office")
        #expect(stale.error.contains("機關憑證與註冊資料不符"), "\(stale.error)")

        let admin = try cli.registry(["replace", "--agency-token", RegistryCLI.token("gca-renewed"), "--admin-token", RegistryCLI.token("admin"),
                                      "--new-admin-token", RegistryCLI.token("lead"), "--new-admin-id", "A123456789"], pins: 3)
        #expect(admin.status == 0, "\(admin.error)")
        let both = try cli.registry(["replace", "--agency-token", RegistryCLI.token("gca-renewed"), "--admin-token", RegistryCLI.token("lead"),
                                     "--new-agency-token", RegistryCLI.token("gca"), "--new-admin-token", RegistryCLI.token("admin"),
                                     "--new-admin-id", "F128765439", "--json"], pins: 4)
        #expect(both.status == 0, "\(both.error)")
        #expect(try RegistryCLI.json(both.output)["item"] as? String == "both-replaced")
        #expect(try cli.records() == ["首次註冊", "更換機關憑證", "更換授權管理者自然人憑證", "更換機關憑證和授權管理者自然人憑證"])
        #expect(try cli.registry(["log", "verify"]).status == 0)
    }

    @Test("the audit log: a row changed or deleted with sqlite3 is named by log verify", arguments: ["change", "delete", "grant"])
    func tampered(_ how: String) throws {
        let cli = try RegistryCLI()
        #expect(try cli.register().status == 0)
        #expect(try cli.addClerk().status == 0)
        #expect(try cli.addClerk("other", id: "B223456782").status == 0)
        #expect(try cli.registry(["log", "verify"]).status == 0)
        switch how {
        case "change": try cli.sqlite("UPDATE audit_log SET data = replace(data, 'rosters.query', 'rosters.purge') WHERE sequence = 2")
        case "delete": try cli.sqlite("DELETE FROM audit_log WHERE sequence = 2")
        default: try cli.sqlite("UPDATE registry_clerk SET permissions = 'rosters.import,rosters.purge,rosters.query' WHERE personalId = 'E224613579'")
        }
        let result = try cli.registry(["log", "verify"])
        #expect(result.status == 1)
        let expected = switch how {
        case "change": "稽核紀錄第 2 筆有誤：簽章與內容不符（內容遭修改）。"
        case "delete": "稽核紀錄第 3 筆有誤：之前應為第 2 筆，紀錄遭刪除。"
        default: "註冊資料（registry_clerk）與稽核紀錄不符"
        }
        #expect(result.error.contains(expected), "\(result.error)")
        let json = try RegistryCLI.json(try cli.registry(["log", "verify", "--json"]).output)
        #expect(json["intact"] as? Bool == false)
        #expect(json["brokenEntry"] as? Int == ["change": 2, "delete": 3][how])
    }

    @Test("roster commands in an office's workspace: a signed-in clerk with the permission, else exit 1 naming it")
    func operatorSignIn() throws {
        let cli = try RegistryCLI()
        let purge = ["roster", "purge", "--case", "113002"]
        let atHome = try cli.run(purge, trust: false)
        #expect(atHome.status == 1)
        #expect(atHome.error.contains("工作區裡沒有案號 113002"), "no office: no sign-in, \(atHome.error)")

        #expect(try cli.register().status == 0)
        #expect(try cli.addClerk().status == 0) // rosters.import and rosters.query
        let nobody = try cli.run(purge)
        #expect(nobody.status == 1)
        #expect(nobody.error.contains("需要的權限：rosters.purge（連署名冊作業：清除個人資料）"), "\(nobody.error)")
        let notAClerk = try cli.run(purge + ["--operator-token", RegistryCLI.token("lead"), "--pin-stdin"], pins: 1)
        #expect(notAClerk.status == 1)
        #expect(notAClerk.error.contains("不是本機關的授權經辦人"), "\(notAClerk.error)")
        let lacking = try cli.run(purge + ["--operator-token", RegistryCLI.token("clerk"), "--pin-stdin"], pins: 1)
        #expect(lacking.status == 1)
        #expect(lacking.error.contains("經辦人 張雅婷 沒有這項權限：rosters.purge"), "\(lacking.error)")
        #expect(!lacking.error.contains("沒有讀到 PIN 碼"), "refused before the PIN")
        let pack = try cli.run(["roster", "pack", "--case", "113002", "--token", RegistryCLI.token("lead"), "--operator-token",
                                RegistryCLI.token("clerk"), "--pin-stdin"], pins: 2)
        #expect(pack.status == 1)
        #expect(pack.error.contains("rosters.pack"), "\(pack.error)")

        let serial = try RegistryCLI.serial("people/clerk/sign.pem")
        #expect(try cli.registry(["clerk", "change"] + cli.officeCards + ["--serial", serial, "--permissions", "rosters"], pins: 2).status == 0)
        let allowed = try cli.run(purge + ["--operator-token", RegistryCLI.token("clerk"), "--pin-stdin"], pins: 1)
        #expect(allowed.status == 1)
        #expect(allowed.error.contains("工作區裡沒有案號 113002"), "signed in, the purge itself runs: \(allowed.error)")
    }
}
