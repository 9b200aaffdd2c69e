#include "CGtkShim.h"

typedef struct {
    CivicFilesHandler handler;
    gpointer data;
} CivicDropTarget;

static gboolean civic_on_drop(GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data) {
    (void)target; (void)x; (void)y;
    CivicDropTarget *drop = user_data;
    if (!G_VALUE_HOLDS(value, GDK_TYPE_FILE_LIST)) return FALSE;
    GSList *files = gdk_file_list_get_files(g_value_get_boxed(value));
    guint count = g_slist_length(files);
    char **paths = g_new0(char *, count + 1);
    guint index = 0;
    for (GSList *node = files; node != NULL; node = node->next) {
        char *path = g_file_get_path(node->data);
        if (path) paths[index++] = path;
    }
    drop->handler((const char *const *)paths, drop->data);
    g_strfreev(paths);
    g_slist_free(files);
    return TRUE;
}

static void civic_drop_free(gpointer data, GClosure *closure) {
    (void)closure;
    CivicDropTarget *drop = data;
    g_free(drop);
}

void civic_widget_accept_file_drops(GtkWidget *widget, CivicFilesHandler handler, gpointer data, GDestroyNotify destroy) {
    GtkDropTarget *target = gtk_drop_target_new(GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
    CivicDropTarget *drop = g_new(CivicDropTarget, 1);
    drop->handler = handler;
    drop->data = data;
    g_signal_connect_data(target, "drop", G_CALLBACK(civic_on_drop), drop, civic_drop_free, 0);
    g_object_set_data_full(G_OBJECT(target), "civic-drop-data", data, destroy);
    gtk_widget_add_controller(widget, GTK_EVENT_CONTROLLER(target));
}

char **civic_file_chooser_get_paths(GtkFileChooser *chooser) {
    GListModel *files = gtk_file_chooser_get_files(chooser);
    guint count = g_list_model_get_n_items(files);
    char **paths = g_new0(char *, count + 1);
    guint index = 0;
    for (guint i = 0; i < count; i++) {
        GFile *file = g_list_model_get_item(files, i);
        char *path = g_file_get_path(file);
        if (path) paths[index++] = path;
        g_object_unref(file);
    }
    g_object_unref(files);
    return paths;
}

gboolean civic_file_chooser_set_folder_path(GtkFileChooser *chooser, const char *path) {
    GFile *folder = g_file_new_for_path(path);
    gboolean ok = gtk_file_chooser_set_current_folder(chooser, folder, NULL);
    g_object_unref(folder);
    return ok;
}

typedef struct {
    CivicFilesHandler handler;
    gpointer data;
    GDestroyNotify destroy;
} CivicOpenHandler;

static void civic_on_open(GApplication *application, GFile **files, gint count, const char *hint, gpointer user_data) {
    (void)application; (void)hint;
    CivicOpenHandler *open = user_data;
    char **paths = g_new0(char *, count + 1);
    gint index = 0;
    for (gint i = 0; i < count; i++) {
        char *path = g_file_get_path(files[i]);
        if (path) paths[index++] = path;
    }
    open->handler((const char *const *)paths, open->data);
    g_strfreev(paths);
}

static void civic_open_free(gpointer data, GClosure *closure) {
    (void)closure;
    CivicOpenHandler *open = data;
    if (open->destroy) open->destroy(open->data);
    g_free(open);
}

void civic_application_on_open(GApplication *application, CivicFilesHandler handler, gpointer data, GDestroyNotify destroy) {
    CivicOpenHandler *open = g_new(CivicOpenHandler, 1);
    open->handler = handler;
    open->data = data;
    open->destroy = destroy;
    g_signal_connect_data(application, "open", G_CALLBACK(civic_on_open), open, civic_open_free, 0);
}
