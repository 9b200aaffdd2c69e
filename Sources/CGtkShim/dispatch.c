#include "CGtkShim.h"
#include <glib-unix.h>
#include <sys/eventfd.h>

typedef struct {
    void (*fn)(gpointer);
    gpointer data;
} CivicInvocation;

static gboolean civic_run_invocation(gpointer user_data) {
    CivicInvocation *invocation = user_data;
    invocation->fn(invocation->data);
    g_free(invocation);
    return G_SOURCE_REMOVE;
}

void civic_main_invoke(void (*fn)(gpointer), gpointer data) {
    CivicInvocation *invocation = g_new(CivicInvocation, 1);
    invocation->fn = fn;
    invocation->data = data;
    g_idle_add_full(G_PRIORITY_DEFAULT, civic_run_invocation, invocation, NULL);
}

/* libdispatch's hooks for a foreign run loop (exported for CoreFoundation on Linux). */
extern int _dispatch_get_main_queue_handle_4CF(void);
extern void _dispatch_main_queue_callback_4CF(void *message);

static gboolean civic_drain_main_queue(gint fd, GIOCondition condition, gpointer user_data) {
    (void)condition;
    (void)user_data;
    eventfd_t ignored;
    (void)eventfd_read(fd, &ignored);
    _dispatch_main_queue_callback_4CF(NULL);
    return G_SOURCE_CONTINUE;
}

void civic_attach_dispatch_main_queue(void) {
    int fd = _dispatch_get_main_queue_handle_4CF();
    if (fd >= 0) {
        g_unix_fd_add(fd, G_IO_IN, civic_drain_main_queue, NULL);
    }
}
