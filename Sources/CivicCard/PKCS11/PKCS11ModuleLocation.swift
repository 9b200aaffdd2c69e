import CivicCore

/// Where to look for a PKCS#11 module, in order: the URI's `module-path`, the configured path,
/// the URI's `module-name` in the usual folders, then the modules of the cards CivicDesk knows
/// (HiCOS for 自然人憑證 and agency cards, OpenSC, SoftHSM2).
struct PKCS11ModuleLocation {
    static let folders = ["/usr/lib/x86_64-linux-gnu/pkcs11", "/usr/lib/x86_64-linux-gnu", "/usr/lib/pkcs11",
                          "/usr/local/lib", "/usr/lib", "/usr/lib/softhsm"]
    static let wellKnown = [
        "/usr/local/lib/libHicos_p11.so", "/usr/lib/libHicos_p11.so",
        "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so",
        "/usr/lib/softhsm/libsofthsm2.so",
    ]

    let candidates: [String]

    init(uri: PKCS11URI?, configuredPath: String?) {
        var candidates: [String] = []
        if let path = uri?.modulePath { candidates.append(path) }
        if let configuredPath, !configuredPath.isEmpty { candidates.append(configuredPath) }
        if let name = uri?.moduleName {
            candidates += Self.folders.flatMap { ["\($0)/\(name).so", "\($0)/lib\(name).so"] }
        }
        // A URI or setting that names a module means that module, not whichever else is installed.
        if candidates.isEmpty { candidates = Self.wellKnown }
        self.candidates = candidates
    }

    func firstInstalled(_ exists: (String) -> Bool) -> String? {
        candidates.first(where: exists)
    }
}
