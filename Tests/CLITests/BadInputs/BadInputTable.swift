/// The bad-input table (issue 16 item 5): one array per command family. README.md in this
/// folder renders it; `BadInputTests` runs every row.
enum BadInputTable {
    static let rows = idCheck + dates + cards + tokens + rosterImport + rosterQueries + rosterPack + rosterPurge + registry

    static let idCheck: [BadInputRow] = [
        .init("id check", "wrong check digit", ["id", "check", "A123456788"], exit: 1, "A123456788：無效"),
        .init("id check", "too short", ["id", "check", "A12345"], exit: 1, "A12345：無效"),
        .init("id check", "a digit where the letter goes", ["id", "check", "1234567890"], exit: 1, "1234567890：無效"),
        .init("id check", "full-width characters", ["id", "check", "Ａ１２３４５６７８９"], exit: 1, "無效"),
        .init("id check", "an empty ID", ["id", "check", ""], exit: 1, "：無效"),
        .init("id check", "oversized: 10,000 characters", ["id", "check", String(repeating: "A1", count: 5_000)], exit: 1, "無效"),
        .init("id check", "no ID at all", ["id", "check"], exit: 2, "請輸入至少一個身分證統一編號"),
    ]

    static let dates: [BadInputRow] = [
        .init("date roc", "a day the month lacks", ["date", "roc", "2024-02-30"], exit: 2, "不是民國元年（1912 年）以後的 YYYY-MM-DD 日期"),
        .init("date roc", "before 民國元年", ["date", "roc", "1911-12-31"], exit: 2, "不是民國元年（1912 年）以後的 YYYY-MM-DD 日期"),
        .init("date roc", "a 民國 date given to roc", ["date", "roc", "113/03/04"], exit: 2, "「113/03/04」不是民國元年"),
        .init("date roc", "an empty date", ["date", "roc", ""], exit: 2, "不是民國元年（1912 年）以後的 YYYY-MM-DD 日期"),
        .init("date iso", "a day the month lacks", ["date", "iso", "113/02/30"], exit: 2, "「113/02/30」不是民國日期"),
        .init("date iso", "an ISO date given to iso", ["date", "iso", "2024-03-04"], exit: 2, "「2024-03-04」不是民國日期"),
        .init("date iso", "month 13 in the long form", ["date", "iso", "中華民國113年13月1日"], exit: 2, "不是民國日期（例如 113/03/04 或 中華民國113年3月4日）"),
        .init("date iso", "民國 year 0", ["date", "iso", "0/01/01"], exit: 2, "「0/01/01」不是民國日期"),
    ]

    static let cards: [BadInputRow] = [
        .init("card certs", "a reader with no card in it", ["card", "certs", "--reader", "{reader2}"], exit: 0, "：沒有卡片"),
    ]

