import CivicTestSupport
import Foundation
import Testing

extension RosterCommandTests {
    @Suite("civicdesk-rostergen: the benchmark's and the demo's rosters")
    struct Generator {
        let cli: RosterCLI

        init() throws {
            cli = try RosterCLI()
            try cli.lab.ensureLeadCard()
        }

        func generate(_ folder: String, _ options: [String]) throws -> [URL] {
            let out = cli.folder.file(folder)
            let result = try BuiltProduct.run("civicdesk-rostergen", ["--out", out.path, "--pki", TestPKI.root.path,
                                                                      "--recipient", TestPKI.url("people/lead/enc.pem").path,
                                                                      "--key-pool", cli.folder.file("keys.pem").path, "--key-pool-size", "4"]
                                                  + options)
            #expect(result.status == 0, "\(result.error)")
            return try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil)
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }

        @Test("batches named by their download day, with every status of spec §3, imported by the real command")
        func everyDefect() throws {
            let files = try generate("roster", ["--batches", "2", "--records", "400", "--defects", "30", "--seed", "7"])
            #expect(files.map(\.lastPathComponent) == ["113002-連署-20240306.cec", "113002-連署-20240311.cec"])
            let imported = try cli.importFiles(files)
            #expect(imported.status == 0, "\(imported.error)")
            let counts = try cli.counts()
            #expect(counts.values.reduce(0, +) == 400)
            #expect(counts.allSatisfy { $0.value > 0 }, "every status occurs: \(counts)")
            #expect(Double(counts["valid"] ?? 0) / 400 > 0.6)
        }

        @Test("the same seed and key pool give the same records, in either envelope")
        func deterministic() throws {
            let options = ["--records", "60", "--defects", "50", "--seed", "3"]
            let first = try generate("first", options)
            let second = try generate("second", options + ["--cipher", "cbc", "--oaep"])
            func plaintext(_ file: URL, _ extra: [String]) throws -> String {
                try OpenSSLCommand.run(["cms", "-decrypt", "-binary", "-inform", "DER", "-in", file.path,
                                        "-recip", TestPKI.url("people/lead/enc.pem").path,
                                        "-inkey", TestPKI.url("people/lead/enc.key").path] + extra)
            }
            #expect(try plaintext(first[0], []) == (try plaintext(second[0], ["-keyopt", "rsa_padding_mode:oaep",
                                                                              "-keyopt", "rsa_oaep_md:sha256"])))
        }
    }
}
