import CivicCore

/// Where to look for a PKCS#11 module: the URI's `module-path`, else the URI's `module-name` in
/// the usual folders, else the configured path, else the modules of the cards CivicDesk knows
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

    /// The first of these that is given decides alone: a URI or setting that names a module
    /// means that module, not whichever other one is installed.
    init(uri: PKCS11URI?, configuredPath: String?) {
        if let path = uri?.modulePath {
            candidates = [path]
        } else if let name = uri?.moduleName {
            candidates = Self.folders.flatMap { ["\($0)/\(name).so", "\($0)/lib\(name).so"] }
        } else if let configuredPath, !configuredPath.isEmpty {
            candidates = [configuredPath]
        } else {
            candidates = Self.wellKnown
        }
    }

    func firstInstalled(_ exists: (String) -> Bool) -> String? {
        candidates.first(where: exists)
    }
}
