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

/* libxml2 prints some errors (a bad byte in the declared encoding, for one) to stderr whatever the
   parser's options say, quoting the file's bytes; CivicDesk reads every error from the parser's
   context instead, so the printing channel is silenced for the calling thread and new threads. */
static void civic_xml_ignore(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void civic_xml_silence(void) {
    xmlThrDefSetGenericErrorFunc(NULL, civic_xml_ignore);
    xmlSetGenericErrorFunc(NULL, civic_xml_ignore);
}

/* xmlFree is a global function pointer, which Swift's strict concurrency will not read. */
static inline void civic_xml_free(void *memory) { xmlFree(memory); }
#endif
