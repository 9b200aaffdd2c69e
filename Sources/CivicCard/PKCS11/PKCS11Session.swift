import CivicCore
import CPKCS11

/// One PKCS#11 session on a token, closed when this goes away (on every path, errors included).
final class PKCS11Session: @unchecked Sendable {
    // @unchecked: a session is used by one caller at a time — a `Token` call's own, or a
    // `TokenLogin`'s behind its mutex.
    let module: PKCS11Module
    let handle: CK_SESSION_HANDLE
    private var functions: CK_FUNCTION_LIST { module.functions }

    init(module: PKCS11Module, slot: UInt) throws(TokenError) {
        let open = try PKCS11Function.require(module.functions.C_OpenSession, "C_OpenSession")
        var handle: CK_SESSION_HANDLE = 0
        try PKCS11Status.check(open(CK_SLOT_ID(slot), CK_FLAGS(CKF_SERIAL_SESSION | CKF_RW_SESSION), nil, nil, &handle),
                               "C_OpenSession")
        self.module = module
        self.handle = handle
    }

    deinit {
        _ = functions.C_CloseSession?(handle)
    }

    /// Logs the user in. When the application is already logged in to this token (PKCS#11 login
    /// is per token, not per session), it logs out first so that this PIN is really checked.
    func login(_ pin: PINCode) throws(TokenError) {
        let login = try PKCS11Function.require(functions.C_Login, "C_Login")
        var result = attempt(login, pin)
        if result == CK_RV(CKR_USER_ALREADY_LOGGED_IN) {
            logout()
            result = attempt(login, pin)
        }
        try PKCS11Status.check(result, "C_Login")
    }

    private func attempt(_ login: CK_C_Login, _ pin: PINCode) -> CK_RV {
        pin.withBytes { bytes in
            login(handle, CK_USER_TYPE(CKU_USER), UnsafeMutablePointer(mutating: bytes.baseAddress), CK_ULONG(bytes.count))
        }
    }

    func logout() {
        _ = functions.C_Logout?(handle)
    }

    func setPIN(old: PINCode, new: PINCode) throws(TokenError) {
        let setPIN = try PKCS11Function.require(functions.C_SetPIN, "C_SetPIN")
        let result = old.withBytes { oldBytes in
            new.withBytes { newBytes in
                setPIN(handle, UnsafeMutablePointer(mutating: oldBytes.baseAddress), CK_ULONG(oldBytes.count),
                       UnsafeMutablePointer(mutating: newBytes.baseAddress), CK_ULONG(newBytes.count))
            }
        }
        try PKCS11Status.check(result, "C_SetPIN")
    }

    /// The objects matching every attribute of `template`.
    func objects(_ template: [PKCS11Attribute]) throws(TokenError) -> [CK_OBJECT_HANDLE] {
        let findInit = try PKCS11Function.require(functions.C_FindObjectsInit, "C_FindObjectsInit")
        let find = try PKCS11Function.require(functions.C_FindObjects, "C_FindObjects")
        let findFinal = try PKCS11Function.require(functions.C_FindObjectsFinal, "C_FindObjectsFinal")
        try PKCS11Status.check(PKCS11Attribute.withTemplate(template) { findInit(handle, $0, $1) }, "C_FindObjectsInit")
        defer { _ = findFinal(handle) }
        var found: [CK_OBJECT_HANDLE] = []
        var batch = [CK_OBJECT_HANDLE](repeating: 0, count: 16)
        while true {
            var count: CK_ULONG = 0
            try PKCS11Status.check(find(handle, &batch, CK_ULONG(batch.count), &count), "C_FindObjects")
            guard count > 0 else { return found }
            found += batch.prefix(Int(count))
        }
    }

    /// One attribute's value; empty when the object does not have it.
    func attribute(_ type: CK_ATTRIBUTE_TYPE, of object: CK_OBJECT_HANDLE) throws(TokenError) -> [UInt8] {
        let getAttribute = try PKCS11Function.require(functions.C_GetAttributeValue, "C_GetAttributeValue")
        var probe = CK_ATTRIBUTE(type: type, pValue: nil, ulValueLen: 0)
        let sized = getAttribute(handle, object, &probe, 1)
        guard sized == CK_RV(CKR_OK), probe.ulValueLen != CK_ULONG.max /* CK_UNAVAILABLE_INFORMATION */ else {
            if sized == CK_RV(CKR_ATTRIBUTE_TYPE_INVALID) || sized == CK_RV(CKR_ATTRIBUTE_SENSITIVE) { return [] }
            try PKCS11Status.check(sized, "C_GetAttributeValue")
            return []
        }
        var value = [UInt8](repeating: 0, count: Int(probe.ulValueLen))
        let result = value.withUnsafeMutableBytes { buffer in
            var attribute = CK_ATTRIBUTE(type: type, pValue: buffer.baseAddress, ulValueLen: CK_ULONG(buffer.count))
            let result = getAttribute(handle, object, &attribute, 1)
            return (result, Int(attribute.ulValueLen))
        }
        try PKCS11Status.check(result.0, "C_GetAttributeValue")
        return Array(value.prefix(result.1))
    }

    /// C_SignInit + C_Sign, or C_DecryptInit + C_Decrypt: one whole-buffer operation with `key`.
    func run(_ operation: Operation, mechanism: PKCS11Mechanism, key: CK_OBJECT_HANDLE,
             input: [UInt8]) throws(TokenError) -> [UInt8] {
        let (initName, runName) = operation == .sign ? ("C_SignInit", "C_Sign") : ("C_DecryptInit", "C_Decrypt")
        let start = operation == .sign ? functions.C_SignInit : functions.C_DecryptInit
        let finish = operation == .sign ? functions.C_Sign : functions.C_Decrypt
        let initialize = try PKCS11Function.require(start, initName)
        let perform = try PKCS11Function.require(finish, runName)
        let started = mechanism.withMechanism { initialize(handle, $0, key) }
        // Init takes only the session, the mechanism and the key: bad arguments are the
        // mechanism's parameters (SoftHSM2 2.6 answers so to OAEP with SHA-256).
        let unsupported = [CKR_MECHANISM_INVALID, CKR_MECHANISM_PARAM_INVALID, CKR_ARGUMENTS_BAD].map { CK_RV($0) }
        if unsupported.contains(started) { throw .mechanismUnsupported(mechanism.name) }
        try PKCS11Status.check(started, initName)
        var input = input
        var length: CK_ULONG = 0
        do throws(TokenError) {
            try PKCS11Status.check(perform(handle, &input, CK_ULONG(input.count), nil, &length), runName)
            var output = [UInt8](repeating: 0, count: Int(length))
            try PKCS11Status.check(perform(handle, &input, CK_ULONG(input.count), &output, &length), runName)
            return Array(output.prefix(Int(length)))
        } catch .operationFailed(_, let code) where operation == .decrypt && !Self.deviceFailures.contains(code) {
            // Modules report a block that is not for this key in many ways (SoftHSM2: a general
            // error); a card or module that failed says so, and is not blamed on the file.
            throw .decryptionFailed
        }
    }

    enum Operation {
        case sign, decrypt
    }

    /// Answers of a card or module that failed, whatever the data.
    private static let deviceFailures: Set<UInt> = [UInt(CKR_DEVICE_ERROR), UInt(CKR_DEVICE_MEMORY)]
}
