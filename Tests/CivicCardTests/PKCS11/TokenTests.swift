import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation
import Testing
@testable import CivicCard

extension TokenLabTests {
    @Suite("Tokens: finding them, their certificates, signing and decrypting")
    struct Tokens {
        let hsm: SoftHSM

        init() throws {
            hsm = try SoftHSM()
        }

        @Test("the module from CIVICDESK_PKCS11_MODULE lists one token per test person and agency")
        func listing() throws {
            #expect(hsm.module.manufacturer == "SoftHSM")
            let tokens = try hsm.module.tokens()
            let slots = try hsm.module.slots()
            #expect(slots.count == tokens.count + 1, "SoftHSM2 adds one slot with an uninitialised token, not listed as a token")
            #expect(Set(tokens.map(\.description.slotID)).isSubset(of: slots.map(\.slotID)))
            #expect(slots.allSatisfy { $0.tokenPresent })
            let labels = Set(tokens.map(\.description.label))
            #expect(labels.isSuperset(of: ["lead", "other", "admin", "clerk", "wrong-usage", "gca", "xca", "moeaca"]))
            let lead = try hsm.token("pkcs11:token=lead")
            #expect(lead.description.manufacturer == "SoftHSM project")
            #expect(try hsm.token("pkcs11:serial=\(lead.description.serial)").description.label == "lead")
            #expect(throws: TokenError.tokenNotFound(uri: "pkcs11:token=nobody")) { try hsm.token("pkcs11:token=nobody") }
            #expect(throws: TokenError.tokenNotFound(uri: "pkcs11:library-manufacturer=HiCOS;token=lead")) {
                try hsm.token("pkcs11:library-manufacturer=HiCOS;token=lead")
            }
            let ambiguous = #expect(throws: TokenError.self) { try hsm.token("pkcs11:model=SoftHSM%20v2") }
            guard case .ambiguousToken(_, let labels) = ambiguous else {
                Issue.record("several tokens match: \(String(describing: ambiguous))")
                return
            }
            #expect(labels.contains("lead") && labels.contains("gca"))
        }

