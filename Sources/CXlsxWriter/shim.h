#ifndef CIVIC_CXLSXWRITER_H
#define CIVIC_CXLSXWRITER_H
#include <xlsxwriter.h>
#endif
