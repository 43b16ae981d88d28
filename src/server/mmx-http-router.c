/* mmx-http-router.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-http-router.h"

/* Routes are paths of literal segments and `{name}` segments, which
 * match any one non-empty segment. A few dozen routes: a list will do. */

struct _MmxHttpRouter
{
  GPtrArray *routes;
};

static void
route_free (MmxHttpRoute *route)
{
  g_free (route->method);
  g_strfreev (route->segments);
  g_free (route);
}

MmxHttpRouter *
mmx_http_router_new (void)
{
  MmxHttpRouter *self = g_new0 (MmxHttpRouter, 1);

  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) route_free);
  return self;
}

void
mmx_http_router_free (MmxHttpRouter *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->routes);
  g_free (self);
}

/**
 * mmx_http_router_add:
 * @self: a router
 * @method: "GET", "POST"…
 * @pattern: the path, as `/v1/sync/uploads/{sha256}`
 * @flags: how the route runs
 * @max_body: the largest body accepted, after decompression; 0 for none
 * @handler: the handler
 * @user_data: its data
 *
 * Returns: (transfer none): the route, to set its guard
 */
MmxHttpRoute *
mmx_http_router_add (MmxHttpRouter     *self,
                     const char        *method,
                     const char        *pattern,
                     MmxHttpRouteFlags  flags,
                     gsize              max_body,
                     MmxHttpHandler     handler,
                     gpointer           user_data)
{
  MmxHttpRoute *route = g_new0 (MmxHttpRoute, 1);

  g_return_val_if_fail (pattern[0] == '/', NULL);

  route->method = g_strdup (method);
  route->segments = g_strsplit (pattern + 1, "/", -1);
  route->flags = flags;
  route->max_body = max_body;
  route->handler = handler;
  route->user_data = user_data;
  g_ptr_array_add (self->routes, route);
  return route;
}

static gboolean
matches (const MmxHttpRoute *route,
         char              **segments,
         GHashTable         *params)
{
  guint n = g_strv_length (route->segments);

  if (g_strv_length (segments) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *expected = route->segments[i];

      if (expected[0] == '{')
        {
          if (segments[i][0] == '\0')
            return FALSE;
        }
      else if (strcmp (expected, segments[i]) != 0)
        return FALSE;
    }
  if (params != NULL)
    for (guint i = 0; i < n; i++)
      if (route->segments[i][0] == '{')
        {
          const char *name = route->segments[i];

          g_hash_table_replace (params, g_strndup (name + 1, strlen (name) - 2),
                                g_strdup (segments[i]));
        }
  return TRUE;
}

/**
 * mmx_http_router_match:
 * @self: a router
 * @method: the request's method
 * @path: the request's path
 * @params: (nullable): where to put the `{name}` segments, keyed by name
 * @out_allowed: (out) (optional): when the path matches but not the
 *   method, the methods it has, for a 405's Allow header
 *
 * Returns: (nullable): the route, or %NULL when none matches
 */
const MmxHttpRoute *
mmx_http_router_match (MmxHttpRouter  *self,
                       const char     *method,
                       const char     *path,
                       GHashTable     *params,
                       char          **out_allowed)
{
  g_auto(GStrv) segments = NULL;
  g_autoptr(GString) allowed = NULL;

  if (out_allowed != NULL)
    *out_allowed = NULL;
  if (path[0] != '/')
    return NULL;
  segments = g_strsplit (path + 1, "/", -1);

  for (guint i = 0; i < self->routes->len; i++)
    {
      const MmxHttpRoute *route = g_ptr_array_index (self->routes, i);

      if (!matches (route, segments, NULL))
        continue;
      if (strcmp (route->method, method) == 0)
        {
          matches (route, segments, params);
          return route;
        }
      if (allowed == NULL)
        allowed = g_string_new (route->method);
      else
        g_string_append_printf (allowed, ", %s", route->method);
    }
  if (out_allowed != NULL && allowed != NULL)
    *out_allowed = g_string_free (g_steal_pointer (&allowed), FALSE);
  return NULL;
}