        @Test("a module path that is missing, or not a PKCS#11 module")
        func badModules() throws {
            #expect(throws: TokenError.moduleNotFound(searched: ["/nonexistent/libp11.so"])) {
                try PKCS11Module.load(for: PKCS11URI("pkcs11:?module-path=/nonexistent/libp11.so"))
            }
            let notAModule = #expect(throws: TokenError.self) { try PKCS11Module.load(path: TestPKI.url("people.json").path) }
            guard case .moduleUnusable(let path, _) = notAModule else {
                Issue.record("a JSON file is not a module: \(String(describing: notAModule))")
                return
            }
            #expect(path.hasSuffix("people.json"))
        }

        @Test("which module: the URI's path, else its name, else the setting, else a well-known one")
        func moduleLocation() throws {
            #expect(PKCS11ModuleLocation(uri: nil, configuredPath: nil).candidates == PKCS11ModuleLocation.wellKnown)
            #expect(PKCS11ModuleLocation(uri: nil, configuredPath: "/x.so").candidates == ["/x.so"])
            #expect(PKCS11ModuleLocation(uri: try PKCS11URI("pkcs11:?module-path=/y.so"), configuredPath: "/x.so").candidates
                    == ["/y.so"])
            let named = PKCS11ModuleLocation(uri: try PKCS11URI("pkcs11:?module-name=softhsm2"), configuredPath: "/x.so")
            #expect(!named.candidates.contains("/x.so"))
            #expect(named.firstInstalled(FileManager.default.fileExists(atPath:)) == "/usr/lib/softhsm/libsofthsm2.so")
            #expect(PKCS11ModuleLocation(uri: nil, configuredPath: nil).firstInstalled { $0.hasSuffix("opensc-pkcs11.so") }
                    == "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "OpenSC comes before SoftHSM2, HiCOS before both")
        }

        @Test("certificates without a PIN, with their roles")
        func certificates() throws {
            let lead = try hsm.token("pkcs11:token=lead").certificates()
            #expect(Set(lead.map(\.role)) == [.signature, .encryption])
            #expect(lead.first { $0.role == .signature }?.certificate.der == (try TestPKI.der("people/lead/sign.pem")))
            #expect(lead.first { $0.role == .encryption }?.certificate.der == (try TestPKI.der("people/lead/enc.pem")))
            #expect(try hsm.token("pkcs11:token=gca").certificates().map(\.role) == [.agency])
        }

        @Test("from a card's certificate to the token behind its PIN")
        func tokenHoldingCertificate() throws {
            let signature = try CertificateParser.parse(der: TestPKI.der("people/admin/sign.pem"))
            #expect(try hsm.module.token(holding: signature)?.description.label == "admin")
            let root = try CertificateParser.parse(der: TestPKI.der("ca/root.pem"))
            #expect(try hsm.module.token(holding: root) == nil)
        }

        @Test("a signature OpenSSL verifies, and the same bytes OpenSSL makes with the key file")
        func signAndVerify() throws {
            let openssl = try OpenSSLTool()
            defer { openssl.remove() }
            let login = try hsm.token("pkcs11:token=lead").login(pin: hsm.pin(hsm.people.pin))
            defer { login.logout() }
            let key = try login.signingKey()
            #expect(key.certificate.der == (try TestPKI.der("people/lead/sign.pem")))
            let message = Array("連署名冊 batch 1 — CivicDesk".utf8)
            let signature = try key.signSHA256(message)
            #expect(signature.count == 256)

            let messageFile = try openssl.file("message", message)
            let signatureFile = try openssl.file("signature", signature)
            let verified = try openssl.run(["dgst", "-sha256", "-verify", openssl.publicKey(ofCertificate: "people/lead/sign.pem"),
                                            "-signature", signatureFile, messageFile])
            #expect(verified.status == 0 && verified.output.contains("Verified OK"), "\(verified.output)\(verified.error)")
            let reference = openssl.folder.appendingPathComponent("reference").path
            try openssl.run(["dgst", "-sha256", "-sign", TestPKI.url("people/lead/sign.key").path, "-out", reference, messageFile])
            #expect(try openssl.bytes(reference) == signature, "PKCS#1 v1.5 is deterministic")
        }

        @Test("decrypting what OpenSSL encrypted: PKCS#1 v1.5, OAEP with SHA-1 and with SHA-256",
              arguments: [(RSAPadding.pkcs1v15, [String]()),
                          (.oaep(.sha1), ["-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha1"]),
                          (.oaep(.sha256), ["-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256",
                                            "-pkeyopt", "rsa_mgf1_md:sha256"])])
        func decrypt(padding: RSAPadding, options: [String]) throws {
            let openssl = try OpenSSLTool()
            defer { openssl.remove() }
            let contentKey = (0..<32).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let ciphertextFile = openssl.folder.appendingPathComponent("wrapped").path
            let encrypted = try openssl.run(["pkeyutl", "-encrypt", "-pubin", "-inkey", openssl.publicKey(ofCertificate: "people/lead/enc.pem"),
                                             "-in", openssl.file("key", contentKey), "-out", ciphertextFile] + options)
            #expect(encrypted.status == 0, "\(encrypted.error)")
            let login = try hsm.token("pkcs11:token=lead").login(pin: hsm.pin(hsm.people.pin))
            defer { login.logout() }
            let key = try login.decryptionKey()
            #expect(key.certificate.der == (try TestPKI.der("people/lead/enc.pem")))
            let ciphertext = try openssl.bytes(ciphertextFile)
            #expect(try key.decrypt(ciphertext, padding: padding) == contentKey)
            #expect(throws: TokenError.decryptionFailed) {
                try key.decrypt([UInt8](repeating: 0x42, count: 256), padding: padding)
            }
            if padding == .oaep(.sha256) {
                // SoftHSM2 2.6 takes OAEP with SHA-1 only: the key above decrypted raw RSA and
                // removed the OAEP padding itself.
                #expect(throws: TokenError.mechanismUnsupported("RSA-OAEP (SHA-256)")) {
                    try login.withSession { (session) throws(TokenError) in
                        try session.run(.decrypt, mechanism: .rsaOAEP(.sha256), key: key.handle, input: ciphertext)
                    }
                }
            }
        }

        @Test("an agency's one key signs and decrypts; keys are chosen by usage, narrowed by the URI")
        func keySelection() throws {
            let agency = try hsm.token("pkcs11:token=moeaca").login(pin: hsm.pin(hsm.people.pin))
            defer { agency.logout() }
            let agencyDER = try TestPKI.der("agencies/moeaca/agency.pem")
            #expect(try agency.signingKey().certificate.der == agencyDER)
            #expect(try agency.decryptionKey().certificate.der == agencyDER)

            let lead = try hsm.token("pkcs11:token=lead").login(pin: hsm.pin(hsm.people.pin))
            defer { lead.logout() }
            #expect(throws: TokenError.keyNotFound(.signature)) { try lead.signingKey(matching: PKCS11URI("pkcs11:object=enc")) }
            #expect(try lead.decryptionKey(matching: PKCS11URI("pkcs11:id=%02")).certificate.der
                    == (try TestPKI.der("people/lead/enc.pem")))

            let wrongUsage = try hsm.token("pkcs11:token=wrong-usage").login(pin: hsm.pin(hsm.people.pin))
            defer { wrongUsage.logout() }
            #expect(throws: TokenError.keyNotFound(.signature), "its signing certificate allows keyAgreement only") {
                try wrongUsage.signingKey()
            }
        }

        @Test("after logout the keys stop working; the PIN is wiped on every path")
        func logoutAndWiping() throws {
            let correct = hsm.pin(hsm.people.pin)
            let login = try hsm.token("pkcs11:token=clerk").login(pin: correct)
            #expect(correct.withBytes { $0.allSatisfy { $0 == 0 } }, "wiped after a login")
            let key = try login.signingKey()
            login.logout()
            #expect(throws: TokenError.loggedOut) { try key.signSHA256([1, 2, 3]) }
            let wrong = hsm.pin("000000")
            #expect(throws: TokenError.self) { try hsm.token("pkcs11:token=clerk").login(pin: wrong) }
            #expect(wrong.withBytes { $0.allSatisfy { $0 == 0 } }, "wiped after a failed login")
            _ = try hsm.token("pkcs11:token=clerk").login(pin: hsm.pin(hsm.people.pin)) // clears the count-low flag again
        }
    }
}