    static let tokens: [BadInputRow] = [
        .init("token info", "PKCS#11 URI without its scheme", ["token", "info", "--token", "lead"], exit: 1, "這不是 PKCS#11 URI"),
        .init("token info", "PKCS#11 URI: an unknown attribute", ["token", "info", "--token", "pkcs11:token=lead;color=red"], exit: 1,
              "無法辨識的屬性「color」"),
        .init("token info", "PKCS#11 URI: slot-id not a number", ["token", "info", "--token", "pkcs11:slot-id=abc"], exit: 1,
              "slot-id 應為數字"),
        .init("token info", "PKCS#11 URI: a PIN written in it", ["token", "info", "--token", "pkcs11:token=lead?pin-value=123456"],
              exit: 1, "不接受寫在 URI 中的 PIN 碼"),
        .init("token info", "PKCS#11 URI: an incomplete %-escape", ["token", "info", "--token", "pkcs11:token=le%4"], exit: 1,
              "不完整的 % 編碼"),
        .init("token info", "PKCS#11 URI: an attribute twice", ["token", "info", "--token", "pkcs11:token=lead;token=other"], exit: 1,
              "重複出現"),
        .init("token info", "PKCS#11 URI: an attribute without a value", ["token", "info", "--token", "pkcs11:token"], exit: 1,
              "缺少 = 與值"),
        .init("token info", "a token that is not there", ["token", "info", "--token", "pkcs11:token=沒有這張"], exit: 1,
              "找不到符合的卡片（pkcs11:token=沒有這張）"),
        .init("token info", "a token that is not there, named %-encoded (shown decoded)",
              ["token", "info", "--token", "pkcs11:token=%E6%B2%92%E6%9C%89%E9%80%99%E5%BC%B5;manufacturer=SoftHSM%20project"], exit: 1,
              "找不到符合的卡片（pkcs11:token=沒有這張;manufacturer=SoftHSM project）"),
        .init("token info", "the PKCS#11 module missing", ["token", "info", "--token", "pkcs11:token=lead"],
              environment: ["CIVICDESK_PKCS11_MODULE": "/nonexistent/libpkcs11.so"], exit: 1, "/nonexistent/libpkcs11.so"),
        .init("token info", "a file that is not a PKCS#11 module", ["token", "info", "--token", "pkcs11:token=lead"],
              environment: ["CIVICDESK_PKCS11_MODULE": "/etc/hostname"], exit: 1, "無法使用 PKCS#11 模組 /etc/hostname"),
        .init("token change-pin", "wrong current PIN", ["token", "change-pin", "--token", "pkcs11:token=other", "--pin-stdin"],
              stdin: ["000000", "654321"], exit: 1, "PIN 碼錯誤"),
        .init("token change-pin", "new PIN too short", ["token", "change-pin", "--token", "pkcs11:token=other", "--pin-stdin"],
              stdin: ["123456", "123"], exit: 1, "新的 PIN 碼須為 6 到 8 碼，輸入的是 3 碼"),
        .init("token change-pin", "new PIN too long", ["token", "change-pin", "--token", "pkcs11:token=other", "--pin-stdin"],
              stdin: ["123456", "123456789"], exit: 1, "新的 PIN 碼須為 6 到 8 碼，輸入的是 9 碼"),
        .init("token change-pin", "no PIN on standard input", ["token", "change-pin", "--token", "pkcs11:token=other", "--pin-stdin"],
              exit: 1, "沒有讀到 PIN 碼"),
    ]

    static let rosterImport: [BadInputRow] = {
        let command = ["roster", "import", "--workspace", "{ws}", "--token", "pkcs11:token=lead", "--trust", "{trust}", "--pin-stdin"]
        func row(_ input: String, _ files: [String], setup: BadInputRow.Setup = .none, stdin: [String] = ["123456"],
                 arguments: [String] = [], exit: Int32 = 1, _ message: String) -> BadInputRow {
            .init("roster import", input, command + arguments + files, setup: setup, stdin: stdin, exit: exit, message)
        }
        return [
            row("an empty file", ["{file:empty}"], "「empty.cec」未匯入：這不是加密的名冊檔"),
            row("a PDF, not a roster at all", ["{file:pdf}"], "這不是加密的名冊檔"),
            row("random bytes", ["{file:random}"], "這不是加密的名冊檔"),
            row("foreign: a CMS signed file, not an encrypted one", ["{file:signed}"], "這個 CMS 檔不是加密檔（內容類型：pkcs7-signedData"),
            row("foreign: encrypted for the card, but a CSV inside", ["{file:text-inside}"], "這個檔案解密後不是連署人名冊"),
            row("encrypted for the card, but empty inside", ["{file:empty-inside}"], "解密後的名冊是空的"),
            row("a header whose electorate is not a number", ["{file:bad-header}"], "名冊開頭的案件資料損壞（欄位"),
            row("a batch whose electorate differs from the imported one", ["{file:batch2-other-electorate}"], setup: .imported,
                "此批次的選舉人數（19000000）與案號 113002 已匯入批次的選舉人數（19548531）不同"),
            row("a batch of a purged case", ["{file:batch2}"], setup: .purged, "案號 113002 的個人資料已依保存期限清除"),
            row("truncated inside its first 100 bytes", ["{file:head}"], "「head.cec」未匯入：檔案不完整"),
            row("a file that does not exist", ["{row}/沒有這個檔案.cec"], "「沒有這個檔案.cec」未匯入：無法讀取檔案"),
            row("a folder, not a file", ["{row}"], "：Is a directory。請確認檔案存在且有讀取權限"),
            row("no file named", [], stdin: [], exit: 2, "請指定至少一個名冊檔"),
            row("malformed PKCS#11 URI", ["{file:batch1}"], arguments: ["--token", "lead"], "這不是 PKCS#11 URI"),
            row("a token that is not there", ["{file:batch1}"], arguments: ["--token", "pkcs11:token=沒有這張"], "找不到符合的卡片（pkcs11:token=沒有這張）"),
            row("wrong card: an agency card", ["{file:batch1}"], arguments: ["--token", "pkcs11:token=gca"], "不是加密給目前插入的卡片"),
            row("an empty PIN", ["{file:batch1}"], stdin: [""], "沒有讀到 PIN 碼"),
            row("oversized PIN: 64 digits, never sent to the card", ["{file:batch1}"], stdin: [String(repeating: "1234", count: 16)],
                "PIN 碼應為 6 到 8 碼，輸入的是 64 碼。這次沒有送到卡片，不會減少可試次數"),
            row("a PIN of 5 digits, never sent to the card", ["{file:batch1}"], stdin: ["12345"], "PIN 碼應為 6 到 8 碼，輸入的是 5 碼"),
            row("no PIN on standard input", ["{file:batch1}"], stdin: [], "沒有讀到 PIN 碼"),
            row("trust folder empty", ["{file:batch1}"], arguments: ["--trust", "{file:empty-folder}"], "裡沒有任何信任的根憑證或中繼憑證"),
            row("a trust folder that does not exist", ["{file:batch1}"], arguments: ["--trust", "{row}/沒有這個資料夾"], "無法讀取信任憑證「"),
            row("a batch already imported, under another name", ["{file:batch1-renamed}"], setup: .imported, exit: 0,
                "先前已匯入（案號 113002 第 1 批"),
            row("a workspace from a newer version", ["{file:batch2}"], setup: .newer, "較新版本的 CivicDesk"),
            row("a read-only workspace folder", ["{file:batch2}"], setup: .readOnly, "（Read-only file system）"),
            row("the workspace is a file", ["{file:batch1}"], arguments: ["--workspace", "{file:pdf}"], "roster.pdf/workspace.sqlite」（Not a directory）"),
        ]
    }()

