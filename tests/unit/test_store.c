/* test_store.c: the built reference database (db/statuscodes.db): what the
 * five documents yield, that nothing they mention is lost, lookups, lists,
 * cross-references, search, and databases that cannot be used. */
#include "config.h"
#include "testutil.h"

#include <ctype.h>
#include <dirent.h>

#include "search.h"
#include "str.h"
#include "schema.h"

static struct store *st;

static int setup(void **state)
{
	(void)state;
	st = tu_open_builtdb();
	return st ? 0 : -1;
}

static int teardown(void **state)
{
	store_close(st);
	return 0;
}

/* Distinct entries per protocol that the documents (not the curated data)
 * make claims about. Counted by hand from db/sources: HTTP 81 (000: 23
 * codes, 001: 42, 002: 52 and the 423 hidden in its 422 row, 003: 39,
 * 004: 141 rows with 20 IIS 403.x and 4 404.x sub-status codes), FTP 42
 * (004 only; "600 Series" is the 6xx class), WebSocket 21 (16 codes and 5
 * ranges, 1016-1999 and 2000-2999 among them). */
static void test_entries_per_protocol(void **state)
{
	static const struct { const char *protocol; int64_t n; } want[] = {
		{ "http", 81 }, { "ftp", 42 }, { "websocket", 21 },
	};
	for (size_t i = 0; i < 3; i++) {
		int64_t n = tu_int(st, "SELECT count(DISTINCT e.id) FROM claim c JOIN source s ON s.id = c.source_id"
		                       " JOIN entry e ON e.id = c.entry_id WHERE s.kind = 'document' AND e.protocol = ?1",
		                   want[i].protocol);
		if (n != want[i].n)
			fail_msg("%s: %lld entries from the documents, expected %lld", want[i].protocol,
			         (long long)n, (long long)want[i].n);
	}
	assert_int_equal(tu_int(st, "SELECT count(*) FROM source WHERE kind = ?1", "document"), 5);
}

/* Is tok kept by source file: as the label of a claim about an entry
 * (as_label), or at least inside a claim's value (a class range, say)? */
static bool kept(const char *file, const char *tok, bool as_label)
{
	sqlite3_stmt *s;
	bool found = false;
	assert_int_equal(sqlite3_prepare_v2(store_db(st),
	    as_label
	    ? "SELECT 1 FROM claim c JOIN source s ON s.id = c.source_id WHERE s.file = ?1"
	      " AND c.entry_id IS NOT NULL AND replace(replace(c.label, '–', '-'), '—', '-') = ?2 LIMIT 1"
	    : "SELECT 1 FROM claim c JOIN source s ON s.id = c.source_id WHERE s.file = ?1"
	      " AND (replace(replace(c.label, '–', '-'), '—', '-') = ?2 OR instr(c.value, ?2) > 0) LIMIT 1",
	    -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, tok, -1, SQLITE_STATIC);
	found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return found;
}

/* Every token that looks like a code where a row starts (line start, a
 * list item, a table's first cell, an HTML cell, a field ending in " |") in
 * any document is kept, and every plain code can be looked up. This reads
 * the documents with its own simple scanner, not the importer's parsers. */
static void test_nothing_lost(void **state)
{
	char *dir = xasprintf("%s/db/sources", tu_srcdir());
	DIR *d = opendir(dir);
	struct dirent *de;
	int checked = 0, looked_up = 0;
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char *path = xasprintf("%s/%s", dir, de->d_name);
		char *text = tu_read(path, NULL);
		assert_non_null(text);
		for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
			char *p = line;
			while (*p == ' ' || *p == '-' || *p == '|' || *p == '\t')
				p++;
			if (strncmp(p, "<td>", 4) == 0)
				p += 4;
			if (!isdigit((unsigned char)*p))
				continue;
			char tok[32];
			size_t n = 0;
			while (n < sizeof tok - 1 && (isdigit((unsigned char)p[n]) || p[n] == '.' ||
			       (p[n] == '-' && isdigit((unsigned char)p[n + 1])))) {
				tok[n] = p[n];
				n++;
			}
			/* an en dash between two numbers: 1016–1999 */
			if (strncmp(p + n, "–", 3) == 0 && isdigit((unsigned char)p[n + 3])) {
				tok[n++] = '-';
				p += 2;
				while (n < sizeof tok - 1 && isdigit((unsigned char)p[n]))
					tok[n] = p[n], n++;
			}
			tok[n] = '\0';
			if (n && tok[n - 1] == '.')
				tok[--n] = '\0';
			if (n < 3 || (strlen(tok) == 4 && strchr(tok, '.') == NULL && atoi(tok) < 1000))
				continue;
			if (!kept(de->d_name, tok, false))
				fail_msg("%s: \"%s\" is in the document but not in the database", de->d_name, tok);
			if (strchr(tok, '-') == NULL && kept(de->d_name, tok, true)) {
				struct sc_entries found = {0};
				char *cause = NULL;
				assert_int_equal(store_lookup(st, NULL, tok, &found, &cause), 0);
				if (found.n == 0)
					fail_msg("%s: %s cannot be looked up", de->d_name, tok);
				sc_entries_free(&found);
				looked_up++;
			}
			checked++;
		}
		free(text);
		free(path);
	}
	closedir(d);
	free(dir);
	/* 000: 45 rows, 001: 38 numeric labels, 002: 53, 003: 39 codes + 10
	 * class cells, 004: 141 items and rows */
	if (checked < 300 || looked_up < 300)
		fail_msg("only %d tokens checked, %d looked up", checked, looked_up);
}

