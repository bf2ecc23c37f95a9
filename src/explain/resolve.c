/* resolve.c: what each code seen means, from the store, with the rules for
 * codes it does not hold: a sub-status falls back to its main code, an
 * unregistered HTTP code to the x00 of its class (RFC 9110 section 15), a
 * WebSocket code to its range, curl's 000 means no response at all. */
#include "config.h"
#include "explain_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* The entry with exactly this code (or the range holding it); 0 found,
 * 1 none, -1 error. */
static int lookup(struct store *st, const char *protocol, const char *code,
                  struct sc_entry *out, bool *range, char **cause)
{
	struct sc_entries l = {0};
	int rc = 1;

	if (store_lookup(st, protocol, code, &l, cause) != 0)
		return -1;
	for (size_t i = 0; i < l.n && rc; i++)
		if (strcmp(l.v[i].code, code) == 0) {
			sc_entry_copy(out, &l.v[i]);
			*range = false;
			rc = 0;
		}
	if (rc && l.n) {
		sc_entry_copy(out, &l.v[0]);
		*range = strchr(l.v[0].code, '-') != NULL;
		rc = 0;
	}
	sc_entries_free(&l);
	return rc;
}

static int resolve_one(struct ex_count *c, struct store *st, char **cause)
{
	struct ex_meaning *m = &c->m;
	bool range = false;
	bool http = strcmp(c->protocol, "http") == 0;
	int rc;

	snprintf(m->as_code, sizeof m->as_code, "%s", c->code);
	if (http && strcmp(c->code, "000") == 0) {
		m->rule = EX_RULE_NO_RESPONSE;
		return 0;
	}
	m->rule = EX_RULE_EXACT;
	if (!st)
		return 0;
	if ((rc = lookup(st, c->protocol, c->code, &m->e, &range, cause)) < 0)
		return -1;
	if (rc == 0) {
		m->rule = range ? EX_RULE_RANGE : EX_RULE_EXACT;
		return 0;
	}
	if (c->sub >= 0) {
		char parent[8];
		snprintf(parent, sizeof parent, "%d", c->num);
		if ((rc = lookup(st, c->protocol, parent, &m->e, &range, cause)) < 0)
			return -1;
		if (rc == 0) {
			m->rule = EX_RULE_PARENT;
			snprintf(m->as_code, sizeof m->as_code, "%s", parent);
			return 0;
		}
	}
	if (store_nearest(st, c->protocol, c->code, 3, &m->near, cause) != 0)
		return -1;
	if (http && c->num >= 100 && c->num <= 599) {
		char x00[8];
		snprintf(x00, sizeof x00, "%d", c->num / 100 * 100);
		m->rule = EX_RULE_CLASS;
		snprintf(m->as_code, sizeof m->as_code, "%s", x00);
		if (lookup(st, c->protocol, x00, &m->e, &range, cause) < 0)
			return -1;
		return 0;
	}
	m->rule = EX_RULE_INVALID;
	m->as_code[0] = '\0';
	return 0;
}

int explain_resolve(struct ex_report *r, struct store *st, char **cause)
{
	for (size_t i = 0; i < r->ncounts; i++) {
		sc_entry_clear(&r->counts[i].m.e);
		sc_entries_free(&r->counts[i].m.near);
		memset(&r->counts[i].m, 0, sizeof r->counts[i].m);
		if (resolve_one(&r->counts[i], st, cause) != 0)
			return -1;
	}
	return 0;
}

static int by_count(const void *a, const void *b)
{
	const struct ex_count *x = *(const struct ex_count *const *)a;
	const struct ex_count *y = *(const struct ex_count *const *)b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	int c = strcmp(x->protocol, y->protocol);
	if (c)
		return c;
	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	return x->sub < y->sub ? -1 : x->sub > y->sub;
}

void explain_sort(struct ex_report *r)
{
	size_t n = r->ncounts;
	const struct ex_count **order = xcalloc(n ? n : 1, sizeof *order);
	int *where = xcalloc(n ? n : 1, sizeof *where);
	struct ex_count *sorted = xcalloc(n ? n : 1, sizeof *sorted);

	for (size_t i = 0; i < n; i++)
		order[i] = &r->counts[i];
	qsort(order, n, sizeof *order, by_count);
	for (size_t i = 0; i < n; i++) {
		sorted[i] = *order[i];
		where[order[i] - r->counts] = (int)i;
	}
	for (size_t i = 0; i < r->nitems; i++)
		r->items[i].count = where[r->items[i].count];
	free(r->counts);
	r->counts = sorted;
	r->capcounts = n ? n : 1;
	free(order);
	free(where);
}

void explain_class_of(const struct ex_count *c, char *out, size_t outsz)
{
	if (strcmp(c->protocol, "websocket") == 0) {
		int lo = c->num < 1000 ? 0 : c->num < 3000 ? 1000 : c->num / 1000 * 1000;
		int hi = c->num < 1000 ? 999 : c->num < 3000 ? 2999 : lo + 999;
		snprintf(out, outsz, "%d-%d", lo, hi);
	} else if (c->num == 0) {
		snprintf(out, outsz, "000");
	} else {
		snprintf(out, outsz, "%dxx", c->num / 100 % 10);
	}
}