    static let rosterQueries: [BadInputRow] = {
        let status = ["roster", "status", "--workspace", "{ws}"]
        let records = ["roster", "records", "--workspace", "{ws}", "--case", "113002"]
        return [
            .init("roster status", "an unknown case", status + ["--case", "113999"], setup: .imported, exit: 1, "工作區裡沒有案號 113999"),
            .init("roster status", "malformed case ID", status + ["--case", "11300A"], setup: .imported, exit: 1,
                  "工作區裡沒有案號 11300A（工作區裡的案號：113002）。請確認輸入的案號"),
            .init("roster status", "no workspace yet", status + ["--case", "113002"], exit: 1, "工作區裡沒有案號 113002"),
            .init("roster status", "a workspace from a newer version", status + ["--case", "113002"], setup: .newer, exit: 1,
                  "較新版本的 CivicDesk"),
            .init("roster status", "the workspace is a file", ["roster", "status", "--workspace", "{file:pdf}", "--case", "113002"],
                  exit: 1, "roster.pdf/workspace.sqlite」（Not a directory）"),
            .init("roster records", "a --from day the month lacks", records + ["--from", "2024-02-30"], setup: .imported, exit: 2,
                  "--from 的日期「2024-02-30」無法辨識"),
            .init("roster records", "a --to 民國 date with month 13", records + ["--to", "113/13/01"], setup: .imported, exit: 2,
                  "--to 的日期「113/13/01」無法辨識"),
            .init("roster records", "ID prefix longer than 6", records + ["--id-prefix", "A1234567"], setup: .imported, exit: 2, "最多輸入身分證統一編號前 6 碼"),
            .init("roster records", "ID prefix with a sign", records + ["--id-prefix", "A1*"], setup: .imported, exit: 2, "身分證統一編號只有英文字母與數字"),
            .init("roster records", "an unknown status", records + ["--status", "bogus"], setup: .imported, exit: 2, "沒有「bogus」這種狀態"),
            .init("roster records", "a batch that is not a number", records + ["--batch", "一"], setup: .imported, exit: 2,
                  "--batch 應為批次編號（正整數，例如 1），輸入的是「一」"),
            .init("roster records", "batch 0", records + ["--batch", "0"], setup: .imported, exit: 2, "輸入的是「0」"),
            .init("roster records", "an unknown case", ["roster", "records", "--workspace", "{ws}", "--case", "113999"], setup: .imported,
                  exit: 1, "工作區裡沒有案號 113999"),
            .init("roster records", "a workspace from a newer version", records, setup: .newer, exit: 1, "較新版本的 CivicDesk"),
        ]
    }()

