#include "CGtkShim.h"

/* CivicIndexItem: a row of a long list, standing only for its position. */
struct _CivicIndexItem {
    GObject parent_instance;
    guint index;
};
G_DEFINE_FINAL_TYPE(CivicIndexItem, civic_index_item, G_TYPE_OBJECT)

static void civic_index_item_class_init(CivicIndexItemClass *klass) { (void)klass; }
static void civic_index_item_init(CivicIndexItem *self) { self->index = 0; }

guint civic_index_item_get_index(CivicIndexItem *item) { return item->index; }

/* CivicIndexModel: a GListModel of N rows whose items are made only when GTK asks (the
 * visible rows), so a list of 300,000 records costs a handful of objects. */
struct _CivicIndexModel {
    GObject parent_instance;
    guint n_items;
};

static GType civic_index_model_get_item_type(GListModel *list) { (void)list; return civic_index_item_get_type(); }
static guint civic_index_model_get_n_items(GListModel *list) { return ((CivicIndexModel *)list)->n_items; }
static gpointer civic_index_model_get_item(GListModel *list, guint position) {
    CivicIndexModel *self = (CivicIndexModel *)list;
    if (position >= self->n_items) return NULL;
    CivicIndexItem *item = g_object_new(civic_index_item_get_type(), NULL);
    item->index = position;
    return item;
}

static void civic_index_model_list_model_init(GListModelInterface *iface) {
    iface->get_item_type = civic_index_model_get_item_type;
    iface->get_n_items = civic_index_model_get_n_items;
    iface->get_item = civic_index_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE(CivicIndexModel, civic_index_model, G_TYPE_OBJECT,
                              G_IMPLEMENT_INTERFACE(G_TYPE_LIST_MODEL, civic_index_model_list_model_init))

static void civic_index_model_class_init(CivicIndexModelClass *klass) { (void)klass; }
static void civic_index_model_init(CivicIndexModel *self) { self->n_items = 0; }

CivicIndexModel *civic_index_model_new(guint n_items) {
    CivicIndexModel *self = g_object_new(civic_index_model_get_type(), NULL);
    self->n_items = n_items;
    return self;
}

void civic_index_model_set_n_items(CivicIndexModel *self, guint n_items) {
    guint removed = self->n_items;
    self->n_items = n_items;
    g_list_model_items_changed(G_LIST_MODEL(self), 0, removed, n_items);
}

void civic_index_model_rows_changed(CivicIndexModel *self, guint position, guint count) {
    if (position >= self->n_items) return;
    if (count > self->n_items - position) count = self->n_items - position;
    if (count > 0) g_list_model_items_changed(G_LIST_MODEL(self), position, count, count);
}

guint civic_list_item_get_index(GtkListItem *list_item) {
    gpointer item = gtk_list_item_get_item(list_item);
    return item ? civic_index_item_get_index(item) : G_MAXUINT;
}
