#include "COpenSSLShim.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) on OpenSSL's big numbers: s^e mod n
// compared with the encoding the digest must have, as RSA_verify does. RSA_verify also builds
// a fresh BN_CTX and takes the key's lock on every call; here each thread keeps its own scratch
// numbers, and a key checked once never gets an object of its own.

struct civic_rsa_key {
    BIGNUM *modulus;
    BIGNUM *exponent;
    BN_MONT_CTX *montgomery;
};

/// A thread's working numbers, kept for its life: a BN_CTX pool and the Montgomery values of
/// the last one-off key.
struct scratch {
    BN_CTX *context;
    BN_MONT_CTX *montgomery;
};

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *pointer)
{
    struct scratch *scratch = pointer;
    BN_CTX_free(scratch->context);
    BN_MONT_CTX_free(scratch->montgomery);
    free(scratch);
}

static void scratch_key_make(void)
{
    pthread_key_create(&scratch_key, scratch_free);
}

static struct scratch *thread_scratch(void)
{
    pthread_once(&scratch_once, scratch_key_make);
    struct scratch *scratch = pthread_getspecific(scratch_key);
    if (scratch != NULL)
        return scratch;
    scratch = calloc(1, sizeof *scratch);
    if (scratch == NULL)
        return NULL;
    scratch->context = BN_CTX_new();
    scratch->montgomery = BN_MONT_CTX_new();
    if (scratch->context == NULL || scratch->montgomery == NULL || pthread_setspecific(scratch_key, scratch) != 0) {
        scratch_free(scratch);
        return NULL;
    }
    return scratch;
}

/// DigestInfo ::= SEQUENCE { AlgorithmIdentifier (with NULL parameters), OCTET STRING } up to
/// the digest itself (RFC 8017 §9.2, note 1).
static const uint8_t *digest_info_prefix(int digest_nid, size_t digest_length, size_t *prefix_length)
{
    static const uint8_t sha256[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                     0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
    static const uint8_t sha384[] = {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                     0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30};
    static const uint8_t sha512[] = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                     0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40};
    *prefix_length = sizeof sha256;
    switch (digest_nid) {
    case NID_sha256: return digest_length == 32 ? sha256 : NULL;
    case NID_sha384: return digest_length == 48 ? sha384 : NULL;
    case NID_sha512: return digest_length == 64 ? sha512 : NULL;
    default: return NULL;
    }
}

/// The key limits OpenSSL's RSA public operation applies: at most 16,384 bits, an odd modulus
/// larger than the exponent, and an exponent of at most 64 bits above 3,072-bit moduli.
static int key_is_usable(const BIGNUM *modulus, const BIGNUM *exponent)
{
    int bits = BN_num_bits(modulus);
    return bits > 0 && bits <= 16384 && BN_is_odd(modulus) && !BN_is_zero(exponent)
        && BN_ucmp(modulus, exponent) > 0 && (bits <= 3072 || BN_num_bits(exponent) <= 64);
}

/// message = representative^exponent mod modulus, by square-and-multiply on OpenSSL's Montgomery
/// products. As the exponent is odd, the last product may take the representative as it is
/// rather than in Montgomery form, which brings the result out of that form on the way: what
/// BN_mod_exp_mont does with one product more and a slower conversion at the end.
static int exponentiate(BIGNUM *message, const BIGNUM *representative, const BIGNUM *exponent,
                        const BIGNUM *modulus, const BN_MONT_CTX *montgomery, BN_CTX *context)
{
    BN_MONT_CTX *mont = (BN_MONT_CTX *)montgomery;
    int bits = BN_num_bits(exponent);
    if (!BN_is_odd(exponent) || bits < 2)
        return BN_mod_exp_mont(message, representative, exponent, modulus, context, mont);
    BIGNUM *base = BN_CTX_get(context);
    if (base == NULL || !BN_to_montgomery(base, representative, mont, context) || BN_copy(message, base) == NULL)
        return 0;
    for (int bit = bits - 2; bit > 0; bit--) {
        if (!BN_mod_mul_montgomery(message, message, message, mont, context)
            || (BN_is_bit_set(exponent, bit) && !BN_mod_mul_montgomery(message, message, base, mont, context)))
            return 0;
    }
    return BN_mod_mul_montgomery(message, message, message, mont, context)
        && BN_mod_mul_montgomery(message, message, representative, mont, context);
}

