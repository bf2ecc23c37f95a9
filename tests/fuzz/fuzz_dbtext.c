/* fuzz_dbtext.c: libFuzzer target for the reference database's text on its
 * way to a terminal (issue 15 item 1: a heap read past the end in
 * wrap_paragraph came from an entry that was not valid UTF-8).
 *
 * The input is split at NUL bytes into the text columns of two entries
 * (phrase, summary, details, what to check, spec in both languages, of
 * http 523 and http 524: entries with few claims, so that a run is quick),
 * written as they are, any bytes, into an
 * in-memory copy of the built database; then every renderer draws them:
 * the entry document as text (80 and 20 columns, each language, with and
 * without colour) and as JSON, the list rows (terminal and piped), and the
 * comparison. Every output must be valid UTF-8 without a raw control
 * character other than newline and tab (the colour escapes this program
 * writes itself aside), and the JSON must have no raw control at all.
 *
 * The database: $STATUSCODES_DB, else $SC_BUILDDIR/db/statuscodes.db. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "json.h"
#include "render.h"
#include "store.h"
#include "text.h"
#include "xmalloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const columns[] = {
	"phrase_en", "phrase_zh", "summary_en", "summary_zh", "detail_en", "detail_zh",
	"check_en", "check_zh", "spec",
};
#define NCOLS (sizeof columns / sizeof columns[0])
static struct store *st;
static sqlite3_stmt *upd;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *env = getenv("STATUSCODES_DB"), *build = getenv("SC_BUILDDIR");
	char *path = env && *env ? xstrdup(env)
	           : xasprintf("%s/db/statuscodes.db", build && *build ? build : ".");
	char *cause = NULL;
	struct buf sql = {0};

	(void)argc;
	(void)argv;
	/* a dry run's copy: in memory, writable, the file untouched */
	if (store_open(path, STORE_DRYRUN, &st, &cause) != 0) {
		fprintf(stderr, "fuzz_dbtext: %s (build the database first, or set STATUSCODES_DB)\n", cause);
		exit(2);
	}
	buf_adds(&sql, "UPDATE entry SET ");
	for (size_t i = 0; i < NCOLS; i++)
		buf_addf(&sql, "%s%s = ?%zu", i ? ", " : "", columns[i], i + 1);
	buf_adds(&sql, " WHERE protocol = 'http' AND code = ?99");
	if (sqlite3_prepare_v2(store_db(st), buf_str(&sql), -1, &upd, NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz_dbtext: %s\n", sqlite3_errmsg(store_db(st)));
		exit(2);
	}
	buf_free(&sql);
	free(path);
	return 0;
}

/* Dies when s (n bytes) is not valid UTF-8 or holds a raw control
 * character; SGR colour sequences ("\033[...m") are allowed when sgr. */
static void check_clean(const char *what, const char *s, size_t n, bool sgr, bool json)
{
	if (!utf8_valid(s, n)) {
		fprintf(stderr, "fuzz_dbtext: %s: invalid UTF-8 in the output\n", what);
		abort();
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (sgr && c == 0x1B && i + 1 < n && s[i + 1] == '[') {
			size_t k = i + 2;
			while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == ';'))
				k++;
			if (k < n && s[k] == 'm') {
				i = k;
				continue;
			}
		}
		bool layout = !json && (c == '\n' || c == '\t');
		if ((c < 0x20 && !layout && !(json && c == '\n')) || c == 0x7F) {
			fprintf(stderr, "fuzz_dbtext: %s: raw control 0x%02X at byte %zu\n", what, c, i);
			abort();
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] < 0xA0) {
			fprintf(stderr, "fuzz_dbtext: %s: raw C1 control at byte %zu\n", what, i);
			abort();
		}
	}
}

/* Writes the fields of data into entry code; returns the bytes used. */
static size_t set_entry(const char *code, const uint8_t *data, size_t size)
{
	size_t at = 0;

	sqlite3_reset(upd);
	for (size_t i = 0; i < NCOLS; i++) {
		const uint8_t *end = at < size ? memchr(data + at, 0, size - at) : NULL;
		size_t len = at < size ? (end ? (size_t)(end - data) - at : size - at) : 0;
		sqlite3_bind_text(upd, (int)i + 1, (const char *)data + (at < size ? at : 0), (int)len,
		                  SQLITE_TRANSIENT);
		at += len + 1;
	}
	sqlite3_bind_text(upd, 99, code, -1, SQLITE_STATIC);
	if (sqlite3_step(upd) != SQLITE_DONE) {
		fprintf(stderr, "fuzz_dbtext: %s\n", sqlite3_errmsg(store_db(st)));
		abort();
	}
	return at < size ? at : size;
}

static void load(const char *code, struct sc_entry *e)
{
	struct sc_entries l = {0};
	char *cause = NULL;

	if (store_lookup(st, "http", code, &l, &cause) != 0 || l.n == 0) {
		fprintf(stderr, "fuzz_dbtext: http %s: %s\n", code, cause ? cause : "not found");
		abort();
	}
	sc_entry_copy(e, &l.v[0]);
	sc_entries_free(&l);
}

/* Every renderer over a and b in language lang. */
static void render_all(const struct sc_entry *a, const struct sc_entry *b, enum lang lang)
{
	struct view_entry da, db;
	char *cause = NULL;
	struct out o = { .lang = lang };
	struct json j = {0};

	if (view_entry_load(st, a, lang, &da, &cause) != 0 || view_entry_load(st, b, lang, &db, &cause) != 0) {
		fprintf(stderr, "fuzz_dbtext: %s\n", cause);
		abort();
	}
	const struct view_entry *pair[2] = { &da, &db };
	for (int k = 0; k < 2; k++) {
		o.width = k ? 20 : 80;
		o.color = k;
		render_entry(&o, &da, k == 0);   /* the full form at 80, the short one at 20 */
		render_compare(&o, pair, 2);
		render_row(&o, a, a->summary_en, false, true);
		render_row(&o, b, b->detail_zh, true, false);
		check_clean("text", o.b.s ? o.b.s : "", o.b.len, o.color, false);
		buf_free(&o.b);
	}
	render_entry_json(&j, &da);
	render_compare_json(&j, pair, 2);
	render_row_json(&j, a, a->detail_en, false);
	check_clean("json", j.b.s ? j.b.s : "", j.b.len, false, true);
	buf_free(&j.b);
	view_entry_free(&da);
	view_entry_free(&db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sc_entry a = {0}, b = {0};
	size_t used;

	if (size > 1 << 13)
		return 0;
	used = set_entry("523", data, size);
	set_entry("524", data + used, size - used);
	load("523", &a);
	load("524", &b);
	render_all(&a, &b, LANG_BOTH);
	render_all(&a, &b, size & 1 ? LANG_EN : LANG_ZH);
	sc_entry_clear(&a);
	sc_entry_clear(&b);
	return 0;
}
