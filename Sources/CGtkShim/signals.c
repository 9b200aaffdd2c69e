#include "CGtkShim.h"

gulong civic_signal_connect0(gpointer instance, const char *signal, CivicHandler0 handler,
                             gpointer data, GClosureNotify destroy) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), data, destroy, G_CONNECT_SWAPPED);
}

gulong civic_signal_connect_bool(gpointer instance, const char *signal, CivicHandlerBool handler,
                                 gpointer data, GClosureNotify destroy) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), data, destroy, G_CONNECT_SWAPPED);
}

gulong civic_signal_connect1(gpointer instance, const char *signal, CivicHandler1 handler,
                             gpointer data, GClosureNotify destroy) {
    return g_signal_connect_data(instance, signal, G_CALLBACK(handler), data, destroy, 0);
}
