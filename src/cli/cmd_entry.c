/* cmd_entry.c: the commands about entries: show, list, search, compare. */
#include "config.h"
#include "cli_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "exitcode.h"
#include "render.h"
#include "search.h"
#include "str.h"
#include "text.h"
#include "xmalloc.h"

/* Does d list e as the same number in another protocol (an "also" line)? */
static bool shown_as_also(const struct view_entry *d, const struct sc_entry *e)
{
	const struct view_section *s = view_entry_section(d, VS_SAME_NUMBER);

	for (size_t i = 0; s && i < s->n; i++)
		if (s->v[i].ref->id == e->id)
			return true;
	return false;
}

/* One entry of show: a line (--format=line), JSON, or its document as text:
 * the answer first on a terminal, else (piped, or --full) in full, so that
 * what scripts read stays whole. *first keeps the document of an argument's
 * first entry: the short form leaves out the others that it already names
 * on an "also" line. Returns 0, or the database status (printed). */
static int show_entry(struct store *st, const struct cli_opts *o, const struct sc_entry *e, size_t k,
                      struct view_entry *first, struct out *out, struct json *j, int *shown)
{
	struct view_entry v;
	char *cause = NULL;
	bool full = o->full || !cli_stdout_tty();

	if (o->line) {
		render_row(out, e, NULL, false, false);
		return 0;
	}
	if (view_entry_load(st, e, o->json ? LANG_BOTH : o->lang, &v, &cause) != 0) {
		view_entry_free(&v);
		return cli_db_failed(cause);
	}
	if (o->json) {
		render_entry_json(j, &v);
	} else if (full || k == 0 || !shown_as_also(first, e)) {
		if ((*shown)++)
			buf_addc(&out->b, '\n');
		render_entry(out, &v, full);
	}
	if (k == 0)
		*first = v;
	else
		view_entry_free(&v);
	return 0;
}

/* The entries one argument of show names (ftp:530, 404, 4001). Returns 0,
 * not found (printed) or the database status (printed). */
static int show_arg(struct store *st, const struct cli_opts *o, const char *protocol, const char *arg,
                    struct out *out, struct json *j, int *shown)
{
	struct sc_entries found = {0};
	struct view_entry first;
	const char *p;
	char *code, *cause = NULL;
	int rc = 0;

	memset(&first, 0, sizeof first);
	cli_split_ref(arg, &p, &code);
	if (store_lookup(st, p ? p : protocol, code, &found, &cause) != 0)
		rc = cli_db_failed(cause);
	else if (found.n == 0)
		rc = cli_not_found(st, p ? p : protocol, code);
	for (size_t k = 0; rc == 0 && k < found.n; k++)
		rc = show_entry(st, o, &found.v[k], k, &first, out, j, shown);
	view_entry_free(&first);
	sc_entries_free(&found);
	free(code);
	return rc;
}

int cmd_show(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	const char *protocol = NULL;
	int first = 0, status = SC_EXIT_OK, shown = 0;
	struct out out;
	struct json j = {0};

	if (argc > 0 && store_protocol_id(argv[0])) {
		protocol = store_protocol_id(argv[0]);
		first = 1;
	}
	if (first >= argc)
		return cli_usage_error(UI("show needs a code"));
	/* every argument is checked before anything is printed */
	for (int i = first; i < argc; i++) {
		const char *p;
		char *code;
		cli_split_ref(argv[i], &p, &code);
		bool ok = cli_looks_like_code(code);
		free(code);
		if (!ok)
			return cli_usage_error(UI("'%s' is not a status code (search for words with: statuscodes search)"),
			                       argv[i]);
	}
	out_init(&out, o, cli_stdout_tty());
	if (o->json)
		json_open(&j, NULL, '[');
	for (int i = first; i < argc && status != SC_EXIT_DB; i++) {
		int rc = show_arg(st, o, protocol, argv[i], &out, &j, &shown);
		if (rc != 0)
			status = rc;
	}
	if (status == SC_EXIT_DB) {
		buf_free(&j.b);
	} else if (o->json) {
		json_close(&j, ']');
		cli_print_json(&j);
	} else {
		cli_emit(&out, o);
	}
	out_free(&out);
	return status;
}

