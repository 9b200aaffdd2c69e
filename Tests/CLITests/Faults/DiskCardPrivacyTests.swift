import CivicTestSupport
import Foundation
import Testing

/// Short runs of the full-disk, card-pull and privacy harnesses (`scripts/faults/`, issue 16,
/// items 3 and 6), each against a card lab of its own; `make faults` runs them longer.
@Suite("故障與隱私測試：磁碟已滿、取出卡片、模組故障、權限與個資外洩", .serialized)
struct DiskCardPrivacyTests {
    /// A tmpfs needs root (`mount -t tmpfs`), as the test machines run.
    @Test("a full disk under the workspace or the output folder: 「磁碟空間不足」, nothing partial, the case completes once space is freed",
          .enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func diskFull() throws {
        let result = try FaultHarness.figures("disk-full.py", ["--records", "1000", "--sizes", "0.3,0.7"])
        for operation in ["import", "pack"] {
            let runs = try #require(result[operation] as? [String: Any])
            #expect(runs["runs"] as? Int == 2)
            #expect(runs["failed"] as? Int == 0, "\(operation): \(runs["problems"] ?? "")")
            #expect((runs["clear"] as? Int ?? 0) >= 1, "\(operation): the disk filled up at least once")
        }
    }

    /// The command line watches the reader of the card it was given; a pull stops the batch.
    @Test("the card pulled mid-import or mid-pack: 「卡片已從讀卡機取出」, nothing partial, the case completes with the card back")
    func cardPulled() throws {
        let result = try FaultHarness.figures("card-pull.py", ["--trials", "2", "--records", "1500", "--seed", "\(Int.random(in: 1...1_000_000))"])
        for operation in ["import", "pack"] {
            let runs = try #require(result[operation] as? [String: Any])
            #expect(runs["trials"] as? Int == 2)
            #expect(runs["failed"] as? Int == 0, "\(operation): \(runs["problems"] ?? "")")
        }
    }

    /// SoftHSM2 behind `failing-pkcs11.c`: from a random call on, the module answers
    /// CKR_DEVICE_ERROR, as a card or reader that died mid-operation does.
    @Test("the token's module failing mid-import or mid-pack: 「卡片無法完成操作」, nothing partial, the case completes with the module whole")
    func moduleFails() throws {
        let result = try FaultHarness.figures("card-pull.py", ["--fault", "module", "--trials", "3", "--records", "1500",
                                                  "--seed", "\(Int.random(in: 1...1_000_000))"])
        for operation in ["import", "pack"] {
            let runs = try #require(result[operation] as? [String: Any])
            #expect(runs["trials"] as? Int == 3 && runs["struck"] as? Int == 3)
            #expect(runs["failed"] as? Int == 0, "\(operation): \(runs["problems"] ?? "")")
        }
    }

    /// modes: 0700/0600 under umask 000 and 022, nothing created elsewhere; leaks: no PIN, full
    /// ID, name or address printed or in a crash report; purge: none left in the raw files.
    @Test("privacy", arguments: ["modes", "leaks", "purge"])
    func privacy(check: String) throws {
        let result = try FaultHarness.figures("privacy.py", ["--only", check, "--records", "100"])
        let problems = try #require(result[check] as? [String])
        #expect(problems.isEmpty, "\(problems)")
    }
}
