import CivicTestSupport
import Foundation
import Testing

/// Short runs of the fault harnesses (`scripts/faults/`, issue 16): damaged batches imported one
/// per process, and imports and packs killed at random points, each against a card lab of its own.
@Suite("故障測試：損壞的批次與中途強制結束", .serialized)
struct FaultHarnessTests {
    /// A refused damaged batch used to kill its process now and then on the way out (a thread
    /// still inside the PKCS#11 module while exit-time finalizers ran): none may die or hang.
    @Test("150 damaged batches, each imported by a process of its own: every one refused, none dies or hangs")
    func damagedBatches() throws {
        let result = try FaultHarness.figures("damaged-imports.py", ["--runs", "150", "--seed", "\(Int.random(in: 1...1_000_000))"])
        #expect(result["runs"] as? Int == 150)
        #expect(result["signalled"] as? Int == 0, "\(result["signals"] ?? "") \(result["kept"] ?? "")")
        #expect(result["hung"] as? Int == 0)
        #expect((result["wrong"] as? [Any])?.isEmpty == true, "\(result["wrong"] ?? "")")
        #expect((result["refused"] as? Int ?? 0) > 140, "damage is found and refused")
    }

    /// A kill -9 leaves no hidden or partial file with personal data, and the case recovers.
    @Test("an import and a pack killed at random points leave nothing behind and complete when run again")
    func killedMidway() throws {
        let result = try FaultHarness.figures("kill-outputs.py", ["--trials", "3", "--records", "2000", "--seed", "\(Int.random(in: 1...1_000_000))"])
        for operation in ["import", "pack"] {
            let trials = try #require(result[operation] as? [String: Any])
            #expect(trials["trials"] as? Int == 3)
            #expect(trials["left"] as? Int == 0, "\(operation): \(trials["problems"] ?? "")")
            #expect(trials["failed"] as? Int == 0, "\(operation): \(trials["problems"] ?? "")")
        }
    }
}
