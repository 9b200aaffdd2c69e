import CivicCore
import CPKCS11
import Foundation
import Synchronization

/// A PKCS#11 module (the HiCOS, OpenSC or SoftHSM2 library) opened with `dlopen` and initialised
/// once per process, however many callers load it: `C_Initialize` may only run once, so loads of
/// one path share one instance, finalised and closed when the last user lets go of it.
public final class PKCS11Module: @unchecked Sendable {
    // @unchecked: the function list is immutable after C_Initialize, and the module is
    // initialised with CKF_OS_LOCKING_OK, which makes it safe to call from several threads.
    public let path: String
    /// C_GetInfo: the library's manufacturer, description and version ("2.6").
    public let manufacturer: String
    public let libraryDescription: String
    public let libraryVersion: String
    private let library: UnsafeMutableRawPointer
    let functions: CK_FUNCTION_LIST

    private static let loaded = Mutex<[String: WeakModule]>([:])

    private struct WeakModule {
        weak var module: PKCS11Module?
    }

    /// The module at `path`, loaded and initialised on first use.
    public static func load(path: String) throws(TokenError) -> PKCS11Module {
        let canonical = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return try loaded.withLock { (modules: inout [String: WeakModule]) throws(TokenError) -> PKCS11Module in
            if let module = modules[canonical]?.module { return module }
            let module = try PKCS11Module(path: canonical)
            modules[canonical] = WeakModule(module: module)
            return module
        }
    }

    /// The module a URI names (`module-path`, `module-name`), else the configured one
    /// (`CIVICDESK_PKCS11_MODULE` or `configuredPath`), else the first well-known one installed.
    public static func load(for uri: PKCS11URI?, configuredPath: String? = nil) throws(TokenError) -> PKCS11Module {
        let configured = configuredPath ?? ProcessInfo.processInfo.environment["CIVICDESK_PKCS11_MODULE"]
        let location = PKCS11ModuleLocation(uri: uri, configuredPath: configured)
        guard let path = location.firstInstalled(FileManager.default.fileExists(atPath:)) else {
            throw .moduleNotFound(searched: location.candidates)
        }
        return try load(path: path)
    }