/// The verification itself; `montgomery` is the key's own or NULL, when the thread's scratch is
/// set up for this modulus. Errors OpenSSL queues are cleared: a failure is only "not verified".
static int verify(const BIGNUM *modulus, const BIGNUM *exponent, const BN_MONT_CTX *montgomery, int digest_nid,
                  const uint8_t *digest, size_t digest_length, const uint8_t *signature, size_t signature_length)
{
    enum { largest = 16384 / 8 };
    size_t prefix_length;
    const uint8_t *prefix = digest_info_prefix(digest_nid, digest_length, &prefix_length);
    struct scratch *scratch = thread_scratch();
    size_t size = (size_t)BN_num_bytes(modulus);
    size_t encoded_length = prefix_length + digest_length;
    // PKCS#1 wants eight bytes of padding at least.
    if (prefix == NULL || scratch == NULL || !key_is_usable(modulus, exponent) || signature_length != size
        || size < encoded_length + 11 || size > largest)
        return 0;
    uint8_t expected[largest], received[largest];
    expected[0] = 0x00;
    expected[1] = 0x01;
    memset(expected + 2, 0xff, size - encoded_length - 3);
    expected[size - encoded_length - 1] = 0x00;
    memcpy(expected + size - encoded_length, prefix, prefix_length);
    memcpy(expected + size - digest_length, digest, digest_length);

    BN_CTX_start(scratch->context);
    BIGNUM *representative = BN_CTX_get(scratch->context);
    BIGNUM *message = BN_CTX_get(scratch->context);
    int computed = message != NULL && BN_bin2bn(signature, (int)size, representative) != NULL
        && BN_ucmp(representative, modulus) < 0
        && (montgomery != NULL || BN_MONT_CTX_set(scratch->montgomery, modulus, scratch->context))
        && exponentiate(message, representative, exponent, modulus,
                        montgomery != NULL ? montgomery : scratch->montgomery, scratch->context)
        && BN_bn2binpad(message, received, (int)size) == (int)size;
    BN_CTX_end(scratch->context);
    if (!computed)
        ERR_clear_error();
    return computed && memcmp(received, expected, size) == 0;
}

civic_rsa_key *civic_rsa_key_new(const BIGNUM *modulus, const BIGNUM *exponent)
{
    civic_rsa_key *key = calloc(1, sizeof *key);
    BN_CTX *context = BN_CTX_new();
    if (key != NULL && context != NULL) {
        key->modulus = BN_dup(modulus);
        key->exponent = BN_dup(exponent);
        key->montgomery = BN_MONT_CTX_new();
    }
    int made = key != NULL && key->modulus != NULL && key->exponent != NULL && key->montgomery != NULL
        && key_is_usable(key->modulus, key->exponent) && BN_MONT_CTX_set(key->montgomery, key->modulus, context);
    BN_CTX_free(context);
    ERR_clear_error();
    if (made)
        return key;
    civic_rsa_key_free(key);
    return NULL;
}

void civic_rsa_key_free(civic_rsa_key *key)
{
    if (key == NULL)
        return;
    BN_free(key->modulus);
    BN_free(key->exponent);
    BN_MONT_CTX_free(key->montgomery);
    free(key);
}

int civic_rsa_key_verify(const civic_rsa_key *key, int digest_nid, const uint8_t *digest, size_t digest_length,
                         const uint8_t *signature, size_t signature_length)
{
    return verify(key->modulus, key->exponent, key->montgomery, digest_nid, digest, digest_length, signature,
                  signature_length);
}

int civic_rsa_verify(const uint8_t *modulus, size_t modulus_length, const uint8_t *exponent, size_t exponent_length,
                     int digest_nid, const uint8_t *digest, size_t digest_length, const uint8_t *signature,
                     size_t signature_length)
{
    struct scratch *scratch = thread_scratch();
    if (scratch == NULL)
        return 0;
    BN_CTX_start(scratch->context);
    BIGNUM *n = BN_CTX_get(scratch->context);
    BIGNUM *e = BN_CTX_get(scratch->context);
    int read = e != NULL && BN_bin2bn(modulus, (int)modulus_length, n) != NULL
        && BN_bin2bn(exponent, (int)exponent_length, e) != NULL;
    if (!read)
        ERR_clear_error();
    int verified = read && verify(n, e, NULL, digest_nid, digest, digest_length, signature, signature_length);
    BN_CTX_end(scratch->context);
    return verified;
}
