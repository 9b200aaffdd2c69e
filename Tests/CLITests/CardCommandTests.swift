import CivicTestSupport
import Foundation
import Testing

/// `civicdesk card …` and `civicdesk token …` run as a user runs them, against a card lab of
/// their own (a private pcscd with the virtual card, SoftHSM2 tokens).
@Suite("civicdesk card and token", .serialized)
struct CardCommandTests {
    static let lab = Result { try CardLab.start() }

    let lab: CardLab

    init() throws {
        lab = try Self.lab.get()
    }

    func civicdesk(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String, error: String) {
        try BuiltProduct.run("civicdesk", arguments, standardInput: input.map { Data($0.utf8) },
                             environment: lab.environment.merging(["LANG": "zh_TW.UTF-8"]) { $1 }.merging(environment) { $1 })
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Puts `card` in the lab's first reader and waits until `card list` shows it.
    func present(_ card: String) throws {
        if try !lab.control("status").hasPrefix("ok inserted \(card) ") {
            _ = try? lab.control("remove")
            try waitUntil { !(try self.firstReader()["cardPresent"] as? Bool ?? true) }
            try lab.control("insert \(card)")
        }
        try waitUntil { try self.firstReader()["cardPresent"] as? Bool == true }
    }

    func firstReader() throws -> [String: Any] {
        let readers = try json(civicdesk(["card", "list", "--json"]).output)["readers"] as? [[String: Any]]
        return try #require(readers?.first { $0["name"] as? String == lab.readerName })
    }

    func waitUntil(_ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if try condition() { return }
            usleep(50_000)
        }
        throw CardLab.Failure(description: "condition not met in 5 s")
    }

    @Test("card list --json: each reader, whether a card is in it, and its ATR")
    func list() throws {
        try present("person:lead")
        let result = try civicdesk(["card", "list", "--json"])
        #expect(result.status == 0)
        let readers = try #require(try json(result.output)["readers"] as? [[String: Any]])
        #expect(readers.map { $0["name"] as? String } == [lab.readerName, lab.secondReaderName])
        #expect(readers.first?["atr"] as? String == "3b888131fe454869434f53205633b8")
        #expect(readers.last?["atr"] is NSNull)
        #expect(try civicdesk(["card", "list"]).output.contains("\(lab.readerName)：有卡片"))
    }

