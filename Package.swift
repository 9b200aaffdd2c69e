// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CivicDesk",
    products: [
        .executable(name: "civicdesk", targets: ["civicdesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Tests only: an independent zip reader for the packs CivicZip writes.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // C libraries, seen through pkg-config.
        .systemLibrary(name: "CGtk", path: "Sources/CGtk", pkgConfig: "libadwaita-1",
                       providers: [.apt(["libgtk-4-dev", "libadwaita-1-dev"])]),
        .target(name: "CGtkShim", dependencies: ["CGtk"], path: "Sources/CGtkShim"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        // The few OpenSSL calls made per roster record through its lower-level (partly deprecated) API.
        .target(name: "COpenSSLShim", dependencies: ["COpenSSL"], path: "Sources/COpenSSLShim"),
        .systemLibrary(name: "CPCSCLite", path: "Sources/CPCSCLite", pkgConfig: "libpcsclite",
                       providers: [.apt(["libpcsclite-dev"])]),
        // Header only: PKCS#11 modules are loaded with dlopen, nothing is linked.
        .systemLibrary(name: "CPKCS11", path: "Sources/CPKCS11", providers: [.apt(["libp11-kit-dev"])]),
        // zlib's module is CLibZ: ZIPFoundation (a test dependency) already names its own CZlib.
        .systemLibrary(name: "CLibZ", path: "Sources/CLibZ", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // Pango over Cairo: letters set in A4 pages, written as PDF or shown as page images.
        .systemLibrary(name: "CPangoCairo", path: "Sources/CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),

        // The shared domain: pure Swift, no C, no I/O.
        .target(name: "CivicCore", path: "Sources/CivicCore"),

        // Adapters: each wraps one C library and implements Core's ports.
        .target(name: "CivicCrypto", dependencies: ["CivicCore", "COpenSSL", "COpenSSLShim"], path: "Sources/CivicCrypto"),
        // Cards and tokens: PC/SC readers and PKCS#11 modules; certificates are read through CivicCrypto.
        .target(name: "CivicCard", dependencies: ["CivicCore", "CivicCrypto", "CPCSCLite", "CPKCS11"],
                path: "Sources/CivicCard"),
        // Private folders and files written whole (temporary name, then rename): the POSIX file
        // system, shared by the adapters below that write personal data.
        .target(name: "CivicFiles", dependencies: ["CivicCore"], path: "Sources/CivicFiles"),
        .target(name: "CivicStore", dependencies: ["CivicCore", "CivicFiles", .product(name: "GRDB", package: "GRDB.swift"),
                                                 .product(name: "GRDBSQLite", package: "GRDB.swift")],
                path: "Sources/CivicStore"),
        .target(name: "CivicZip", dependencies: ["CivicCore", "CivicFiles", "CLibZ"], path: "Sources/CivicZip"),
        // Official letters rendered in their layout (A4 PDF and page images), through Pango and Cairo.
        .target(name: "CivicRender", dependencies: ["CivicCore", "CivicFiles", "CPangoCairo"], path: "Sources/CivicRender"),
        .target(name: "CivicSpreadsheet", dependencies: ["CivicCore", "CivicFiles", "CXlsxWriter"],
                path: "Sources/CivicSpreadsheet"),
        // Official letters as exchange DI files (XML under the national DTD 104_2_utf8.dtd) through libxml2.
        .target(name: "CivicDocumentExchange", dependencies: ["CivicCore", "CivicFiles", "CLibXML2"],
                path: "Sources/CivicDocumentExchange"),

        // Composition shared by the command line and the window: the adapters wired into Core's
        // roster ports (open, unwrap on the card, decrypt, verify, store; pack and sign; purge).
        .target(name: "CivicServices",
                dependencies: ["CivicCore", "CivicCrypto", "CivicCard", "CivicStore", "CivicZip", "CivicSpreadsheet", "CivicFiles",
                               "CivicRender", "CivicDocumentExchange"],
                path: "Sources/CivicServices"),

        // The virtual card for tests and the demo: the card model, and the process that plugs it into vpcd.
        .target(name: "CivicCardSim", dependencies: ["CivicCore"], path: "Sources/CivicCardSim"),
        .executableTarget(
            name: "civicdesk-cardsim",
            dependencies: ["CivicCardSim", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/civicdesk-cardsim"),

        // GTK views over Core's models; its composition root (Shell/AppServices) brings the adapters.
        .target(name: "CivicUI", dependencies: ["CivicCore", "CivicCard", "CivicCrypto", "CivicServices", "CivicStore", "CivicRender", "CGtk", "CGtkShim"],
                path: "Sources/CivicUI"),

        .executableTarget(
            name: "civicdesk",
            dependencies: [
                "CivicCore", "CivicUI", "CivicCard", "CivicCrypto", "CivicStore", "CivicServices", "CivicDocumentExchange", "CivicFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/civicdesk"),
        // Encrypted roster batches for the benchmark and the demo, signed by test certificates.
        .executableTarget(
            name: "civicdesk-rostergen",
            dependencies: ["CivicCore", "CivicCrypto", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/civicdesk-rostergen"),
        // Timings of the 公文 pipeline on a long letter, for scripts/bench-documents.sh.
        .executableTarget(
            name: "civicdesk-docbench",
            dependencies: ["CivicCore", "CivicDocumentExchange", "CivicRender",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/civicdesk-docbench"),

        // Tests: shared helpers, then one target per layer.
        .target(name: "CivicTestSupport", dependencies: ["CivicCore"], path: "Tests/Support"),
        .testTarget(name: "CivicCoreTests", dependencies: ["CivicCore", "CivicTestSupport"], path: "Tests/CivicCoreTests"),
        .testTarget(name: "CivicCryptoTests", dependencies: ["CivicCrypto", "CivicTestSupport"], path: "Tests/CivicCryptoTests"),
        .testTarget(name: "CivicCardTests", dependencies: ["CivicCard", "CivicCardSim", "CivicCrypto", "CivicTestSupport"],
                    path: "Tests/CivicCardTests"),
        .testTarget(name: "CivicCardSimTests", dependencies: ["CivicCardSim", "CivicTestSupport"],
                    path: "Tests/CivicCardSimTests"),
        .testTarget(name: "CivicStoreTests", dependencies: ["CivicStore", "CivicCrypto", "CivicTestSupport",
                                                          .product(name: "GRDB", package: "GRDB.swift")],
                    path: "Tests/CivicStoreTests"),
        .testTarget(name: "CivicPackTests",
                    dependencies: ["CivicZip", "CivicSpreadsheet", "CivicStore", "CivicCrypto", "CivicTestSupport",
                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    path: "Tests/CivicPackTests"),
        .testTarget(name: "CivicDocumentExchangeTests", dependencies: ["CivicDocumentExchange", "CivicTestSupport"],
                    path: "Tests/CivicDocumentExchangeTests", exclude: ["Fixtures"]),
        .testTarget(name: "CivicServicesTests", dependencies: ["CivicServices", "CivicCard", "CivicCrypto", "CivicTestSupport"],
                    path: "Tests/CivicServicesTests"),
        .testTarget(name: "CivicRenderTests", dependencies: ["CivicRender", "CivicTestSupport"], path: "Tests/CivicRenderTests"),
        .testTarget(name: "CLITests", dependencies: ["CivicTestSupport"], path: "Tests/CLITests", exclude: ["BadInputs/README.md"]),
    ],
    swiftLanguageModes: [.v6]
)