/* Every defect kind the documents are known to have is found. */
static void test_defects_found(void **state)
{
	static const struct { const char *kind; int64_t min; } kinds[] = {
		{ "misread_label", 4 },      /* 60W 60S 50W 40S */
		{ "duplicate_block", 1 },    /* 000's second half */
		{ "copied_text", 1 },        /* 002's first 422 row is 421's text */
		{ "hidden_row", 1 },         /* 423 inside 002's 422 row */
		{ "wrong_label", 2 },        /* 003's 203 and 204 rows are 204 and 205 */
		{ "wrong_phrase", 2 },       /* 004: 306 临时重定向, 1007 Unsupported Data */
		{ "outdated_meaning", 6 },   /* 421, 425, 426 in 002 and 004 */
		{ "machine_translation", 1 },/* 001 */
		{ "truncated_text", 1 },     /* 004's 1014 */
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		int64_t n = tu_int(st, "SELECT count(*) FROM finding WHERE kind = ?1", kinds[i].kind);
		if (n < kinds[i].min)
			fail_msg("%s: %lld found, expected at least %lld", kinds[i].kind, (long long)n,
			         (long long)kinds[i].min);
	}
	/* 60W is 302, and what it said is kept under that label */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM claim c JOIN entry e ON e.id = c.entry_id"
	                            " WHERE c.label = '60W' AND e.code = ?1", "302"), 4);
}

/* No defect reaches an entry as fact. */
static void test_defects_not_shown(void **state)
{
	char *t = tu_text(st, "SELECT phrase_zh FROM entry WHERE protocol = 'http' AND code = ?1", "306");
	assert_string_not_equal(t, "临时重定向");
	free(t);
	t = tu_text(st, "SELECT coalesce(detail_zh, '') FROM entry WHERE protocol = 'http' AND code = ?1", "421");
	assert_null(strstr(t, "连接数"));
	free(t);
	t = tu_text(st, "SELECT coalesce(detail_zh, '') FROM entry WHERE protocol = 'http' AND code = ?1", "422");
	assert_null(strstr(t, "连接数"));
	assert_null(strstr(t, "423"));
	free(t);
	t = tu_text(st, "SELECT phrase_en FROM entry WHERE protocol = 'websocket' AND code = ?1", "1007");
	assert_string_equal(t, "Invalid frame payload data");
	free(t);
	/* the machine translation is not the English anyone reads first */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM entry WHERE origin_en <> 'project' AND origin_en = ?1",
	                        "001_dc94acdcca68dfa5.txt"), 0);
}

