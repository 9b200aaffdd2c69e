#ifndef CIVIC_CPANGOCAIRO_H
#define CIVIC_CPANGOCAIRO_H
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#endif
