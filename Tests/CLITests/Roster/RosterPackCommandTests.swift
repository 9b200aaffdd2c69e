import CivicTestSupport
import Foundation
import Testing

extension RosterCommandTests {
    @Suite("roster pack and purge")
    struct PackAndPurge {
        static let packedAt = "2024-03-07T09:00:00+08:00"
        let cli: RosterCLI

        init() throws {
            cli = try RosterCLI()
            try cli.lab.ensureLeadCard()
            let imported = try cli.importFiles([cli.builder.file(Import.everyStatusBatch(cli.builder))])
            #expect(imported.status == 0, "\(imported.error)")
        }

        func pack(_ extra: [String], pin: String? = RosterCLI.pin) throws -> RosterCLI.Run {
            try cli.roster(["pack", "--case", "113002", "--token", RosterCLI.token, "--pin-stdin"] + extra, input: pin.map { $0 + "\n" })
        }

        /// The zip's entries, extracted by Info-ZIP's `unzip`: a reader independent of CivicDesk's writer.
        func extract(_ zip: URL) throws -> TemporaryFolder {
            let folder = try TemporaryFolder()
            let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-q", zip.path, "-d", folder.url.path])
            #expect(result.status == 0, "\(result.error)")
            return folder
        }

        func bytes(_ name: String, in folder: TemporaryFolder) throws -> [UInt8] {
            Array(try Data(contentsOf: folder.file(name)))
        }

        @Test("the package: entries in order, openssl accepts the signature, the digests match, packing again is identical")
        func package() throws {
            let first = cli.folder.file("out-1")
            let result = try pack(["--out", first.path, "--packed-at", Self.packedAt])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("已打包案號 113002：有效 3 筆，排除 11 筆。"))
            #expect(result.output.contains("隨身碟"), "the reminder of what each file is for")
            let zip = first.appendingPathComponent("連署(送件用).zip")
            #expect(FileManager.default.fileExists(atPath: first.appendingPathComponent("連署.xlsx").path))
            let listing = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-Z1", zip.path])
            #expect(listing.output.split(separator: "\n") == ["manifest.json", "records.jsonl", "excluded.jsonl", "manifest.json.p7s"])

            let extracted = try extract(zip)
            let manifestBytes = try bytes("manifest.json", in: extracted)
            let anchors = try FileManager.default.contentsOfDirectory(atPath: TestPKI.url("trust").path).sorted()
                .map { try TestPKI.text("trust/\($0)") }.joined()
            let bundle = try extracted.write(Array(anchors.utf8), to: "anchors.pem")
            let verified = try OpenSSLCommand.status(["cms", "-verify", "-binary", "-inform", "DER", "-in", extracted.file("manifest.json.p7s").path,
                                                      "-content", extracted.file("manifest.json").path, "-CAfile", bundle.path,
                                                      "-purpose", "any", "-out", "/dev/null"])
            #expect(verified.status == 0, "\(verified.error)")

            let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestBytes)) as? [String: Any])
            let files = try #require(manifest["files"] as? [String: String])
            let records = try bytes("records.jsonl", in: extracted)
            let excluded = try bytes("excluded.jsonl", in: extracted)
            #expect(files["records.jsonl"] == (try OpenSSLCommand.sha256Hex(records)))
            #expect(files["excluded.jsonl"] == (try OpenSSLCommand.sha256Hex(excluded)))
            #expect(records.split(separator: 0x0A).count == 3 && excluded.split(separator: 0x0A).count == 11)
            #expect(manifest["counts"] as? [String: Int] == (try cli.counts()))
            #expect(manifest["packedAt"] as? String == Self.packedAt)
            #expect(manifest["packedBy"] as? String == "serialNumber=0000000112345678,CN=王大明,C=TW")

            let second = cli.folder.file("out-2")
            #expect(try pack(["--out", second.path, "--packed-at", Self.packedAt]).status == 0)
            let again = try extract(second.appendingPathComponent("連署(送件用).zip"))
            for name in ["manifest.json", "records.jsonl", "excluded.jsonl"] {
                #expect(try bytes(name, in: again) == (try bytes(name, in: extracted)), "\(name) is the same at the same packedAt")
            }
        }

        @Test("without --out the files go to CivicDesk/{caseId}/ in the Documents folder")
        func defaultFolder() throws {
            #expect(try pack([]).status == 0)
            let folder = cli.folder.file("Documents/CivicDesk/113002")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["連署(送件用).zip", "連署.xlsx"])
        }

        /// A real full disk: a 16 KiB tmpfs (mounting needs root, as CI and the development machines have).
        @Test("a full disk: the previous outputs stay as they were, nothing half-written is left", .enabled(if: getuid() == 0))
        func fullDisk() throws {
            let disk = cli.folder.file("small-disk")
            try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
            let mounted = try Subprocess.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=16k,mode=0700", "tmpfs", disk.path])
            try #require(mounted.status == 0, "\(mounted.error)")
            defer { _ = try? Subprocess.run(URL(fileURLWithPath: "/bin/umount"), [disk.path]) }
            let previous = ["連署(送件用).zip": Data("the previous zip".utf8), "連署.xlsx": Data("the previous spreadsheet".utf8)]
            for (name, bytes) in previous { try bytes.write(to: disk.appendingPathComponent(name)) }
            let result = try pack(["--out", disk.path])
            #expect(result.status == 1)
            #expect(result.error.contains("磁碟空間不足"), "\(result.error)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == previous.keys.sorted())
            for (name, bytes) in previous {
                #expect(try Data(contentsOf: disk.appendingPathComponent(name)) == bytes)
            }
        }

        @Test("purge: the statistics stay, the records go; the case can no longer be packed or added to")
        func purge() throws {
            let counts = try cli.counts()
            let result = try cli.roster(["purge", "--case", "113002"])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("已清除案號 113002 的個人資料"))
            let status = try #require(try cli.status())
            #expect(status["purgedAt"] is String)
            #expect(try cli.counts() == counts)
            #expect((status["batches"] as? [[String: Any]])?.first?["sha256"] is String)
            #expect(try cli.records().isEmpty)
            #expect(try cli.roster(["status", "--case", "113002"]).output.contains("個人資料已於"))

            let packed = try pack([], pin: nil)
            #expect(packed.status == 1 && packed.error.contains("個人資料已清除"), "refused before the PIN")
            let later = try cli.builder.file(TestBatch(number: 2, records: [cli.builder.record(try RosterCLI.signer("clerk"))]))
            let imported = try cli.importFiles([later])
            #expect(imported.status == 1 && imported.error.contains("已依保存期限清除"), "\(imported.error)")
        }

        @Test("an unknown case is refused, before any PIN")
        func unknownCase() throws {
            let result = try cli.roster(["pack", "--case", "999999", "--token", RosterCLI.token, "--pin-stdin"])
            #expect(result.status == 1 && result.error.contains("工作區裡沒有案號 999999"))
            #expect(try cli.roster(["status", "--case", "999999"]).status == 1)
            #expect(try cli.roster(["records", "--case", "999999", "--json"]).error.contains("工作區裡沒有案號 999999"))
        }
    }
}