    static let rosterPack: [BadInputRow] = {
        let pack = ["roster", "pack", "--workspace", "{ws}", "--case", "113002", "--token", "pkcs11:token=lead", "--pin-stdin"]
        return [
            .init("roster pack", "output folder missing", pack + ["--out", "{file:pdf}/out"], setup: .imported, stdin: ["123456"],
                  exit: 1, "roster.pdf/out」（Not a directory）"),
            .init("roster pack", "output folder read-only", pack + ["--out", "{ro}"], setup: .imported, stdin: ["123456"], exit: 1, "連署(送件用).zip」（Read-only file system）"),
            .init("roster pack", "output path is a file", pack + ["--out", "{file:pdf}"], setup: .imported, stdin: ["123456"], exit: 1,
                  "roster.pdf/連署(送件用).zip」（Not a directory）"),
            .init("roster pack", "packing time without a zone", pack + ["--out", "{row}/out", "--packed-at", "2024-03-07 09:00"],
                  setup: .imported, stdin: ["123456"], exit: 2, "--packed-at 要寫成含時區的時間"),
            .init("roster pack", "wrong PIN", pack + ["--out", "{row}/out"], setup: .imported, stdin: ["000000"], exit: 1, "PIN 碼錯誤"),
            .init("roster pack", "no PIN on standard input", pack + ["--out", "{row}/out"], setup: .imported, exit: 1, "沒有讀到 PIN 碼"),
            .init("roster pack", "a workspace from a newer version", pack + ["--out", "{row}/out"], setup: .newer, stdin: ["123456"],
                  exit: 1, "較新版本的 CivicDesk"),
            .init("roster pack", "a read-only workspace folder", pack + ["--out", "{row}/out"], setup: .readOnly, stdin: ["123456"],
                  exit: 1, "（Read-only file system）"),
        ]
    }()

    static let rosterPurge: [BadInputRow] = {
        let purge = ["roster", "purge", "--workspace", "{ws}", "--case"]
        return [
            .init("roster purge", "an unknown case", purge + ["113999"], setup: .imported, exit: 1, "工作區裡沒有案號 113999"),
            .init("roster purge", "a case already purged (harmless, said again)", purge + ["113002"], setup: .purged, exit: 0,
                  "已清除案號 113002 的個人資料"),
            .init("roster purge", "a workspace from a newer version", purge + ["113002"], setup: .newer, exit: 1, "較新版本的 CivicDesk"),
            .init("roster purge", "a read-only workspace folder", purge + ["113002"], setup: .readOnly, exit: 1, "（Read-only file system）"),
        ]
    }()