    @Test("card certs --json has exactly the documented shape, and the certificates of the test PKI")
    func certsJSON() throws {
        try present("person:lead")
        let result = try civicdesk(["card", "certs", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let root = try json(result.output)
        #expect(Set(root.keys) == ["readers"])
        let readers = try #require(root["readers"] as? [[String: Any]])
        #expect(readers.allSatisfy { Set($0.keys) == ["name", "card"] })
        #expect(readers.last?["card"] is NSNull, "the empty second reader")
        let card = try #require(readers.first?["card"] as? [String: Any])
        #expect(Set(card.keys) == ["kind", "atr", "certificates"])
        #expect(card["kind"] as? String == "natural-person")
        let certificates = try #require(card["certificates"] as? [[String: Any]])
        #expect(certificates.map { $0["role"] as? String } == ["signature", "encryption", "issuer", "root"])
        let keys: Set = ["role", "subject", "commonName", "serial", "notBefore", "notAfter", "sha256", "pem"]
        #expect(certificates.allSatisfy { Set($0.keys) == keys })

        let signature = certificates[0]
        let lead = try #require(try TestPKI.people().people["lead"])
        #expect(signature["commonName"] as? String == lead.name)
        #expect(signature["subject"] as? String == "serialNumber=0000000112345678,CN=\(lead.name),C=TW")
        #expect(signature["serial"] as? String == "1100000000000001")
        #expect(signature["notBefore"] as? String == "2024-01-01T00:00:00Z")
        #expect(signature["notAfter"] as? String == "2044-12-31T23:59:59Z")
        let pem = try #require(signature["pem"] as? String)
        #expect(pem == (try TestPKI.text("people/lead/sign.pem")), "the PEM is the test PKI's file")
        let hash = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [], standardInput: Data(try TestPKI.der("people/lead/sign.pem")))
        #expect(hash.output.hasPrefix(try #require(signature["sha256"] as? String)))
    }

    @Test("an agency card: its certificate's kind, by the issuing CA, and its 機關(組織)OID, in JSON and text", arguments: [
        ("gca", "government", "機關憑證", "2.16.886.101.20003.20065.20001"),
        ("xca", "organisation", "組織及團體憑證", "2.16.886.111.90010.90003"),
        ("moeaca", "business", "工商憑證", "22099131"),
        ("hca", "medical", "醫事憑證", "2.16.886.101.90040.40001"),
    ])
    func agencyCard(name: String, kind: String, kindName: String, oid: String) throws {
        try present("agency:\(name)")
        let result = try civicdesk(["card", "certs", "--json", "--reader", lab.readerName])
        #expect(result.status == 0, "\(result.error)")
        let readers = try #require(try json(result.output)["readers"] as? [[String: Any]])
        let card = try #require(readers.first?["card"] as? [String: Any])
        #expect(card["kind"] as? String == "agency")
        let certificates = try #require(card["certificates"] as? [[String: Any]])
        #expect(certificates.map { $0["role"] as? String } == ["agency", "issuer", "root"])
        let agency = certificates[0]
        #expect(agency["agencyKind"] as? String == kind)
        #expect(agency["agencyKindName"] as? String == kindName)
        #expect(agency["agencyOID"] as? String == oid)
        #expect(agency["pem"] as? String == (try TestPKI.text("agencies/\(name)/agency.pem")))
        #expect(certificates.dropFirst().allSatisfy { $0["agencyOID"] == nil && $0["agencyKind"] == nil },
                "only the agency's certificate carries them")
        let text = try civicdesk(["card", "certs", "--reader", lab.readerName])
        #expect(text.output.contains("種類 \(kindName)　機關(組織)OID \(oid)"), "\(text.output)")
        try present("person:lead")
    }

    @Test("a 健保卡 and an unknown card: no certificates, and a message saying why", arguments: [
        ("health", "health-insurance", "健保卡"), ("unknown", "unknown", "無法辨識"),
    ])
    func unusableCards(card: String, kind: String, words: String) throws {
        try present(card)
        let result = try civicdesk(["card", "certs", "--json", "--reader", lab.readerName])
        let readers = try #require(try json(result.output)["readers"] as? [[String: Any]])
        #expect(readers.count == 1, "--reader picks one")
        let contents = try #require(readers.first?["card"] as? [String: Any])
        #expect(contents["kind"] as? String == kind)
        #expect((contents["certificates"] as? [Any])?.isEmpty == true)
        #expect((contents["message"] as? String)?.contains(words) == true)
        let english = try civicdesk(["card", "certs", "--json"], environment: ["LANG": "en_US.UTF-8"])
        #expect(english.output.contains("\"message\":\"This"), "English under an English locale")
        try present("person:lead")
    }

