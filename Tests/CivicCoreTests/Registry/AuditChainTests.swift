import Testing
@testable import CivicCore

/// A signature port for the chain's logic: the "signature" is the signer's DER followed by the
/// content's test digest, so a changed content or signer shows. The real CMS signatures are
/// checked by the CLI tests.
struct TestAuditVerifier: DetachedSignatureVerifying {
    let signer: CertificateInfo
    let trusted: Bool

    static func sign(_ content: [UInt8], by signer: CertificateInfo) -> [UInt8] {
        var digest = TestDigest()
        digest.update(content)
        return signer.der + digest.finish()
    }

    func check(signature: [UInt8], over content: [UInt8]) -> SignatureCheck {
        guard signature == Self.sign(content, by: signer) else { return .badSignature(signer: nil) }
        return .verified(signer: signer, chainTrusted: trusted)
    }
}

@Suite("稽核紀錄的雜湊鏈")
struct AuditChainTests {
    let signer = RegistryFixtures.adminCertificate

    func log(_ count: Int) -> [SignedAuditEntry] {
        var entries: [SignedAuditEntry] = []
        var previous = AuditChain.genesis
        for sequence in 1...count {
            let entry = AuditEntry(sequence: sequence, time: "2026-12-06T17:00:0\(sequence)+08:00", action: "registry.clerk.add",
                                   actors: ["agency:3300000000000001", "administrator:1100000000000005"],
                                   data: #"{"name":"張雅婷\#(sequence)"}"#, previousSHA256: previous)
            let signed = SignedAuditEntry(entry: entry, signature: TestAuditVerifier.sign(entry.canonicalBytes, by: signer),
                                          signerCertificate: signer.der)
            previous = AuditChain.digest(of: signed, using: TestDigest())
            entries.append(signed)
        }
        return entries
    }

    func verify(_ entries: [SignedAuditEntry], trusted: Bool = true) -> AuditChain.Verification {
        AuditChain.verify(entries, makeDigest: { TestDigest() }, verifier: TestAuditVerifier(signer: signer, trusted: trusted))
    }

    @Test func canonicalBytesFrameEveryField() {
        let entry = AuditEntry(sequence: 2, time: "t", action: "a", actors: ["x:1", "y:2"], data: "d\nprevious 0:", previousSHA256: "p")
        #expect(String(decoding: entry.canonicalBytes, as: UTF8.self)
                == "civicdesk-audit-v1\nsequence 1:2\ntime 1:t\naction 1:a\nactors 7:x:1,y:2\ndata 13:d\nprevious 0:\nprevious 1:p\n")
    }

    @Test func anIntactLog() {
        #expect(verify(log(4)) == .intact(entries: 4))
        #expect(verify([]) == .intact(entries: 0))
        #expect(verify(log(2)).message.zh.contains("共 2 筆"))
    }

    @Test func aChangedEntryIsNamed() {
        var entries = log(4)
        let changed = entries[1].entry
        entries[1] = SignedAuditEntry(entry: AuditEntry(sequence: 2, time: changed.time, action: changed.action, actors: changed.actors,
                                                        data: #"{"name":"冒名"}"#, previousSHA256: changed.previousSHA256),
                                      signature: entries[1].signature, signerCertificate: entries[1].signerCertificate)
        #expect(verify(entries) == .broken(sequence: 2, .signatureInvalid))
        #expect(verify(entries).message.zh == "稽核紀錄第 2 筆有誤：簽章與內容不符（內容遭修改）。")
    }

    @Test func aDeletedEntryIsNamed() {
        var entries = log(4)
        entries.remove(at: 1)
        #expect(verify(entries) == .broken(sequence: 3, .missingBefore(expected: 2)))
    }

    @Test func aResignedEntryBreaksTheNextLink() {
        // Entry 2 re-signed after a change (by someone holding the key): its own signature holds,
        // entry 3's link does not.
        var entries = log(4)
        let old = entries[1].entry
        let forged = AuditEntry(sequence: 2, time: old.time, action: old.action, actors: old.actors, data: "{}", previousSHA256: old.previousSHA256)
        entries[1] = SignedAuditEntry(entry: forged, signature: TestAuditVerifier.sign(forged.canonicalBytes, by: signer),
                                      signerCertificate: signer.der)
        #expect(verify(entries) == .broken(sequence: 3, .linkBroken))
    }

    @Test func anUntrustedOrOtherSignerIsNamed() {
        #expect(verify(log(2), trusted: false) == .broken(sequence: 1, .signerMismatch))
        var entries = log(2)
        entries[0] = SignedAuditEntry(entry: entries[0].entry, signature: entries[0].signature,
                                      signerCertificate: RegistryFixtures.clerkCertificate.der)
        #expect(verify(entries) == .broken(sequence: 1, .signerMismatch))
    }
}

@Suite("稽核紀錄重演出的註冊資料")
struct AuditReplayTests {
    func entry(_ sequence: Int, _ change: RegistryChange) -> AuditEntry {
        AuditEntry(sequence: sequence, time: "t", action: change.action, actors: [], data: change.dataJSON, previousSHA256: "")
    }

    @Test func theLogAmountsToTheOfficeAndItsClerks() throws {
        let office = try RegistryFixtures.office()
        let catalogue = try RegistryFixtures.catalogue()
        let clerk = try Clerk(serial: CertificateSerial("1100000000000007"), name: "張雅婷", personalID: NationalID("E224613579"),
                              permissions: catalogue.permissions(["rosters.import"]))
        let renewed = try Clerk(serial: CertificateSerial("11000000000000AB"), name: "張雅婷", personalID: NationalID("E224613579"),
                                permissions: clerk.permissions)
        let other = try Clerk(serial: CertificateSerial("1100000000000003"), name: "陳美玲", personalID: NationalID("B223456782"),
                              permissions: catalogue.permissions(["rosters"]))
        let entries = [entry(1, .register(office, at: .now)), entry(2, .addClerk(clerk)), entry(3, .addClerk(other)),
                       entry(4, .changeClerk(serial: clerk.serial, to: renewed)), entry(5, .removeClerk(other))]
        let state = try #require(AuditReplay.state(after: entries))
        #expect(state.office == office)
        #expect(state.clerks == [renewed])
        #expect(AuditReplay.differences(state, office: office, clerks: [renewed]).isEmpty)
        let granted = try Clerk(serial: renewed.serial, name: "張雅婷", personalID: renewed.personalID, permissions: catalogue.permissions(["rosters"]))
        #expect(AuditReplay.differences(state, office: office, clerks: [granted]) == ["registry_clerk"])
        #expect(AuditReplay.differences(state, office: nil, clerks: [renewed]) == ["registry_office"])
        #expect(AuditReplay.state(after: [AuditEntry(sequence: 1, time: "t", action: "registry.clerk.add", actors: [], data: "{}",
                                                     previousSHA256: "")]) == nil)
    }
}
