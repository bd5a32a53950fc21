/* scs-list-store.c: refreshing a bound list's model by splicing only what changed
 *
 * The views' lists of records are models bound to their list boxes
 * (gtk_list_box_bind_model). A refresh after one action (a criterion
 * re-confirmed, an evidence file added) reads the records again; replacing
 * every item would rebuild every row. These replace only the run in the
 * middle that differs: the items equal at the start and at the end stay,
 * and so do their rows, their focus and their scroll position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-list-store.h"

typedef gboolean (*SameFunc) (gpointer old_item,
                              guint    new_index,
                              gpointer data);

/* How many items at the start (@head) and then at the end (@tail) of
 * @model are the same as those of the new list of @n_new. */
static void
common_ends (GListModel *model,
             guint       n_new,
             SameFunc    same,
             gpointer    data,
             guint      *head,
             guint      *tail)
{
  guint n_old = g_list_model_get_n_items (model);

  *head = 0;
  *tail = 0;
  while (*head < n_old && *head < n_new)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, *head);

      if (!same (old, *head, data))
        break;
      (*head)++;
    }
  while (*tail < n_old - *head && *tail < n_new - *head)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, n_old - 1 - *tail);

      if (!same (old, n_new - 1 - *tail, data))
        break;
      (*tail)++;
    }
}

typedef struct
{
  GPtrArray  *items;
  GEqualFunc  equal;
} ItemsData;

static gboolean
same_item (gpointer old_item,
           guint    new_index,
           gpointer data)
{
  ItemsData *items = data;

  return items->equal (old_item, items->items->pdata[new_index]);
}

/**
 * scs_list_store_update:
 * @store: a GListStore
 * @items: (element-type GObject): what it is to hold now, of its item type
 * @equal: whether an item in @store shows the same as one of @items
 */
void
scs_list_store_update (GListStore *store,
                       GPtrArray  *items,
                       GEqualFunc  equal)
{
  ItemsData data = { items, equal };
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint head, tail;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL && equal != NULL);

  common_ends (G_LIST_MODEL (store), items->len, same_item, &data, &head, &tail);
  if (head == n_old && head == items->len)
    return;
  g_list_store_splice (store, head, n_old - head - tail, items->pdata + head, items->len - head - tail);
}

static gboolean
same_string (gpointer old_item,
             guint    new_index,
             gpointer data)
{
  const char * const *strings = data;

  return g_str_equal (gtk_string_object_get_string (old_item), strings[new_index]);
}

/**
 * scs_string_list_update:
 * @list: a GtkStringList
 * @strings: (array length=n_strings): what it is to hold now
 */
void
scs_string_list_update (GtkStringList      *list,
                        const char * const *strings,
                        guint               n_strings)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autofree const char **added = NULL;
  guint head, tail;

  g_return_if_fail (GTK_IS_STRING_LIST (list));
  g_return_if_fail (strings != NULL || n_strings == 0);

  common_ends (G_LIST_MODEL (list), n_strings, same_string, (gpointer) strings, &head, &tail);
  if (head == n_old && head == n_strings)
    return;
  added = g_new0 (const char *, n_strings - head - tail + 1);
  for (guint i = 0; i < n_strings - head - tail; i++)
    added[i] = strings[head + i];
  gtk_string_list_splice (list, head, n_old - head - tail, added);
}