    private init(path: String) throws(TokenError) {
        guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            throw FileManager.default.fileExists(atPath: path)
                ? .moduleUnusable(path: path, reason: reason) : .moduleNotFound(searched: [path])
        }
        typealias GetFunctionList = @convention(c) (UnsafeMutablePointer<UnsafeMutablePointer<CK_FUNCTION_LIST>?>?) -> CK_RV
        var list: UnsafeMutablePointer<CK_FUNCTION_LIST>?
        guard let symbol = dlsym(library, "C_GetFunctionList"),
              unsafeBitCast(symbol, to: GetFunctionList.self)(&list) == CK_RV(CKR_OK),
              let functions = list?.pointee, let initialize = functions.C_Initialize else {
            dlclose(library)
            throw .moduleUnusable(path: path, reason: "no PKCS#11 function list (C_GetFunctionList)")
        }
        var arguments = CK_C_INITIALIZE_ARGS()
        arguments.flags = CK_FLAGS(CKF_OS_LOCKING_OK)
        let initialized = initialize(&arguments)
        guard initialized == CK_RV(CKR_OK) || initialized == CK_RV(CKR_CRYPTOKI_ALREADY_INITIALIZED) else {
            dlclose(library)
            throw .moduleUnusable(path: path, reason: "C_Initialize failed (0x\(String(initialized, radix: 16)))")
        }
        var info = CK_INFO()
        _ = functions.C_GetInfo?(&info)
        self.path = path
        self.library = library
        self.functions = functions
        manufacturer = PKCS11Text.trimmed(info.manufacturerID)
        libraryDescription = PKCS11Text.trimmed(info.libraryDescription)
        libraryVersion = "\(info.libraryVersion.major).\(info.libraryVersion.minor)"
    }

    deinit {
        _ = functions.C_Finalize?(nil)
        dlclose(library)
    }

    /// Every slot, with a token or not (a card module has one per reader).
    public func slots() throws(TokenError) -> [SlotDescription] {
        let getSlotInfo = try PKCS11Function.require(functions.C_GetSlotInfo, "C_GetSlotInfo")
        var slots: [SlotDescription] = []
        for slot in try slotIDs(tokenPresent: false) {
            var info = CK_SLOT_INFO()
            guard getSlotInfo(slot, &info) == CK_RV(CKR_OK) else { continue }
            slots.append(SlotDescription(slotID: UInt(slot), description: PKCS11Text.trimmed(info.slotDescription),
                                         manufacturer: PKCS11Text.trimmed(info.manufacturerID),
                                         tokenPresent: info.flags & CK_FLAGS(CKF_TOKEN_PRESENT) != 0))
        }
        return slots
    }

    /// Every token present, in slot order.
    public func tokens() throws(TokenError) -> [Token] {
        var tokens: [Token] = []
        for slot in try slotIDs(tokenPresent: true) {
            // A token pulled out between the two calls, or never initialised (SoftHSM2's free
            // slot), is not listed.
            guard let info = try? tokenInfo(slot: slot), info.flags & CK_FLAGS(CKF_TOKEN_INITIALIZED) != 0,
                  let description = try? describe(slot: slot) else { continue }
            tokens.append(Token(module: self, description: description))
        }
        return tokens
    }

    /// The one token the URI's slot and token attributes match.
    public func token(matching uri: PKCS11URI) throws(TokenError) -> Token {
        let libraryMatches = uri.matchesLibrary(manufacturer: manufacturer, description: libraryDescription,
                                                version: libraryVersion)
        let matching = libraryMatches ? try tokens().filter { uri.matches($0.description) } : []
        guard let token = matching.first else { throw .tokenNotFound(uri: uri.displayText) }
        guard matching.count == 1 else { throw .ambiguousToken(uri: uri.displayText, labels: matching.map(\.description.label)) }
        return token
    }

    /// The token holding `certificate` (compared byte for byte), if any: how the app goes from a
    /// card read over PC/SC to the key behind its PIN.
    public func token(holding certificate: CertificateInfo) throws(TokenError) -> Token? {
        for token in try tokens() where try token.holds(certificate) {
            return token
        }
        return nil
    }

    func describe(slot: CK_SLOT_ID) throws(TokenError) -> TokenDescription {
        var slotInfo = CK_SLOT_INFO()
        try PKCS11Status.check(try PKCS11Function.require(functions.C_GetSlotInfo, "C_GetSlotInfo")(slot, &slotInfo),
                               "C_GetSlotInfo")
        let info = try tokenInfo(slot: slot)
        let minimum = Int(info.ulMinPinLen)
        return TokenDescription(
            slotID: UInt(slot), slotDescription: PKCS11Text.trimmed(slotInfo.slotDescription),
            slotManufacturer: PKCS11Text.trimmed(slotInfo.manufacturerID), label: PKCS11Text.trimmed(info.label),
            manufacturer: PKCS11Text.trimmed(info.manufacturerID), model: PKCS11Text.trimmed(info.model),
            serial: PKCS11Text.trimmed(info.serialNumber),
            pinFlags: PINFlags(rawValue: UInt(info.flags)).intersection(.all),
            pinLengths: minimum...max(minimum, Int(info.ulMaxPinLen)))
    }
}

extension PKCS11Module {
    private func slotIDs(tokenPresent: Bool) throws(TokenError) -> [CK_SLOT_ID] {
        let getSlotList = try PKCS11Function.require(functions.C_GetSlotList, "C_GetSlotList")
        let present = CK_BBOOL(tokenPresent ? CK_TRUE : CK_FALSE)
        var count: CK_ULONG = 0
        try PKCS11Status.check(getSlotList(present, nil, &count), "C_GetSlotList")
        var slots = [CK_SLOT_ID](repeating: 0, count: Int(count))
        try PKCS11Status.check(getSlotList(present, &slots, &count), "C_GetSlotList")
        return Array(slots.prefix(Int(count)))
    }

    private func tokenInfo(slot: CK_SLOT_ID) throws(TokenError) -> CK_TOKEN_INFO {
        var info = CK_TOKEN_INFO()
        try PKCS11Status.check(try PKCS11Function.require(functions.C_GetTokenInfo, "C_GetTokenInfo")(slot, &info),
                               "C_GetTokenInfo")
        return info
    }
}

/// Fixed-size, blank-padded PKCS#11 text fields as strings.
enum PKCS11Text {
    static func trimmed<Tuple>(_ field: Tuple) -> String {
        withUnsafeBytes(of: field) { bytes in
            var end = bytes.count
            while end > 0 && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0) { end -= 1 }
            return String(decoding: bytes.prefix(end), as: UTF8.self)
        }
    }
}

/// A module's function pointers may be missing; calling a missing one is a module defect.
enum PKCS11Function {
    static func require<Function>(_ function: Function?, _ name: String) throws(TokenError) -> Function {
        guard let function else { throw .operationFailed(function: name, code: UInt(CKR_FUNCTION_NOT_SUPPORTED)) }
        return function
    }
}