    static let registry: [BadInputRow] = {
        let options = ["--workspace", "{ws}", "--trust", "{trust}", "--pin-stdin"]
        func register(_ input: String, _ change: [String: String], setup: BadInputRow.Setup = .none, pins: Int = 0,
                      options extra: [String] = [], environment: [String: String] = [:], _ message: String) -> BadInputRow {
            var fields = ["--agency-code": "10001", "--agency-token": "pkcs11:token=gca", "--admin-token": "pkcs11:token=admin",
                          "--admin-id": "F128765439", "--name": "林志強", "--email": "admin@moda.gov.tw", "--phone": "(02)2701-3411"]
            fields.merge(change) { $1 }
            let ordered = ["--agency-code", "--agency-token", "--admin-token", "--admin-id", "--name", "--email", "--phone"]
            return .init("registry register", input, ["registry", "register"] + ordered.flatMap { [$0, fields[$0] ?? ""] } + options + extra,
                         setup: setup, stdin: Array(repeating: "123456", count: pins), environment: environment, exit: 1, message)
        }
        let office = ["--agency-token", "pkcs11:token=gca", "--admin-token", "pkcs11:token=admin"]
        func clerk(_ input: String, _ arguments: [String], setup: BadInputRow.Setup = .registered, pins: Int = 0, exit: Int32 = 1,
                   _ message: String) -> BadInputRow {
            .init("registry clerk", input, ["registry", "clerk"] + arguments + options, setup: setup,
                  stdin: Array(repeating: "123456", count: pins), exit: exit, message)
        }
        let clerkCert = "{pki:people/clerk/sign.pem}"
        return [
            register("機關代號 of six digits", ["--agency-code": "100011"], "機關代號應為五碼數字"),
            register("機關代號 with a letter", ["--agency-code": "1000A"], "機關代號應為五碼數字"),
            register("身分證統一編號 of nine characters", ["--admin-id": "F12876543"], "身分證統一編號應為 10 碼，輸入的是 9 碼"),
            register("e-mail without @", ["--email": "admin.moda.gov.tw"], "電子信箱格式不正確"),
            register("phone with letters", ["--phone": "(02)ABCD-3411"], "連絡電話格式不正確"),
            register("malformed PKCS#11 URI for the agency card", ["--agency-token": "gca"], "這不是 PKCS#11 URI"),
            register("an agency token that is not there", ["--agency-token": "pkcs11:token=沒有這張"], "找不到符合的卡片（pkcs11:token=沒有這張）"),
            register("the office registered already", [:], setup: .registered, pins: 2, "本工作區已由機關代號 10001 完成註冊"),
            register("an agency directory that does not exist", [:], pins: 2, options: ["--agency-directory", "{row}/沒有.csv"], "無法讀取「"),
            register("an agency directory that is not a CSV", [:], pins: 2, options: ["--agency-directory", "{file:pdf}"], "機關名錄第 1 行格式不正確"),
            register("trust folder empty", [:], pins: 0, options: ["--trust", "{file:empty-folder}"], "裡沒有任何信任的根憑證或中繼憑證"),
            .init("registry records", "機關代號 of four digits", ["registry", "records", "--agency-code", "1001"] + options.dropLast(),
                  exit: 1, "機關代號應為五碼數字"),
            .init("registry oid", "a citizen card, not an agency card", ["registry", "oid", "--agency-token", "pkcs11:token=admin"] + options,
                  stdin: ["123456"], exit: 1, "這張卡片不是機關憑證"),
            .init("registry serial", "an agency card, not a citizen card", ["registry", "serial", "--token", "pkcs11:token=gca",
                                                                             "--id", "F128765439"] + options,
                  stdin: ["123456"], exit: 1, "這是機關憑證，不是自然人憑證"),
            .init("registry serial", "malformed 身分證統一編號", ["registry", "serial", "--token", "pkcs11:token=admin", "--id", "F1287654"] + options,
                  exit: 1, "身分證統一編號應為 10 碼，輸入的是 8 碼"),
            // No PIN on standard input: the office is checked before any card is asked for.
            clerk("no office registered (said before any PIN)", ["add"] + office + ["--clerk-cert", clerkCert, "--id", "E224613579",
                                                                                     "--permissions", "rosters.import"],
                  setup: .none, "本工作區尚未辦理憑證註冊"),
            clerk("remove: no office registered (said before any PIN)", ["remove"] + office + ["--serial", "ABCDEF"], setup: .none,
                  "本工作區尚未辦理憑證註冊"),
            clerk("a certificate file that does not exist", ["add"] + office + ["--clerk-cert", "{row}/沒有.pem", "--id", "E224613579",
                                                                                  "--permissions", "rosters.import"], "無法讀取「"),
            clerk("a certificate file that is not a certificate", ["add"] + office + ["--clerk-cert", "{file:pdf}", "--id", "E224613579",
                                                                                        "--permissions", "rosters.import"], "這不是可以讀取的 X.509 憑證"),
            clerk("an unknown permission", ["add"] + office + ["--clerk-cert", clerkCert, "--id", "E224613579",
                                                               "--permissions", "rosters.export"], "沒有「rosters.export」這項權限"),
            clerk("malformed 身分證統一編號", ["add"] + office + ["--clerk-cert", clerkCert, "--id", "E22461357",
                                                            "--permissions", "rosters.import"], "身分證統一編號應為 10 碼，輸入的是 9 碼"),
            clerk("an agency certificate as the clerk's", ["add"] + office + ["--clerk-cert", "{pki:agencies/gca/agency.pem}",
                                                                              "--id", "E224613579", "--permissions", "rosters.import"],
                  "這是機關憑證，不是自然人憑證"),
            clerk("another agency's card", ["add", "--agency-token", "pkcs11:token=xca", "--admin-token", "pkcs11:token=admin",
                                            "--clerk-cert", clerkCert, "--id", "E224613579", "--permissions", "rosters.import"], pins: 2,
                  "機關憑證與註冊資料不符"),
            clerk("not the registered administrator's card", ["add", "--agency-token", "pkcs11:token=gca", "--admin-token", "pkcs11:token=other",
                                                              "--clerk-cert", clerkCert, "--id", "E224613579",
                                                              "--permissions", "rosters.import"], pins: 2, "授權管理者自然人憑證與註冊資料不符"),
            clerk("change: an unknown serial", ["change"] + office + ["--serial", "ABCDEF", "--permissions", "rosters.query"], pins: 2, "授權經辦人清單中沒有憑證序號 ABCDEF"),
            clerk("remove: an unknown serial", ["remove"] + office + ["--serial", "ABCDEF"], pins: 2, "授權經辦人清單中沒有憑證序號 ABCDEF"),
            clerk("add: a serial that is not hexadecimal", ["add"] + office + ["--serial", "XYZ", "--name", "張雅婷", "--id", "E224613579",
                                                                               "--permissions", "rosters.import"], "應為十六進位數字"),
            clerk("change with nothing to change", ["change"] + office + ["--serial", "ABCDEF"], exit: 2, "請指定 --new-serial 或 --permissions"),
            .init("registry replace", "nothing to replace", ["registry", "replace"] + office + options, setup: .registered, exit: 2,
                  "請指定 --new-agency-token"),
            .init("registry replace", "a new card without its holder's ID", ["registry", "replace"] + office
                  + ["--new-admin-token", "pkcs11:token=clerk"] + options, setup: .registered, exit: 2, "須一起指定"),
            .init("registry replace", "no office registered (said before any PIN)", ["registry", "replace"] + office
                  + ["--new-agency-token", "pkcs11:token=xca"] + options, exit: 1, "本工作區尚未辦理憑證註冊"),
            .init("registry review", "no application to review", ["registry", "review", "approve", "--agency-code", "10002",
                                                                  "--reviewer-token", "pkcs11:token=other"] + options,
                  setup: .registered, stdin: ["123456"], exit: 1, "機關代號 10002 沒有待審核的申請"),
        ]
    }()

