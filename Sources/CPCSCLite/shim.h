#ifndef CIVIC_CPCSCLITE_H
#define CIVIC_CPCSCLITE_H
#include <winscard.h>
#endif