static void test_lookup(void **state)
{
	struct sc_entries l = {0};
	char *cause = NULL;

	assert_int_equal(store_lookup(st, NULL, "530", &l, &cause), 0);
	assert_int_equal(l.n, 2); /* HTTP (Cloudflare) and FTP */
	assert_string_equal(l.v[0].protocol, "http");
	assert_string_equal(l.v[1].protocol, "ftp");
	sc_entries_free(&l);
	assert_int_equal(store_lookup(st, "websocket", "4001", &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].code, "4000-4999");
	sc_entries_free(&l);
	assert_int_equal(store_lookup(st, "http", "403.14", &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_true(l.v[0].parent > 0);
	sc_entries_free(&l);
	assert_int_equal(store_lookup(st, "http", "999", &l, &cause), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_nearest(st, "http", "999", 2, &l, &cause), 0);
	assert_int_equal(l.n, 2);
	sc_entries_free(&l);
}

static void test_list(void **state)
{
	struct sc_entries l = {0};
	char *cause = NULL;

	assert_int_equal(store_list(st, "http", "4xx", &l, &cause), 0);
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.v[i].num / 100, 4);
	assert_true(l.n > 40);
	sc_entries_free(&l);
	assert_int_equal(store_list(st, NULL, "40x", &l, &cause), 0);
	for (size_t i = 0; i < l.n; i++)
		assert_true(l.v[i].num >= 400 && l.v[i].num <= 409);
	sc_entries_free(&l);
	/* only x is a wildcard: SQL LIKE characters match nothing */
	assert_int_equal(store_list(st, NULL, "4%", &l, &cause), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_list(st, NULL, "4__", &l, &cause), 0);
	assert_int_equal(l.n, 0);
}

/* The browser's fold: store_list_top and store_list_subs against the whole
 * list store_list gives (every row of the class, sub-status codes too):
 * the top rows are its rows without a parent, in its order; each count is
 * how many of its rows have that parent, and the subs are exactly those,
 * in order. For every class of every protocol. */
static void check_fold(const char *protocol, const char *class_id)
{
	struct sc_entries all = {0}, top = {0}, subs = {0};
	char *cause = NULL;
	size_t k = 0;

	assert_int_equal(store_list(st, protocol, class_id, &all, &cause), 0);
	assert_int_equal(store_list_top(st, protocol, class_id, &top, &cause), 0);
	for (size_t i = 0; i < all.n; i++) {
		if (all.v[i].parent != 0 || strcmp(all.v[i].class_id, class_id) != 0)
			continue;
		assert_true(k < top.n);
		/* in code order; rows of one sort key (WebSocket 1016-2999 and
		 * 1016-1999) may come either way round */
		assert_int_equal(top.v[k].num, all.v[i].num);
		size_t at = 0;
		while (at < top.n && top.v[at].id != all.v[i].id)
			at++;
		assert_true(at < top.n);
		assert_true(top.v[at].brief);
		size_t want = 0;
		for (size_t j = 0; j < all.n; j++)
			want += all.v[j].parent == all.v[i].id;
		assert_int_equal(top.v[at].nsubs, want);
		assert_int_equal(store_list_subs(st, all.v[i].id, &subs, &cause), 0);
		assert_int_equal(subs.n, want);
		size_t m = 0;
		for (size_t j = 0; j < all.n; j++)
			if (all.v[j].parent == all.v[i].id) {
				assert_int_equal(subs.v[m].id, all.v[j].id);
				assert_int_equal(subs.v[m].parent, all.v[i].id);
				assert_true(subs.v[m].brief);
				m++;
			}
		sc_entries_free(&subs);
		k++;
	}
	assert_int_equal(top.n, k);
	sc_entries_free(&all);
	sc_entries_free(&top);
}

static void test_list_fold(void **state)
{
	struct sc_classes cs = {0};
	struct sc_entries top = {0}, subs = {0};
	char *cause = NULL;

	assert_int_equal(store_classes(st, NULL, &cs, &cause), 0);
	assert_true(cs.n > 10);
	for (size_t i = 0; i < cs.n; i++)
		check_fold(cs.v[i].protocol, cs.v[i].id);
	sc_classes_free(&cs);

	/* issue 14: from 400 to 404 is four rows once the IIS codes fold */
	assert_int_equal(store_list_top(st, "http", "4xx", &top, &cause), 0);
	size_t i400 = top.n, i404 = top.n, i403 = top.n;
	for (size_t i = 0; i < top.n; i++) {
		assert_int_equal(top.v[i].sub, -1);
		if (strcmp(top.v[i].code, "400") == 0) i400 = i;
		if (strcmp(top.v[i].code, "403") == 0) i403 = i;
		if (strcmp(top.v[i].code, "404") == 0) i404 = i;
	}
	assert_true(i404 < top.n);
	assert_int_equal(i404 - i400, 4);
	/* 004 lists 20 IIS 403.x codes; the curated data adds more */
	assert_true(top.v[i403].nsubs >= 20);
	assert_int_equal(store_list_subs(st, top.v[i403].id, &subs, &cause), 0);
	assert_int_equal(subs.n, top.v[i403].nsubs);
	assert_string_equal(subs.v[0].code, "403.1");
	assert_string_equal(subs.v[0].vendor, "IIS");
	sc_entries_free(&subs);
	sc_entries_free(&top);
	/* a class or a parent that is not there: nothing, no error */
	assert_int_equal(store_list_top(st, "http", "9xx", &top, &cause), 0);
	assert_int_equal(top.n, 0);
	assert_int_equal(store_list_subs(st, -1, &subs, &cause), 0);
	assert_int_equal(subs.n, 0);
}

static void test_xrefs(void **state)
{
	struct sc_entries l = {0};
	struct sc_xrefs x = {0};
	char *cause = NULL;
	bool to410 = false;

	assert_int_equal(store_lookup(st, "http", "404", &l, &cause), 0);
	assert_int_equal(store_xrefs(st, l.v[0].id, &x, &cause), 0);
	for (size_t i = 0; i < x.n; i++)
		if (strcmp(x.v[i].kind, "compare") == 0 && strcmp(x.v[i].other.code, "410") == 0)
			to410 = x.v[i].note_en && x.v[i].note_zh;
	assert_true(to410);
	sc_xrefs_free(&x);
	sc_entries_free(&l);
}

/* statuscodes sources counts each source's claims (store_sources), and an
 * import compares a new source's claims with an earlier one's
 * (store_source_repeat): both by source_id, through its index, not a scan
 * of every claim for every source (without it the whole command took
 * 3.2 times the instructions on the real database). */
static void test_claims_by_source(void **state)
{
	sqlite3_stmt *s;
	struct buf b = {0};
	assert_int_equal(sqlite3_prepare_v2(store_db(st), "EXPLAIN QUERY PLAN SELECT s.id,"
	                                    " (SELECT count(*) FROM claim c WHERE c.source_id = s.id)"
	                                    " FROM source s ORDER BY s.id", -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		buf_addf(&b, "%s\n", (const char *)sqlite3_column_text(s, 3));
	sqlite3_finalize(s);
	if (strstr(buf_str(&b), "INDEX claim_source (source_id=?)") == NULL)
		fail_msg("claims are counted by source without the index:\n%s", buf_str(&b));
	buf_free(&b);
}

/* The confusable groups issue 5 asks for: each member is compared with
 * each other member, with a note in both languages. */
static void test_comparisons(void **state)
{
	static const char *const groups[] = {
		"http:401 http:403", "http:404 http:410", "http:301 http:302 http:303 http:307 http:308",
		"http:400 http:422", "http:405 http:501", "http:408 http:504",
		"http:500 http:502 http:503 http:504", "http:413 http:414 http:431",
		"http:200 http:201 http:204", "http:304 http:412", "http:429 http:503",
		"ftp:450 ftp:550", "ftp:421 ftp:530", "ftp:530 http:401",
		"websocket:1000 websocket:1001 websocket:1006", "http:530 ftp:530", "http:421 ftp:421",
		/* issue 12: pairs across vendors, protocols and RFC 1123 */
		"ftp:421 ftp:425", "ftp:530 ftp:532", "http:413 ftp:552", "http:460 http:499",
		"http:419 http:440", "http:401 http:498 http:561", "ftp:350 ftp:554",
	};
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		char *copy = xstrdup(groups[g]), *m[8];
		size_t n = 0;
		for (char *t = strtok(copy, " "); t && n < 8; t = strtok(NULL, " "))
			m[n++] = t;
		for (size_t a = 0; a < n; a++)
			for (size_t b = 0; b < n; b++) {
				if (a == b)
					continue;
				char *pair = xasprintf("%s %s", m[a], m[b]);
				int64_t c = tu_int(st, "SELECT count(*) FROM xref x JOIN entry ea ON ea.id = x.a"
				                       " JOIN entry eb ON eb.id = x.b JOIN comparison c ON c.id = x.comparison_id"
				                       " WHERE x.kind = 'compare' AND c.note_en <> '' AND c.note_zh <> ''"
				                       " AND ea.protocol || ':' || ea.code || ' ' || eb.protocol || ':' || eb.code = ?1",
				                   pair);
				if (c < 1)
					fail_msg("no comparison with notes for %s", pair);
				free(pair);
			}
		free(copy);
	}
}

static void test_search(void **state)
{
	struct sc_hits h = {0};
	char *cause = NULL;

	assert_int_equal(store_search(st, "proxy", NULL, 10, 0, &h, &cause), 0);
	bool top3 = false;
	for (size_t i = 0; i < h.n && i < 3; i++)
		top3 |= strcmp(h.v[i].e.code, "407") == 0;
	assert_true(top3);
	sc_hits_free(&h);
	/* the Chinese word for cache puts 304 first */
	assert_int_equal(store_search(st, "缓存", NULL, 10, 0, &h, &cause), 0);
	assert_true(h.n > 0);
	assert_string_equal(h.v[0].e.code, "304");
	sc_hits_free(&h);
	/* older names stay findable */
	static const char *const old[][2] = { { "Payload Too Large", "413" }, { "Unprocessable Entity", "422" },
	                                      { "I'm a teapot", "418" }, { "Request-URI Too Long", "414" } };
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(store_search(st, old[i][0], NULL, 10, 0, &h, &cause), 0);
		assert_true(h.n > 0);
		assert_string_equal(h.v[0].e.code, old[i][1]);
		sc_hits_free(&h);
	}
	/* an unfinished word still finds what it begins */
	assert_int_equal(store_search(st, "authenti", NULL, 10, 0, &h, &cause), 0);
	assert_true(h.n > 0);
	assert_false(h.v[0].fuzzy);
	sc_hits_free(&h);
	assert_int_equal(store_search(st, "404", NULL, 10, 0, &h, &cause), 0);
	assert_string_equal(h.v[0].e.code, "404");
	assert_true(h.v[0].exact);
	sc_hits_free(&h);
	/* a typo: close matches, marked as such */
	assert_int_equal(store_search(st, "forbiden", NULL, 10, 0, &h, &cause), 0);
	assert_true(h.n > 0);
	assert_true(h.v[0].fuzzy);
	assert_string_equal(h.v[0].e.code, "403");
	sc_hits_free(&h);
	/* hostile text is results or nothing, never an error */
	static const char *const hostile[] = { "\"", "AND", "NEAR(", "c++", "a\"b", "*", "-", "(", "'",
	                                       "col:x", "\xff\xfe", "　", "" };
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		assert_int_equal(store_search(st, hostile[i], NULL, 10, SEARCH_PREFIX, &h, &cause), 0);
		sc_hits_free(&h);
	}
}