int cmd_list(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	const char *protocol = NULL, *pattern = NULL;
	struct sc_entries all = {0};
	char *cause = NULL;
	int i = 0;

	if (i < argc && store_protocol_id(argv[i]))
		protocol = store_protocol_id(argv[i++]);
	if (i < argc)
		pattern = argv[i++];
	if (i < argc)
		return cli_usage_error(UI("list takes a protocol and a class or pattern; '%s' is one too many"), argv[i]);
	if (pattern) {
		for (const char *p = pattern; *p; p++)
			if (!isdigit((unsigned char)*p) && *p != 'x' && *p != 'X' && *p != '.' && *p != '-')
				return cli_usage_error(UI("'%s' is not a class or pattern (like 4xx, 40x or 403)"), pattern);
	}
	if (store_list(st, protocol, pattern, &all, &cause) != 0)
		return cli_db_failed(cause);
	if (o->standard)
		sc_entries_keep_registered(&all);
	if (all.n == 0) {
		sc_entries_free(&all);
		return cli_not_found(st, protocol, pattern ? pattern : "?");
	}
	if (o->json) {
		struct json j = {0};
		json_open(&j, NULL, '[');
		for (size_t k = 0; k < all.n; k++)
			render_row_json(&j, &all.v[k], NULL, false);
		json_close(&j, ']');
		cli_print_json(&j);
	} else {
		struct out out;
		bool tty = cli_stdout_tty();
		out_init(&out, o, tty);
		for (size_t k = 0; k < all.n; k++)
			render_row(&out, &all.v[k], NULL, false, tty);
		cli_emit(&out, o);
		out_free(&out);
	}
	sc_entries_free(&all);
	return SC_EXIT_OK;
}

/* What the hits are: for another query ("did you mean"), or some only for
 * some of the words. On a terminal above the rows, else on stderr so that
 * the rows stay rows. */
static void search_notes(struct out *out, const struct cli_opts *o, const struct sc_hits *h, bool tty)
{
	struct buf m = {0};
	if (h->suggest) {
		char *clean = text_clean(h->suggest, strlen(h->suggest));
		buf_addf(&m, UI("Did you mean \"%s\"? Showing hits for it."), clean);
		buf_addc(&m, '\n');
		free(clean);
	}
	if (h->partial && h->n) {
		size_t all = 0;
		for (size_t i = 0; i < h->n; i++)
			all += h->v[i].matched == h->words;
		buf_addf(&m, UI("%zu hits have all %zu words; the rest match some of them, most first."), all, h->words);
		buf_addc(&m, '\n');
	}
	if (m.len == 0)
		return;
	if (tty)
		buf_adds(&out->b, buf_str(&m));
	else
		fputs(buf_str(&m), stderr);
	buf_free(&m);
}

/* The search the options ask for. */
static int search_run(struct store *st, const struct cli_opts *o, const char *q, struct sc_hits *hits,
                      char **cause)
{
	size_t limit = o->limit > 0 ? (size_t)o->limit : 20;
	return store_search(st, q, o->protocol, limit, o->standard ? SEARCH_REGISTERED : 0, hits, cause);
}