    /// Kinds of bad input other tests already check, named here so the table is the whole list.
    static let coveredElsewhere = [
        "id check: resident certificate numbers named — `IDCheckCommandTests.residentNumbersAreNamed`",
        "card certs: no such reader, a card pulled out mid-read, no reader service — `CardCommandTests` (errors)",
        "card certs: a 健保卡 and an unknown card — `CardCommandTests`",
        "roster import: not a CMS file, a batch for another card, tampered GCM/CBC, truncated, trailer count/digest/missing, "
            + "unknown format/version, wrong PIN, card removed mid-import — `RosterBadInputCommandTests`",
        "roster import: the same batch twice — `RosterImportCommandTests`",
        "roster pack: an unknown case; pack and import after purge; a full disk — `RosterPackCommandTests`",
        "roster kill -9 during import and pack; 150 damaged imports — `FaultHarnessTests`",
        "registry register: 機關代號 of four digits, wrong check digit, e-mail without domain, phone without area code; "
            + "wrong card kinds, expired, untrusted, wrong PIN; unknown code → 待審核 (not an error) — `RegistryCommandTests`",
        "registry: a newer workspace, a clerk added twice, another card refused, the log tampered with — `RegistryCommandTests`",
        "roster import/pack/purge in an office without a signed-in clerk — `RegistryCommandTests`",
    ]

    /// Kinds of bad input that cannot be made real in this test set-up.
    static let leftOut = [
        "a locked PIN: SoftHSM2 never sets CKF_USER_PIN_LOCKED (see `PINTests`); the message for LOCKED is tested on the flag values in Core",
        "a second instance: the CLI takes no instance lock (SQLite serialises writers); the GUI's single instance is GApplication's",
    ]
}
