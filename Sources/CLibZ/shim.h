#ifndef CIVIC_CLIBZ_H
#define CIVIC_CLIBZ_H
#include <zlib.h>
#endif
