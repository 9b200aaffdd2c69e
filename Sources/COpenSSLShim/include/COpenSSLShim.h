#ifndef CIVIC_OPENSSL_SHIM_H
#define CIVIC_OPENSSL_SHIM_H

// OpenSSL calls the record verifier makes hundreds of thousands of times per import, through
// OpenSSL's lower-level interfaces: RSA PKCS#1 v1.5 verification on big numbers
// (rsa_verification.c, without the per-call set-up of RSA_verify and far less than the EVP
// route's per key), one-shot digests, and the X.509 extension decoders alone. Several of these
// calls are deprecated in OpenSSL 3.0, so they live in this module with the deprecation silenced.

#include <openssl/bn.h>
#include <stddef.h>
#include <stdint.h>

/// An RSA public key checked many times (a trust anchor's): its numbers and Montgomery values,
/// worked out once. Safe to use from many threads at once.
typedef struct civic_rsa_key civic_rsa_key;

/// The key with this modulus and public exponent (copied); NULL when it is not a key OpenSSL
/// would verify with.
civic_rsa_key *_Nullable civic_rsa_key_new(const BIGNUM *_Nonnull modulus, const BIGNUM *_Nonnull exponent);

void civic_rsa_key_free(civic_rsa_key *_Nullable key);

/// 1 when `signature` is an RSA PKCS#1 v1.5 signature by `key` over a message whose digest
/// (SHA-256, -384 or -512, by OpenSSL NID) is `digest`, else 0: what RSA_verify answers.
int civic_rsa_key_verify(const civic_rsa_key *_Nonnull key, int digest_nid, const uint8_t *_Nonnull digest,
                         size_t digest_length, const uint8_t *_Nonnull signature, size_t signature_length);

/// `civic_rsa_key_verify` for a key used once (a roster record's signer), given by its numbers.
int civic_rsa_verify(const uint8_t *_Nonnull modulus, size_t modulus_length, const uint8_t *_Nonnull exponent,
                     size_t exponent_length, int digest_nid, const uint8_t *_Nonnull digest, size_t digest_length,
                     const uint8_t *_Nonnull signature, size_t signature_length);

/// The SHA-256, SHA-384 or SHA-512 digest (by OpenSSL NID) of `data` into `output` (64 bytes of
/// room); returns its length, or 0 for another NID.
size_t civic_digest(int digest_nid, const uint8_t *_Nullable data, size_t length, uint8_t *_Nonnull output);

/// How OpenSSL reads a certificate extension's value when it caches the certificate's
/// extensions (`X509V3_EXT_d2i`, and for CRL distribution points the checks made on each
/// point): 1 read as valid, 0 refused, -1 when the outcome depends on more than the value.
int civic_extension_value_check(int nid, const uint8_t *_Nonnull value, long length);

#endif
