#define OPENSSL_SUPPRESS_DEPRECATED
#include "COpenSSLShim.h"

#include <openssl/err.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>

size_t civic_digest(int digest_nid, const uint8_t *data, size_t length, uint8_t *output)
{
    // The one-shot SHA256() of OpenSSL 3.0 fetches the algorithm on every call; the
    // context functions go straight to the implementation.
    switch (digest_nid) {
    case NID_sha256: {
        SHA256_CTX context;
        SHA256_Init(&context);
        SHA256_Update(&context, data, length);
        SHA256_Final(output, &context);
        return SHA256_DIGEST_LENGTH;
    }
    case NID_sha384: {
        SHA512_CTX context;
        SHA384_Init(&context);
        SHA384_Update(&context, data, length);
        SHA384_Final(output, &context);
        return SHA384_DIGEST_LENGTH;
    }
    case NID_sha512: {
        SHA512_CTX context;
        SHA512_Init(&context);
        SHA512_Update(&context, data, length);
        SHA512_Final(output, &context);
        return SHA512_DIGEST_LENGTH;
    }
    default:
        return 0;
    }
}

/// The checks x509v3_cache_extensions makes on each distribution point (setup_dp): a point
/// without a name needs a CRL issuer; a name relative to the CRL issuer depends on other fields.
static int distribution_points_check(const CRL_DIST_POINTS *points)
{
    for (int index = 0; index < sk_DIST_POINT_num(points); index++) {
        const DIST_POINT *point = sk_DIST_POINT_value(points, index);
        if (point->distpoint == NULL && sk_GENERAL_NAME_num(point->CRLissuer) <= 0)
            return 0;
        if (point->distpoint != NULL && point->distpoint->type == 1)
            return -1;
    }
    return 1;
}

int civic_extension_value_check(int nid, const uint8_t *value, long length)
{
    const X509V3_EXT_METHOD *method = X509V3_EXT_get_nid(nid);
    if (method == NULL || method->it == NULL)
        return -1;
    const ASN1_ITEM *item = ASN1_ITEM_ptr(method->it);
    const unsigned char *cursor = value;
    void *decoded = ASN1_item_d2i(NULL, &cursor, length, item);
    if (decoded == NULL) {
        ERR_clear_error();
        return 0;
    }
    int result = nid == NID_crl_distribution_points ? distribution_points_check(decoded) : 1;
    ASN1_item_free(decoded, item);
    return result;
}