/* Every entry of a curated registry table shows exactly the registry's
 * English phrase (the tables are read here with a plain TSV split, not the
 * importer's reader). */
static void test_registry_phrases(void **state)
{
	static const char *const files[] = { "registry-http.tsv", "registry-ftp.tsv", "registry-websocket.tsv" };
	size_t compared = 0;

	for (size_t f = 0; f < 3; f++) {
		char *path = xasprintf("%s/db/curated/%s", tu_srcdir(), files[f]);
		char *text = tu_read(path, NULL);
		assert_non_null(text);
		char *save = NULL;
		bool header = true;
		for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			if (header) {
				assert_true(str_starts_with(line, "protocol\tcode\tphrase_en\t"));
				header = false;
				continue;
			}
			char *f1 = strchr(line, '\t'), *f2 = f1 ? strchr(f1 + 1, '\t') : NULL;
			char *f3 = f2 ? strchr(f2 + 1, '\t') : NULL;
			assert_non_null(f3);
			*f1 = *f2 = *f3 = '\0';
			char *got = NULL;
			sqlite3_stmt *s;
			assert_int_equal(sqlite3_prepare_v2(store_db(st),
			    "SELECT phrase_en FROM entry WHERE protocol = ?1 AND code = ?2", -1, &s, NULL), SQLITE_OK);
			sqlite3_bind_text(s, 1, line, -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 2, f1 + 1, -1, SQLITE_STATIC);
			if (sqlite3_step(s) == SQLITE_ROW)
				got = xstrdup((const char *)sqlite3_column_text(s, 0));
			sqlite3_finalize(s);
			if (got == NULL || strcmp(got, f2 + 1) != 0)
				fail_msg("%s %s: shows \"%s\", the registry says \"%s\"", line, f1 + 1,
				         got ? got : "(no entry)", f2 + 1);
			free(got);
			compared++;
		}
		free(text);
		free(path);
	}
	assert_true(compared > 250);
}

