// fuzz-links: Crypto
// An encrypted batch file (spec §1) as `EncryptedEnvelope` opens and decrypts it: CMS
// AuthEnvelopedData or EnvelopedData in DER, BER (`openssl cms -stream`) or PEM armour, its
// recipients, then the content streamed through AES with the lead person's key (the TEST PKI's).
// The input is the whole file. Each distinct wrapped key is unwrapped once (RSA is slow), so
// most runs go to the structure and the content.
import Foundation
@testable import CivicCrypto

/// The lead person's encryption key, whose card the seed batches are encrypted for.
let leadKey: SoftwareKey = {
    do {
        return try SoftwareKey(keyFile: testPKI("people/lead/enc.key"), certificateFile: testPKI("people/lead/enc.pem"))
    } catch {
        fatalError("fuzz: cannot read the lead's TEST key: \(error)")
    }
}()

/// The input goes to this unlinked file, reopened by the envelope through `/proc/self/fd`.
let scratch: (descriptor: Int32, url: URL) = {
    let path = NSTemporaryDirectory() + "/civicdesk-fuzz-envelope.\(getpid())"
    let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { fatalError("fuzz: cannot create \(path)") }
    unlink(path)
    return (descriptor, URL(fileURLWithPath: "/proc/self/fd/\(descriptor)"))
}()

/// Unwrapped content keys by wrapped key and algorithm (nil when the key refused to unwrap).
nonisolated(unsafe) var unwrapped: [[UInt8]: ContentKey?] = [:]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    ftruncate(scratch.descriptor, 0)
    guard pwrite(scratch.descriptor, bytes, bytes.count, 0) == bytes.count else { fatalError("fuzz: write failed") }
    guard let envelope = try? EncryptedEnvelope(contentsOf: scratch.url) else { return 0 }
    _ = envelope.recipients.map { ($0.identifier.name, $0.keyTransportName) }
    guard let recipient = envelope.recipient(for: leadKey.certificate) else { return 0 }
    let memo = recipient.encryptedKey + Array(envelope.algorithm.rawValue.utf8)
    let key: ContentKey?
    if let known = unwrapped[memo] {
        key = known
    } else {
        key = try? envelope.unwrapContentKey(with: leadKey)
        if unwrapped.count > 10_000 { unwrapped.removeAll() }
        unwrapped[memo] = key
    }
    guard let key else { return 0 }
    var plaintext = 0
    let summary = try? envelope.decrypt(using: key, chunkSize: 4096) { plaintext += $0.count }
    if let summary {
        require(summary.plaintextBytes == Int64(plaintext), "decrypted \(plaintext) bytes, summary says \(summary.plaintextBytes)")
    }
    return 0
}
