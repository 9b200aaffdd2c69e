// fuzz-links: Crypto
// A record's detached CMS signature (spec §2) and the statement it signs, checked both ways the
// verifier can: its fast path over the DER (`SignedDataView`, `CertificateView`,
// `RSAVerificationKey`, the trust store's cached anchors) and OpenSSL's own decoding
// (`OpenSSLSignatureCheck`), which has the last word. Checks that whenever the fast path
// answers, it answers as OpenSSL does. The input is the statement's length (two bytes,
// big-endian), the statement, then the signature's DER.
@testable import CivicCore
@testable import CivicCrypto

let trustStore: TrustStore = {
    do {
        return try TrustStore(folder: testPKI("trust"))
    } catch {
        fatalError("fuzz: cannot read the TEST trust anchors: \(error)")
    }
}()
let verifier = DetachedSignatureVerifier(trustStore: trustStore)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard bytes.count >= 2 else { return 0 }
    let length = min(Int(bytes[0]) << 8 | Int(bytes[1]), bytes.count - 2)
    let content = Array(bytes[2..<2 + length])
    let signature = Array(bytes[(2 + length)...])
    let reference = OpenSSLSignatureCheck(trustStore: trustStore).check(signature: signature, over: content)
    if let fast = verifier.fastCheck(signature: signature, over: content) {
        require(fast == reference, "fast path says \(fast), OpenSSL \(reference)")
    }
    if let fast = verifier.fastVerdict(signature: signature, over: content) {
        require(fast == SignatureVerdict(reference), "fast verdict \(fast), OpenSSL \(reference)")
    }
    return 0
}