/* Databases that cannot be used: one line naming the file, and the file
 * left as it was. */
static void expect_open_error(const char *path, const char *needle)
{
	struct store *bad = NULL;
	char *cause = NULL;
	size_t before = 0, after = 0;
	char *orig = tu_read(path, &before);

	assert_int_equal(store_open(path, STORE_READ, &bad, &cause), -1);
	assert_null(bad);
	if (cause == NULL || strstr(cause, needle) == NULL || strstr(cause, path) == NULL)
		fail_msg("\"%s\": wanted \"%s\" and the path", cause ? cause : "(null)", needle);
	assert_null(strchr(cause, '\n'));
	free(cause);
	char *now = tu_read(path, &after);
	if (orig) {
		assert_int_equal(before, after);
		assert_memory_equal(orig, now, before);
	}
	free(orig);
	free(now);
}

static void test_bad_databases(void **state)
{
	char *missing = tu_tmp("missing.db"), *empty = tu_tmp("empty.db"), *junk = tu_tmp("junk.db");
	char *other = tu_tmp("other.db"), *newer = tu_tmp("newer.db"), *trunc = tu_tmp("trunc.db");
	char *dir = tu_tmp("adir");
	sqlite3 *db;

	expect_open_error(missing, "not found");
	tu_write(empty, "", 0);
	expect_open_error(empty, "empty");
	char noise[4096];
	for (size_t i = 0; i < sizeof noise; i++)
		noise[i] = (char)(i * 7919 % 251);
	tu_write(junk, noise, sizeof noise);
	expect_open_error(junk, "not an SQLite database");
	mkdir(dir, 0755);
	expect_open_error(dir, "directory");
	assert_int_equal(sqlite3_open(other, &db), SQLITE_OK);
	sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", NULL, NULL, NULL);
	sqlite3_close(db);
	expect_open_error(other, "not a statuscodes database");
	/* a newer schema */
	size_t len;
	char *copy = tu_read(store_path(st), &len);
	tu_write(newer, copy, len);
	assert_int_equal(sqlite3_open(newer, &db), SQLITE_OK);
	char *sql = xasprintf("PRAGMA user_version = %d", SC_SCHEMA_VERSION + 1);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	free(sql);
	sqlite3_close(db);
	expect_open_error(newer, "newer statuscodes");
	/* truncated to its first page: opening or the first read says so */
	tu_write(trunc, copy, 4096);
	struct store *t = NULL;
	char *cause = NULL;
	if (store_open(trunc, STORE_READ, &t, &cause) == 0) {
		struct sc_entries l = {0};
		assert_int_equal(store_list(t, NULL, NULL, &l, &cause), -1);
		assert_non_null(strstr(cause, trunc));
		sc_entries_free(&l);
		store_close(t);
	}
	free(cause);
	free(copy);
	free(missing); free(empty); free(junk); free(other); free(newer); free(trunc); free(dir);
}

