#ifndef CIVIC_CGTK_H
#define CIVIC_CGTK_H
#include <gtk/gtk.h>
#include <adwaita.h>
#include <libintl.h>
#include <glib-unix.h>
#endif
