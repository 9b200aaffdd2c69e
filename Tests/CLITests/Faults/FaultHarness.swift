import CivicTestSupport
import Foundation
import Testing

/// The fault harnesses of `scripts/faults/` as the short tests run them.
enum FaultHarness {
    private static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/faults")

    /// Runs `script` with `--json`; its figures. No SOFTHSM2_CONF, so each starts a card lab of
    /// its own, which no other test takes the card out of or logs in to meanwhile.
    static func figures(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        let build = BuiltProduct.url("civicdesk").deletingLastPathComponent().path
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/python3"),
                                        [scripts.appendingPathComponent(script).path, "--json", "--build", build] + arguments,
                                        environment: ["SOFTHSM2_CONF": "", "PCSCLITE_CSOCK_NAME": ""])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
                            "\(result.status): \(result.error)")
    }
}