int cmd_search(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct buf q = {0};
	struct sc_hits hits = {0};
	char *cause = NULL;
	bool tty = cli_stdout_tty();

	for (int i = 0; i < argc; i++) {
		if (i)
			buf_addc(&q, ' ');
		buf_adds(&q, argv[i]);
	}
	if (str_empty(buf_str(&q))) {
		buf_free(&q);
		return cli_usage_error(UI("search needs words to look for"));
	}
	if (search_run(st, o, buf_str(&q), &hits, &cause) != 0) {
		buf_free(&q);
		return cli_db_failed(cause);
	}
	if (o->json) {
		struct json j = {0};
		json_open(&j, NULL, '[');
		for (size_t k = 0; k < hits.n; k++) {
			struct sc_entry full = {0};
			const struct sc_entry *e = &hits.v[k].e;
			/* a hit is brief: the row carries the summaries too */
			if (e->brief && store_entry_by_id(st, e->id, &full, &cause) != 0) {
				buf_free(&j.b);
				sc_hits_free(&hits);
				buf_free(&q);
				return cli_db_failed(cause);
			}
			render_row_json(&j, e->brief ? &full : e, hits.v[k].snippet, hits.v[k].fuzzy);
			sc_entry_clear(&full);
		}
		json_close(&j, ']');
		cli_print_json(&j);
	} else {
		struct out out;
		out_init(&out, o, tty);
		if (tty && hits.n && hits.v[0].fuzzy)
			buf_addf(&out.b, "%s\n", UI("No match; close matches:"));
		search_notes(&out, o, &hits, tty);
		for (size_t k = 0; k < hits.n; k++) {
			const char *snip = search_snippet(&hits.v[k], lang_want_en(o->lang), lang_want_zh(o->lang));
			render_row(&out, &hits.v[k].e, tty ? snip : NULL, hits.v[k].fuzzy, tty);
		}
		cli_emit(&out, o);
		out_free(&out);
	}
	int status = hits.n ? SC_EXIT_OK : SC_EXIT_NOTFOUND;
	if (hits.n == 0) {
		struct buf m = {0};
		text_fit(&m, buf_str(&q), 60, false, true); /* cleaned; CJK kept (issue 15 item 12) */
		fputs("statuscodes: ", stderr);
		fprintf(stderr, UI("nothing matches \"%s\""), buf_str(&m));
		fputc('\n', stderr);
		buf_free(&m);
	}
	sc_hits_free(&hits);
	buf_free(&q);
	return status;
}

/* The entry a compare argument names; 0 found, 1 not found, 3 db error. */
static int compare_arg(struct store *st, const char *arg, enum lang lang, struct view_entry *v, char **cause)
{
	const char *protocol;
	char *code;
	struct sc_entries found = {0};
	int rc = SC_EXIT_OK;

	cli_split_ref(arg, &protocol, &code);
	if (store_lookup(st, protocol, code, &found, cause) != 0)
		rc = SC_EXIT_DB;
	else if (found.n == 0)
		rc = cli_not_found(st, protocol, code);
	else if (view_entry_load(st, &found.v[0], lang, v, cause) != 0)
		rc = SC_EXIT_DB;
	sc_entries_free(&found);
	free(code);
	return rc;
}

int cmd_compare(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct view_entry docs[COMPARE_MAX];
	const struct view_entry *v[COMPARE_MAX];
	enum lang lang = o->json ? LANG_BOTH : o->lang;
	char *cause = NULL;
	int rc = SC_EXIT_OK, n = 0;

	if (argc < 2 || argc > COMPARE_MAX)
		return cli_usage_error(UI("compare needs two to %d codes, like: statuscodes compare 401 403 407"),
		                       COMPARE_MAX);
	for (int i = 0; i < argc; i++) {
		const char *protocol;
		char *code;
		cli_split_ref(argv[i], &protocol, &code);
		bool ok = cli_looks_like_code(code);
		free(code);
		if (!ok)
			return cli_usage_error(UI("'%s' is not a status code"), argv[i]);
	}
	memset(docs, 0, sizeof docs);
	for (; n < argc && rc == SC_EXIT_OK; n++) {
		rc = compare_arg(st, argv[n], lang, &docs[n], &cause);
		v[n] = &docs[n];
	}
	if (rc == SC_EXIT_OK && o->json) {
		struct json j = {0};
		render_compare_json(&j, v, (size_t)n);
		cli_print_json(&j);
	} else if (rc == SC_EXIT_OK) {
		struct out out;
		out_init(&out, o, cli_stdout_tty());
		for (int i = 0; o->line && i < n; i++)
			render_row(&out, &docs[i].e, NULL, false, false);
		if (!o->line)
			render_compare(&out, v, (size_t)n);
		cli_emit(&out, o);
		out_free(&out);
	}
	for (int i = 0; i < n; i++)
		view_entry_free(&docs[i]);
	return rc == SC_EXIT_DB ? cli_db_failed(cause) : rc;
}