/* One read transaction around many reads: nested pairs, the outermost
 * counts; a search inside one leaves it open. */
static void test_read_transaction(void **state)
{
	struct sc_hits h = {0};
	char *cause = NULL;
	(void)state;
	assert_true(sqlite3_get_autocommit(store_db(st)));
	store_read_begin(st);
	assert_false(sqlite3_get_autocommit(store_db(st)));
	store_read_begin(st);
	assert_int_equal(store_search(st, "proxy", NULL, 10, 0, &h, &cause), 0);
	sc_hits_free(&h);
	store_read_end(st);
	assert_false(sqlite3_get_autocommit(store_db(st)));
	store_read_end(st);
	assert_true(sqlite3_get_autocommit(store_db(st)));
	store_read_end(st);   /* one too many: nothing happens */
	assert_true(sqlite3_get_autocommit(store_db(st)));
	/* a search alone ends its own */
	assert_int_equal(store_search(st, "proxy", NULL, 10, 0, &h, &cause), 0);
	sc_hits_free(&h);
	assert_true(sqlite3_get_autocommit(store_db(st)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entries_per_protocol),
		cmocka_unit_test(test_nothing_lost),
		cmocka_unit_test(test_defects_found),
		cmocka_unit_test(test_defects_not_shown),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_list_fold),
		cmocka_unit_test(test_xrefs),
		cmocka_unit_test(test_comparisons),
		cmocka_unit_test(test_claims_by_source),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_read_transaction),
		cmocka_unit_test(test_registry_phrases),
		cmocka_unit_test(test_bad_databases),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