    @Test("errors: no such reader, a card pulled out mid-read, no reader service")
    func errors() throws {
        let missing = try civicdesk(["card", "certs", "--reader", "Nowhere 00 00"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("找不到讀卡機「Nowhere 00 00」"))
        try present("person:lead")
        try lab.control("remove-after 5")
        let removed = try civicdesk(["card", "certs", "--json"])
        #expect(removed.status == 1)
        #expect(removed.output.isEmpty, "no partial result")
        #expect(removed.error.contains("取出"))
        let noService = try civicdesk(["card", "list"], environment: ["PCSCLITE_CSOCK_NAME": lab.directory.path + "/none.comm"])
        #expect(noService.status == 1)
        #expect(noService.error.contains("pcscd"))
        try present("person:lead")
    }

    @Test("card watch prints each change as it happens")
    func watch() throws {
        try present("person:lead")
        let process = Process()
        process.executableURL = BuiltProduct.url("civicdesk")
        process.arguments = ["card", "watch"]
        process.environment = ProcessInfo.processInfo.environment.merging(lab.environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var lines: [String] = []
        var buffer = Data()
        func read(lineCount: Int) {
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline, lines.count < lineCount {
                buffer += output.fileHandleForReading.availableData
                while let newline = buffer.firstIndex(of: 0x0A) {
                    lines.append(String(decoding: buffer[..<newline], as: UTF8.self))
                    buffer.removeSubrange(...newline)
                }
            }
        }
        read(lineCount: 4)
        #expect(lines == ["service-available", "reader-added\t\(lab.readerName)",
                          "card-inserted\t\(lab.readerName)\t3b888131fe454869434f53205633b8",
                          "reader-added\t\(lab.secondReaderName)"])
        try lab.control("remove")
        read(lineCount: 5)
        #expect(lines.last == "card-removed\t\(lab.readerName)")
        try lab.control("insert agency:gca")
        read(lineCount: 6)
        #expect(lines.last == "card-inserted\t\(lab.readerName)\t3b888131fe454869434f53205633b8")
        try present("person:lead")
    }

    @Test("token info: the token, its PIN state and certificates, without a PIN")
    func tokenInfo() throws {
        let result = try civicdesk(["token", "info", "--token", "pkcs11:token=admin", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let info = try json(result.output)
        #expect(info["label"] as? String == "admin")
        #expect(info["manufacturer"] as? String == "SoftHSM project")
        #expect(info["pinStatus"] as? String == "normal")
        #expect(info["pinMessage"] is NSNull)
        #expect((info["module"] as? String)?.hasSuffix("libsofthsm2.so") == true)
        let certificates = try #require(info["certificates"] as? [[String: Any]])
        #expect(Set(certificates.compactMap { $0["role"] as? String }) == ["signature", "encryption"])
        #expect(certificates.contains { $0["pem"] as? String == (try? TestPKI.text("people/admin/sign.pem")) })
        let text = try civicdesk(["token", "info", "--token", "pkcs11:token=gca"])
        #expect(text.output.contains("機關憑證"))
        let unknown = try civicdesk(["token", "info", "--token", "pkcs11:token=nobody"])
        #expect(unknown.status == 1 && unknown.error.contains("找不到符合的卡片"))
        let pinInURI = try civicdesk(["token", "info", "--token", "pkcs11:token=admin?pin-value=123456"])
        #expect(pinInURI.status == 1 && pinInURI.error.contains("pin-value"))
        #expect(try civicdesk(["token", "info"]).status == 2, "--token is required: a usage error")
    }

    @Test("token change-pin --pin-stdin: the new PIN works, the old one then fails")
    func changePIN() throws {
        let pin = try TestPKI.people().pin
        let changed = try civicdesk(["token", "change-pin", "--token", "pkcs11:token=clerk", "--pin-stdin"], input: "\(pin)\n8642Xy\n")
        #expect(changed.status == 0, "\(changed.error)")
        #expect(changed.output.contains("PIN 碼已變更"))
        let again = try civicdesk(["token", "change-pin", "--token", "pkcs11:token=clerk", "--pin-stdin"], input: "\(pin)\n135790\n")
        #expect(again.status == 1)
        #expect(again.error.contains("PIN 碼錯誤"), "the old PIN no longer works")
        let tooShort = try civicdesk(["token", "change-pin", "--token", "pkcs11:token=clerk", "--pin-stdin"], input: "8642Xy\n12345\n")
        #expect(tooShort.status == 1 && tooShort.error.contains("6 到 8 碼"))
        let noInput = try civicdesk(["token", "change-pin", "--token", "pkcs11:token=clerk", "--pin-stdin"], input: "")
        #expect(noInput.status == 1 && noInput.error.contains("沒有讀到 PIN 碼"))
        let back = try civicdesk(["token", "change-pin", "--token", "pkcs11:token=clerk", "--pin-stdin"], input: "8642Xy\n\(pin)\n")
        #expect(back.status == 0)
    }
}
