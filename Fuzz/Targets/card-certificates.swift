// fuzz-links: Crypto
// Certificates as the 讀卡機與憑證 page reads them from a card: the MOICA certificate store
// (EF 08F2, four slots of 0x700 bytes), each slot sized from its first bytes (`DERHeader`),
// read through OpenSSL (`CertificateParser`), the card classified (`CardClassifier`), and each
// certificate judged against the TEST anchors and summarised for the page and its copy button.
// A certificate file (DER or PEM, as trust anchors and `--recipient` are read) goes the same
// way. Checks that `CertificateView`, the verifier's own DER reading, makes the very
// `CertificateInfo` OpenSSL's reading makes whenever it takes a certificate.
import Foundation
@testable import CivicCore
@testable import CivicCrypto

let anchors: TrustAnchors = {
    do {
        return .loaded(try TrustStore(folder: testPKI("trust")))
    } catch {
        fatalError("fuzz: cannot read the TEST trust anchors: \(error)")
    }
}()
let now = Date(timeIntervalSince1970: 1_709_600_000)

/// `parse(der:)` and, when it takes the bytes, `CertificateView`'s reading of them.
func certificate(_ der: [UInt8]) -> CertificateInfo? {
    let info = try? CertificateParser.parse(der: der)
    if let view = CertificateView(der: der) {
        require(info == view.info(), "CertificateView reads \(view.info()), OpenSSL \(String(describing: info))")
        require(view.signerFacts() == info.map(SignerFacts.init), "signer facts differ")
    }
    return info
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    var store: [MOICALayout.Slot: CertificateInfo] = [:]
    for slot in MOICALayout.Slot.allCases where slot.offset < bytes.count {
        let first = Array(bytes[slot.offset..<min(slot.offset + DERHeader.probeLength, bytes.count)])
        guard let size = DERHeader.sequenceSize(first), size <= MOICALayout.slotSize else { continue }
        let der = Array(bytes[slot.offset..<min(slot.offset + size, bytes.count)])
        if let info = certificate(der) { store[slot] = info }
    }
    var contents = CardClassifier.hiCOSCard(atr: [0x3B, 0x9F], store: store)
    if let file = try? CertificateParser.parse(fileContents: bytes) {
        let found = file.compactMap { info in CardClassifier.role(of: info).map { CardCertificate(role: $0, certificate: info) } }
        contents = CardContents(kind: contents.kind, atr: contents.atr, certificates: contents.certificates + found)
    }
    let trust = anchors.judge(contents.certificates.map(\.certificate))
    for (entry, judged) in zip(contents.certificates, trust) {
        _ = CertificateSummary(entry, trust: judged, now: now).copyText { $0.zh }
    }
    return 0
}
