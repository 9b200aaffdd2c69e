#ifndef CIVIC_CLIBXML2_H
#define CIVIC_CLIBXML2_H
/* Debian's libxml2 is built with ICU, so its encoding.h pulls in the system's <unicode/ucnv.h>,
   whose UErrorCode clashes with the ICU copy Foundation carries (_FoundationICU) in any module
   importing both. CivicDesk never touches the ICU members of xmlCharEncodingHandler, the only
   declarations that change, so the headers are read without them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/entities.h>
#include <libxml/valid.h>
#include <libxml/xmlsave.h>
#include <libxml/SAX2.h>

/* xmlFree is a global function pointer, which Swift's strict concurrency will not read. */
static inline void civic_xml_free(void *memory) { xmlFree(memory); }
#endif
