#ifndef CIVIC_CPKCS11_H
#define CIVIC_CPKCS11_H
/* The PKCS#11 types and constants from p11-kit's header (Debian libp11-kit-dev). Only the
   header is used: modules are opened with dlopen, so nothing is linked. The path is absolute
   because p11-kit's pkg-config file would also link libp11-kit. */
#include "/usr/include/p11-kit-1/p11-kit/pkcs11.h"
#endif
