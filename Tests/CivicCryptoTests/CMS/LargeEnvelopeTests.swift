import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

/// A batch far larger than memory should hold (spec: ~150 MB batches, imports under 300 MB):
/// decrypting streams it. `CIVIC_LARGE_ENVELOPE_MB` sets the size (200 by default).
@Suite("Large batch files")
struct LargeEnvelopeTests {
    @Test func decryptsInLittleMemory() throws {
        let megabytes = Int(ProcessInfo.processInfo.environment["CIVIC_LARGE_ENVELOPE_MB"] ?? "") ?? 200
        let folder = try TemporaryFolder()
        let plainFile = folder.file("plain.jsonl")
        let expected = try writeRoster(megabytes: megabytes, to: plainFile)
        let encrypted = folder.file("batch.cec")
        let encryptStart = Date()
        try OpenSSLCommand.run(["cms", "-encrypt", "-binary", "-stream", "-aes-256-gcm", "-in", plainFile.path,
                                "-out", encrypted.path, "-outform", "DER", "-recip", TestPKI.url("people/lead/enc.pem").path])
        let encryptSeconds = Date().timeIntervalSince(encryptStart)
        try FileManager.default.removeItem(at: plainFile)

        let envelope = try EncryptedEnvelope(contentsOf: encrypted)
        let key = try TestKeys.encryption("lead")
        let baseline = residentBytes()
        var peak = baseline
        var digest = Digest()
        let start = Date()
        let summary = try envelope.decrypt(with: key, progress: { _ in peak = max(peak, residentBytes()) }) { chunk in
            peak = max(peak, residentBytes())
            digest.update(chunk)
        }
        let seconds = Date().timeIntervalSince(start)
        #expect(Digest.hex(digest.finish()) == expected)
        #expect(summary.plaintextBytes == Int64(megabytes) << 20 && summary.authenticated)
        let growth = Double(peak - baseline) / 1_048_576
        print(String(format: "Decrypted %d MB (file %.1f MB) in %.2f s (%.0f MB/s; openssl encrypted it in %.2f s); resident memory grew by %.1f MB",
                     megabytes, Double(envelope.fileSize) / 1_048_576, seconds, Double(megabytes) / seconds, encryptSeconds, growth))
        // Other tests run alongside, so this bound is loose; a file held in memory would exceed it by far.
        #expect(growth < 48)
    }

    /// Writes `megabytes` MB of roster-like lines in 1 MB blocks; returns their SHA-256 hex.
    private func writeRoster(megabytes: Int, to url: URL) throws -> String {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var block = rosterText(lines: 12_000)
        block = Array(block.prefix(1 << 20)) + [UInt8](repeating: 0x0A, count: max(0, (1 << 20) - block.count))
        var digest = Digest()
        for index in 0..<megabytes {
            block[0] = UInt8(truncatingIfNeeded: index)
            digest.update(block)
            try handle.write(contentsOf: block)
        }
        return Digest.hex(digest.finish())
    }

    /// This process's resident set size (VmRSS).
    private func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }
}
