#ifndef CIVIC_CLIBXML2_H
#define CIVIC_CLIBXML2_H
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
