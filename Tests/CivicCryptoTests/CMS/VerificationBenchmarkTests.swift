import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

/// How fast record signatures verify, on records shaped like a roster's: every record signed by
/// its own certificate (issued by the MOICA-like test CA), with signed attributes. The sizes
/// come from `CIVIC_BENCH_SIGNERS` (200) and `CIVIC_BENCH_ROUNDS` (5); `scripts/bench-crypto.sh`
/// runs it large, in release mode, beside `openssl speed`.
@Suite("Record verification speed")
struct VerificationBenchmarkTests {
    struct Record: Sendable {
        let tbs: [UInt8]
        let signature: [UInt8]
    }

    @Test func recordsVerifyAtAboutTwoRSAVerificationsEach() throws {
        let environment = ProcessInfo.processInfo.environment
        let signers = Int(environment["CIVIC_BENCH_SIGNERS"] ?? "") ?? 200
        let rounds = Int(environment["CIVIC_BENCH_ROUNDS"] ?? "") ?? 5
        let records = try Self.records(signers)
        let verifier = DetachedSignatureVerifier(trustStore: try TestKeys.trustStore())
        let checks = signers * rounds

        var start = Date()
        var failures = 0
        for index in 0..<checks {
            let record = records[index % signers]
            if case .verified(_, chainTrusted: true) = verifier.check(signature: record.signature, over: record.tbs) {} else { failures += 1 }
        }
        let oneThread = Date().timeIntervalSince(start) * 1e6 / Double(checks)

        let workers = ProcessInfo.processInfo.activeProcessorCount
        let failed = Tally()
        start = Date()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = 0
            for index in stride(from: worker, to: checks, by: workers) {
                let record = records[index % signers]
                if case .verified(_, chainTrusted: true) = verifier.check(signature: record.signature, over: record.tbs) {} else { local += 1 }
            }
            failed.add(local)
        }
        let allThreads = Date().timeIntervalSince(start) * 1e6 / Double(checks)
        print(String(format: "Verified %d record signatures: %.1f µs each on one thread, %.1f µs each (wall) on %d threads",
                     checks, oneThread, allThreads, workers))
        #expect(failures == 0 && failed.total == 0)
    }

    /// `count` records, each signed by a certificate of its own over a pool of four keys.
    static func records(_ count: Int) throws -> [Record] {
        let issuer = try CertificateIssuer(certificateFile: TestPKI.url("ca/moica.pem"), keyFile: TestPKI.url("ca/moica.key"))
        let pool = try (0..<4).map { _ in try RSAPrivateKey.generate() }
        let signedAt = Date(timeIntervalSince1970: 1_709_622_331)
        let made = Slots<Result<Record, Error>>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            made.set(index, Result {
                let name = "連署人\(index)"
                let request = CertificateRequest.naturalPersonSigning(
                    name: name, subjectSerialNumber: String(format: "%016d", index), serialHex: String(format: "79%014X", index),
                    notBefore: Date(timeIntervalSince1970: 1_704_067_200), notAfter: Date(timeIntervalSince1970: 2_366_841_599))
                let key = pool[index % pool.count]
                let signer = try SoftwareKey(privateKey: key, certificate: issuer.issue(request, for: key))
                let tbs = OpenSSLSigner.tbs(id: String(format: "A1%08d", index), name: name)
                return Record(tbs: tbs, signature: try DetachedSigner.sign(tbs, with: signer, signingTime: signedAt))
            })
        }
        return try made.values.map { try $0.get() }
    }
}

/// A sum that many threads add to.
final class Tally: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func add(_ amount: Int) {
        lock.withLock { value += amount }
    }

    var total: Int { lock.withLock { value } }
}

/// One slot per index, written by many threads.
final class Slots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { slots[index] = value }
    }

    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
