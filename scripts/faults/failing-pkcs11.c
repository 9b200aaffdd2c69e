/* failing-pkcs11.c: a PKCS#11 module that is SoftHSM2 until it breaks (issue 16, item 3).

   SoftHSM2 cannot fail on request, so this module stands in front of it, as CIVICDESK_PKCS11_MODULE,
   and passes every call through until FAILING_PKCS11_AFTER calls of the token's work (sessions,
   login, objects, decrypt, sign) have been answered; from then on each such call returns
   CKR_DEVICE_ERROR, as a module whose card or reader died mid-operation does. Cleaning up
   (C_CloseSession, C_Logout, C_Finalize) still passes, so the application can end cleanly.
   With FAILING_PKCS11_COUNT=FILE it writes how many such calls were made when the process ends,
   which a clean run uses to choose where to break.

       cc -shared -fPIC -O2 -o failing-pkcs11.so failing-pkcs11.c -ldl
       FAILING_PKCS11_MODULE=/usr/lib/softhsm/libsofthsm2.so (the default) */
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include "/usr/include/p11-kit-1/p11-kit/pkcs11.h"

static CK_FUNCTION_LIST_PTR real;
static CK_FUNCTION_LIST wrapped;
static atomic_long calls;
static long fail_after = -1;

/* Counts one call of the token's work; true when it must fail. */
static int breaks(void) {
    long call = atomic_fetch_add(&calls, 1);
    return fail_after >= 0 && call >= fail_after;
}

#define PASS_OR_FAIL(name, parameters, arguments) \
    static CK_RV failing_##name parameters { \
        if (breaks()) return CKR_DEVICE_ERROR; \
        return real->name arguments; \
    }

PASS_OR_FAIL(C_GetSlotList, (CK_BBOOL present, CK_SLOT_ID_PTR list, CK_ULONG_PTR count), (present, list, count))
PASS_OR_FAIL(C_GetSlotInfo, (CK_SLOT_ID slot, CK_SLOT_INFO_PTR info), (slot, info))
PASS_OR_FAIL(C_GetTokenInfo, (CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info), (slot, info))
PASS_OR_FAIL(C_OpenSession, (CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR application, CK_NOTIFY notify,
                             CK_SESSION_HANDLE_PTR session), (slot, flags, application, notify, session))
PASS_OR_FAIL(C_Login, (CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR_PTR pin, CK_ULONG length),
             (session, user, pin, length))
PASS_OR_FAIL(C_FindObjectsInit, (CK_SESSION_HANDLE session, CK_ATTRIBUTE_PTR template, CK_ULONG count),
             (session, template, count))
PASS_OR_FAIL(C_FindObjects, (CK_SESSION_HANDLE session, CK_OBJECT_HANDLE_PTR objects, CK_ULONG most, CK_ULONG_PTR found),
             (session, objects, most, found))
PASS_OR_FAIL(C_FindObjectsFinal, (CK_SESSION_HANDLE session), (session))
PASS_OR_FAIL(C_GetAttributeValue, (CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, CK_ATTRIBUTE_PTR template,
                                   CK_ULONG count), (session, object, template, count))
PASS_OR_FAIL(C_DecryptInit, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key),
             (session, mechanism, key))
PASS_OR_FAIL(C_Decrypt, (CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG length, CK_BYTE_PTR out,
                         CK_ULONG_PTR out_length), (session, data, length, out, out_length))
PASS_OR_FAIL(C_SignInit, (CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key),
             (session, mechanism, key))
PASS_OR_FAIL(C_Sign, (CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG length, CK_BYTE_PTR signature,
                      CK_ULONG_PTR signature_length), (session, data, length, signature, signature_length))

static void write_count(void) {
    const char *path = getenv("FAILING_PKCS11_COUNT");
    FILE *file = path ? fopen(path, "w") : NULL;
    if (file) {
        fprintf(file, "%ld\n", atomic_load(&calls));
        fclose(file);
    }
}

CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
    if (!real) {
        const char *path = getenv("FAILING_PKCS11_MODULE");
        void *module = dlopen(path ? path : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW | RTLD_LOCAL);
        CK_C_GetFunctionList get = module ? (CK_C_GetFunctionList)dlsym(module, "C_GetFunctionList") : NULL;
        if (!get || get(&real) != CKR_OK) return CKR_GENERAL_ERROR;
        const char *after = getenv("FAILING_PKCS11_AFTER");
        fail_after = after ? atol(after) : -1;
        atexit(write_count);
        wrapped = *real;
        wrapped.C_GetSlotList = failing_C_GetSlotList;
        wrapped.C_GetSlotInfo = failing_C_GetSlotInfo;
        wrapped.C_GetTokenInfo = failing_C_GetTokenInfo;
        wrapped.C_OpenSession = failing_C_OpenSession;
        wrapped.C_Login = failing_C_Login;
        wrapped.C_FindObjectsInit = failing_C_FindObjectsInit;
        wrapped.C_FindObjects = failing_C_FindObjects;
        wrapped.C_FindObjectsFinal = failing_C_FindObjectsFinal;
        wrapped.C_GetAttributeValue = failing_C_GetAttributeValue;
        wrapped.C_DecryptInit = failing_C_DecryptInit;
        wrapped.C_Decrypt = failing_C_Decrypt;
        wrapped.C_SignInit = failing_C_SignInit;
        wrapped.C_Sign = failing_C_Sign;
    }
    *list = &wrapped;
    return CKR_OK;
}
