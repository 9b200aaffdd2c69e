// fuzz-links: Crypto
// One record line of a decrypted batch (spec §2–§3) as the import checks it: the JSON object,
// the signed statement in `tbs`, and the detached CMS signature in `sig` with the signer's
// certificate, verified and chained to the TEST PKI's anchors (`data/test-pki/trust`), then
// the record rules. Checks that a record called valid is one of a well-formed line.
@testable import CivicCore
@testable import CivicCrypto

let checker: RecordChecker = {
    do {
        return RecordChecker(headerCaseId: "113002",
                             verifier: DetachedSignatureVerifier(trustStore: try TrustStore(folder: testPKI("trust"))))
    } catch {
        fatalError("fuzz: cannot read the TEST trust anchors: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let line = fuzzBytes(data, size)
    let record = checker.check(line: line, seq: 1)
    if record.status == .valid {
        require(record.lineIsObject && record.statement.isComplete, "a valid record without a whole statement")
    }
    _ = record.status.label
    return 0
}
