/* CGtkShim: what Swift cannot call directly in GLib/GTK — signal macros with
 * C callbacks of several shapes, main-loop dispatch, and variadic accessibility calls. */
#ifndef CIVIC_GTK_SHIM_H
#define CIVIC_GTK_SHIM_H
#include <gtk/gtk.h>

/* A handler that only needs its user data (connected swapped: extra signal arguments are ignored). */
typedef void (*CivicHandler0)(gpointer user_data);
/* The same, for signals whose handler returns a gboolean (close-request, key-pressed…). */
typedef gboolean (*CivicHandlerBool)(gpointer user_data);
/* A handler for signals with one pointer argument (notify, response, list-item setup/bind…). */
typedef void (*CivicHandler1)(gpointer instance, gpointer argument, gpointer user_data);

gulong civic_signal_connect0(gpointer instance, const char *signal, CivicHandler0 handler,
                             gpointer data, GClosureNotify destroy);
gulong civic_signal_connect_bool(gpointer instance, const char *signal, CivicHandlerBool handler,
                                 gpointer data, GClosureNotify destroy);
gulong civic_signal_connect1(gpointer instance, const char *signal, CivicHandler1 handler,
                             gpointer data, GClosureNotify destroy);

/* Runs fn(data) once on the GLib main loop (the GTK thread), from any thread. */
void civic_main_invoke(void (*fn)(gpointer), gpointer data);

/* Lets the GLib main loop drain Swift's main dispatch queue, so @MainActor tasks and
 * DispatchQueue.main work while GTK owns the main thread. Call once, on the main thread. */
void civic_attach_dispatch_main_queue(void);

/* Accessible name and description (gtk_accessible_update_property is variadic). */
void civic_accessible_set_label(GtkWidget *widget, const char *label);
void civic_accessible_set_description(GtkWidget *widget, const char *description);

/* A long list's model: N rows, items made on demand, each knowing only its index. */
G_DECLARE_FINAL_TYPE(CivicIndexItem, civic_index_item, CIVIC, INDEX_ITEM, GObject)
G_DECLARE_FINAL_TYPE(CivicIndexModel, civic_index_model, CIVIC, INDEX_MODEL, GObject)
CivicIndexModel *civic_index_model_new(guint n_items);
void civic_index_model_set_n_items(CivicIndexModel *self, guint n_items);
/* Rows [position, position + count) changed: only those are bound again (the list keeps its place). */
void civic_index_model_rows_changed(CivicIndexModel *self, guint position, guint count);
guint civic_index_item_get_index(CivicIndexItem *item);
/* The row index a list item shows (G_MAXUINT when unbound). */
guint civic_list_item_get_index(GtkListItem *list_item);

/* Files dropped on a widget: the handler receives a NULL-terminated array of paths. */
typedef void (*CivicFilesHandler)(const char *const *paths, gpointer user_data);
void civic_widget_accept_file_drops(GtkWidget *widget, CivicFilesHandler handler, gpointer data, GDestroyNotify destroy);
/* The chosen files of a file chooser, as a NULL-terminated array of paths (free with g_strfreev). */
char **civic_file_chooser_get_paths(GtkFileChooser *chooser);
gboolean civic_file_chooser_set_folder_path(GtkFileChooser *chooser, const char *path);
/* Files the application is asked to open (its "open" signal: the file manager, `civicdesk FILE`),
 * as local paths; files without one are left out. */
void civic_application_on_open(GApplication *application, CivicFilesHandler handler, gpointer data, GDestroyNotify destroy);

#endif
