/* test_content.c: the content of the built reference database
 * (db/statuscodes.db) as a reader meets it: no detail shown is a fragment,
 * the review's findings are there in both languages, and the standard
 * codes are covered in both languages. */
#include "config.h"
#include "testutil.h"

#include <ctype.h>
#include <strings.h>

#include "advice.h"
#include "explain.h"
#include "str.h"

static struct store *st;

static int setup(void **state)
{
	char *cause = NULL;
	const char *path = getenv("STATUSCODES_DB");
	char *p = path ? xstrdup(path) : xasprintf("%s/db/statuscodes.db", tu_builddir());
	if (store_open(p, STORE_READ, &st, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		free(p);
		return -1;
	}
	free(p);
	return 0;
}

static int teardown(void **state)
{
	store_close(st);
	return 0;
}

/* Does s end a sentence: a full stop, question or exclamation mark, maybe
 * inside closing quotes or brackets, or followed by one parenthesised
 * citation ("……无法响应。（RFC 4918 WebDAV）")? */
static bool ends_sentence(const char *s)
{
	static const char *const ends[] = { "。", ".", "!", "?", "！", "？" };
	static const char *const closers[] = { "”", "\"", "’", "'", ")", "）", "」" };
	size_t n = strlen(s);
	bool stripped_group = false;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	for (;;) {
		for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
			size_t k = strlen(ends[i]);
			if (n >= k && memcmp(s + n - k, ends[i], k) == 0)
				return true;
		}
		bool closed = false;
		for (size_t i = 0; i < sizeof closers / sizeof closers[0] && !closed; i++) {
			size_t k = strlen(closers[i]);
			if (n >= k && memcmp(s + n - k, closers[i], k) == 0) {
				n -= k;
				closed = true;
			}
		}
		if (!closed)
			return false;
		/* a closing bracket: either a sentence ends inside it, or the
		 * whole group is a citation after a sentence */
		if (!stripped_group && n > 0) {
			const char *open = NULL;
			for (const char *p = s; p < s + n; p++)
				if (*p == '(' || strncmp(p, "（", 3) == 0)
					open = p;
			if (open) {
				const char *const *e = ends;
				bool inner = false;
				for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
					size_t k = strlen(e[i]);
					inner |= n >= k && memcmp(s + n - k, e[i], k) == 0;
				}
				if (!inner) {
					n = (size_t)(open - s);
					while (n > 0 && s[n - 1] == ' ')
						n--;
					stripped_group = true;
				}
			}
		}
	}
}

/* Line no of the document file (caller frees), or NULL. */
static char *doc_line(const char *file, int no)
{
	char *path = xasprintf("%s/db/sources/%s", tu_srcdir(), file);
	char *text = tu_read(path, NULL), *line = NULL;
	free(path);
	if (text == NULL)
		return NULL;
	char *p = text;
	for (int i = 1; i < no && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (p) {
		size_t n = strcspn(p, "\n");
		line = xstrndup(p, n);
	}
	free(text);
	return line;
}

/* Does the text before a detail on its document line end mid-sentence (at
 * a comma), so that the detail is the second half of a sentence? */
static bool cut_at_comma(const char *line, const char *detail)
{
	const char *at = strstr(line, detail);
	if (at == NULL || at == line)
		return false;
	size_t n = (size_t)(at - line);
	while (n > 0 && line[n - 1] == ' ')
		n--;
	return (n >= 1 && (line[n - 1] == ',' || line[n - 1] == ';')) ||
	       (n >= 3 && (memcmp(line + n - 3, "，", 3) == 0 || memcmp(line + n - 3, "、", 3) == 0 ||
	                   memcmp(line + n - 3, "；", 3) == 0));
}

/* No detail a reader sees is a fragment: each ends a sentence, and one
 * taken from a document is not the tail of a sentence its line cut at a
 * comma, unless a finding on that line says why. */
static void test_no_fragments(void **state)
{
	sqlite3_stmt *s;
	int bad = 0, checked = 0, from_docs = 0;

	assert_int_equal(sqlite3_prepare_v2(store_db(st),
	    "SELECT e.id, e.protocol, e.code, d.lang, d.text,"
	    " (SELECT s.file FROM claim c JOIN source s ON s.id = c.source_id WHERE c.entry_id = e.id"
	    "   AND c.field = 'text' AND c.value = d.text AND s.kind = 'document' ORDER BY c.id LIMIT 1),"
	    " (SELECT c.line FROM claim c JOIN source s ON s.id = c.source_id WHERE c.entry_id = e.id"
	    "   AND c.field = 'text' AND c.value = d.text AND s.kind = 'document' ORDER BY c.id LIMIT 1)"
	    " FROM entry e JOIN (SELECT id, 'en' AS lang, detail_en AS text FROM entry"
	    "  UNION ALL SELECT id, 'zh', detail_zh FROM entry) d ON d.id = e.id"
	    " WHERE d.text IS NOT NULL", -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *proto = (const char *)sqlite3_column_text(s, 1);
		const char *code = (const char *)sqlite3_column_text(s, 2);
		const char *text = (const char *)sqlite3_column_text(s, 4);
		const char *file = (const char *)sqlite3_column_text(s, 5);
		int line = sqlite3_column_int(s, 6);
		checked++;
		if (!ends_sentence(text)) {
			fprintf(stderr, "%s %s: detail has no sentence end: %s\n", proto, code, text);
			bad++;
		}
		if (file == NULL)
			continue;
		from_docs++;
		char *l = doc_line(file, line);
		char *key = xasprintf("%lld:%d:%s", (long long)sqlite3_column_int64(s, 0), line, file);
		if (l && cut_at_comma(l, text) &&
		    tu_int(st, "SELECT count(*) FROM finding f JOIN source s ON s.id = f.source_id"
		               " WHERE f.entry_id || ':' || f.line || ':' || s.file = ?1", key) == 0) {
			fprintf(stderr, "%s %s: detail is the tail of %s:%d: %s\n", proto, code, file, line, text);
			bad++;
		}
		free(key); free(l);
	}
	sqlite3_finalize(s);
	if (bad)
		fail_msg("%d of %d details are fragments", bad, checked);
	assert_true(checked > 100);
	/* today every detail shown is the project's; the documents' texts are
	 * their claims (a user's import may bring document details back) */
	(void)from_docs;
}

/* The fragment rules themselves, on texts of the kinds the documents had. */
static void test_fragment_rules(void **state)
{
	assert_true(ends_sentence("请求已成功。"));
	assert_true(ends_sentence("请求格式正确,但是由于含有语义错误,无法响应。（RFC 4918 WebDAV）"));
	assert_true(ends_sentence("文件不可用(例如,文件繁忙)。"));
	assert_true(ends_sentence("The server closed the connection (see RFC 6455)."));
	assert_false(ends_sentence("由 WebSocket"));
	assert_false(ends_sentence("服务器由于重启而断开连接。 [Ref]"));
	assert_false(ends_sentence("注意：某些代理服务器在 DNS 查询超时时会返回 400 或者 500 错误"));
	assert_true(cut_at_comma("- 227 进入被动模式 (h1,h2,h3,h4,p1,p2)。", "h2,h3,h4,p1,p2)。"));
	assert_true(cut_at_comma("- 211 系统状态,或系统帮助答复。", "或系统帮助答复。"));
	assert_false(cut_at_comma("- 211 系统状态,或系统帮助答复。", "系统状态,或系统帮助答复。"));
	assert_false(cut_at_comma("- 221 服务关闭控制连接。如果适当,请注销。", "如果适当,请注销。"));
}

/* The review of the documents' texts: its kinds are all found, each with a
 * message and resolution in Chinese too. */
static void test_review_findings(void **state)
{
	static const struct { const char *kind; int64_t min; } kinds[] = {
		{ "typo", 12 }, { "mistranslation", 9 }, { "outdated_rule", 9 },
		{ "contradicts_rfc", 5 }, { "truncated_text", 6 },
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		int64_t n = tu_int(st, "SELECT count(*) FROM finding WHERE kind = ?1", kinds[i].kind);
		if (n < kinds[i].min)
			fail_msg("%s: %lld found, expected at least %lld", kinds[i].kind, (long long)n,
			         (long long)kinds[i].min);
	}
	/* every finding, the reconciler's and the review's, in Chinese too */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM finding"
	                            " WHERE message_zh IS NULL OR resolution_zh IS NULL", NULL), 0);
	/* FTP 221: who logged out; WebSocket 1011: who hit the error */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM finding f JOIN entry e ON e.id = f.entry_id"
	                            " WHERE f.kind = 'contradicts_rfc' AND e.code IN ('221', '1011', ?1)",
	                        "3000-3999"), 3);
	/* the project's own label for WebSocket 4000-4999, corrected (corrections.tsv):
	 * listed at the registry line that now says what RFC 6455 §7.4.2 says */
	assert_int_equal(tu_int(st, "SELECT count(*) FROM finding f JOIN entry e ON e.id = f.entry_id"
	                            " JOIN source s ON s.id = f.source_id WHERE f.kind = 'own_label'"
	                            " AND e.protocol = 'websocket' AND e.code = ?1 AND e.status = 'reserved'"
	                            " AND s.file = 'registry-websocket.tsv' AND f.message_zh IS NOT NULL",
	                        "4000-4999"), 1);
	/* 302's RFC 2616 redirect rule is an outdated claim, not the detail */
	char *d = tu_text(st, "SELECT coalesce(detail_zh, '') FROM entry WHERE protocol = 'http' AND code = ?1", "302");
	assert_null(strstr(d, "除非得到用户的确认"));
	free(d);
}

/* ---- one terminology ----------------------------------------------------- */

struct tsv_file {
	char *text;
	char **cell;          /* rows * cols cells, pointing into text */
	size_t rows, cols;
};

static void tsv_read(const char *name, struct tsv_file *t)
{
	char *path = xasprintf("%s/db/curated/%s", tu_srcdir(), name);
	memset(t, 0, sizeof *t);
	t->text = tu_read(path, NULL);
	if (t->text == NULL)
		fail_msg("cannot read %s", path);
	free(path);
	size_t cap = 0;
	for (char *line = strtok(t->text, "\n"); line; line = strtok(NULL, "\n")) {
		size_t n = 1;
		for (char *p = line; *p; p++)
			n += *p == '\t';
		if (t->rows == 0)
			t->cols = n;
		if (n != t->cols)
			fail_msg("%s: a row of %zu cells under %zu columns", name, n, t->cols);
		if ((t->rows + 1) * t->cols > cap) {
			cap = cap ? cap * 2 : 64 * t->cols;
			t->cell = xreallocarray(t->cell, cap, sizeof *t->cell);
		}
		char *c = line;
		for (size_t i = 0; i < n; i++) {
			t->cell[t->rows * t->cols + i] = c;
			char *tab = strchr(c, '\t');
			if (tab) {
				*tab = '\0';
				c = tab + 1;
			}
		}
		t->rows++;
	}
}

static const char *tsv_cell(const struct tsv_file *t, size_t row, const char *col)
{
	for (size_t i = 0; i < t->cols; i++)
		if (strcmp(t->cell[i], col) == 0)
			return t->cell[row * t->cols + i];
	return NULL;
}

static void tsv_done(struct tsv_file *t)
{
	free(t->text);
	free(t->cell);
}

/* Does text hold word: a substring for Chinese, a whole word (case as
 * written) for English. */
static bool has_term(const char *text, const char *word, bool zh)
{
	size_t n = strlen(word);
	for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
		if (zh)
			return true;
		bool left = p == text || !isalnum((unsigned char)p[-1]);
		bool right = !isalnum((unsigned char)p[n]) && p[n] != '-';
		if (left && right)
			return true;
	}
	return false;
}

/* Does the ;-separated list hold item? */
static bool in_list(const char *list, const char *item)
{
	size_t n = strlen(item);
	for (const char *p = list; p && *p; ) {
		const char *semi = strchr(p, ';');
		size_t len = semi ? (size_t)(semi - p) : strlen(p);
		if (len == n && strncmp(p, item, n) == 0)
			return true;
		p = semi ? semi + 1 : NULL;
	}
	return false;
}

/* The project's own texts: every *_en / *_zh cell of the curated tables,
 * except other names (aliases, former names), the words a review quotes
 * from a document, and the search vocabulary. */
static const char *const project_tables[] = {
	"protocols.tsv", "classes.tsv", "registry-http.tsv", "registry-ftp.tsv",
	"registry-websocket.tsv", "historic-http.tsv", "meanings.tsv", "confusables.tsv", "details.tsv",
	"checks.tsv",
};

static bool project_column(const char *col, bool zh)
{
	size_t n = strlen(col);
	return n > 3 && strcmp(col + n - 3, zh ? "_zh" : "_en") == 0 && strncmp(col, "former_", 7) != 0;
}

/* How many of the words the glossary says to avoid in this language does
 * text hold? Each is reported with where it is; *terms counts the words
 * looked for. */
static int avoided_terms(const struct tsv_file *g, const char *text, bool zh, const char *where,
                         int *terms)
{
	int bad = 0;
	for (size_t gr = 1; gr < g->rows; gr++) {
		char *copy = xstrdup(tsv_cell(g, gr, zh ? "avoid_zh" : "avoid_en"));
		for (char *w = strtok(copy, ";"); w; w = strtok(NULL, ";")) {
			(*terms)++;
			if (has_term(text, w, zh)) {
				const char *want = tsv_cell(g, gr, zh ? "zh" : "en");
				fprintf(stderr, "%s: \"%s\" where the glossary says \"%.*s\"\n", where, w,
				        (int)strcspn(want, ";"), want);
				bad++;
			}
		}
		free(copy);
	}
	return bad;
}

/* Every Chinese and English text the project wrote uses the glossary's
 * term: none holds a word the glossary says to avoid. That is the curated
 * tables' texts and the text tables of the explain layer (what it says
 * about headers, hops, FTP sequences and rules, and the input kinds). */
static void test_glossary_terms(void **state)
{
	struct tsv_file g;
	int bad = 0, terms = 0;
	char where[160];

	tsv_read("glossary.tsv", &g);
	assert_non_null(tsv_cell(&g, 0, "avoid_zh"));
	for (size_t k = 0; k < sizeof project_tables / sizeof project_tables[0]; k++) {
		struct tsv_file t;
		tsv_read(project_tables[k], &t);
		for (size_t c = 0; c < t.cols; c++)
			for (int lang = 0; lang < 2; lang++) {
				if (!project_column(t.cell[c], lang))
					continue;
				for (size_t r = 1; r < t.rows; r++) {
					snprintf(where, sizeof where, "%s:%zu %s", project_tables[k], r + 1, t.cell[c]);
					bad += avoided_terms(&g, t.cell[r * t.cols + c], lang, where, &terms);
				}
			}
		tsv_done(&t);
	}
	for (int a = 0; a < ADV_COUNT; a++)
		for (int lang = 0; lang < 2; lang++) {
			snprintf(where, sizeof where, "src/explain/advice.c %s (%s)", explain_advice[a].id,
			         lang ? "zh" : "en");
			bad += avoided_terms(&g, lang ? explain_advice[a].zh : explain_advice[a].en, lang, where,
			                     &terms);
		}
	for (int k = 0; k < EX_KIND_COUNT; k++) {
		snprintf(where, sizeof where, "src/explain/explain.h kind %s", explain_kind_id(k));
		bad += avoided_terms(&g, explain_kind_en(k), false, where, &terms);
		bad += avoided_terms(&g, explain_kind_zh(k), true, where, &terms);
	}
	tsv_done(&g);
	if (bad)
		fail_msg("%d texts use a term the glossary avoids", bad);
	assert_true(terms > 1000);
}

/* A code's name is one name: where the glossary's English term is an HTTP
 * code's registry phrase ("gone" is 410's Gone), its Chinese term begins
 * that code's Chinese name, so that notes, titles and the quiz say what the
 * entry's heading says (410 is 已永久删除, never 已删除 in one place and
 * 已永久删除 in another; 401's 未授权 begins 未授权（需要认证）). */
static void test_glossary_names(void **state)
{
	struct tsv_file g, h;
	int named = 0;

	tsv_read("glossary.tsv", &g);
	tsv_read("registry-http.tsv", &h);
	for (size_t r = 1; r < g.rows; r++) {
		const char *en = tsv_cell(&g, r, "en"), *zh = tsv_cell(&g, r, "zh");
		size_t en_n = strcspn(en, ";"), zh_n = strcspn(zh, ";");
		for (size_t k = 1; k < h.rows; k++) {
			const char *phrase = tsv_cell(&h, k, "phrase_en"), *name = tsv_cell(&h, k, "phrase_zh");
			if (strlen(phrase) != en_n || strncasecmp(phrase, en, en_n) != 0)
				continue;
			named++;
			if (strncmp(name, zh, zh_n) != 0)
				fail_msg("glossary.tsv:%zu: \"%.*s\" is HTTP %s's name, which in Chinese is %s, not %.*s",
				         r + 1, (int)en_n, en, tsv_cell(&h, k, "code"), name, (int)zh_n, zh);
		}
	}
	assert_true(named > 10);
	tsv_done(&h);
	tsv_done(&g);
}

/* A comparison's title names each HTTP code as its entry does: where the
 * English title says "421 Misdirected Request", the Chinese title says
 * "421 错误定向的请求", the code's Chinese name (up to a note in full-width
 * brackets, so 401 is 未授权). Titles once said 410 已删除, 421 请求被误导
 * and 425 太早 while the entries said otherwise: these three names are
 * pinned, in the registry and in the titles that must still name them. */
static void test_title_names(void **state)
{
	static const struct { const char *code, *name; } pinned[] = {
		{ "410", "已永久删除" }, { "421", "错误定向的请求" }, { "425", "为时过早" },
	};
	struct tsv_file c, h;
	int named = 0;
	bool seen[sizeof pinned / sizeof pinned[0]] = { false };

	tsv_read("confusables.tsv", &c);
	tsv_read("registry-http.tsv", &h);
	for (size_t r = 1; r < c.rows; r++) {
		const char *title_en = tsv_cell(&c, r, "title_en"), *title_zh = tsv_cell(&c, r, "title_zh");
		for (size_t k = 1; k < h.rows; k++) {
			const char *code = tsv_cell(&h, k, "code"), *name = tsv_cell(&h, k, "phrase_zh");
			const char *phrase = tsv_cell(&h, k, "phrase_en");
			if (!code || !name || !phrase || !title_en || !title_zh)
				fail_msg("registry-http.tsv or confusables.tsv lacks a column");
			char *en = xasprintf("http:%s", code);
			bool member = has_term(tsv_cell(&c, r, "members"), en, false);
			free(en);
			en = xasprintf("%s %s", code, phrase);
			bool titled = member && has_term(title_en, en, false);
			free(en);
			if (!titled)
				continue;
			const char *note = strstr(name, "（");
			char *zh = xasprintf("%s %.*s", code, (int)(note ? (size_t)(note - name) : strlen(name)), name);
			named++;
			if (strstr(title_zh, zh) == NULL)
				fail_msg("confusables.tsv:%zu: \"%s\" names HTTP %s, whose Chinese name is %s; the Chinese"
				         " title \"%s\" does not say \"%s\"", r + 1, title_en, code, name, title_zh, zh);
			free(zh);
			for (size_t i = 0; i < sizeof pinned / sizeof pinned[0]; i++)
				if (strcmp(code, pinned[i].code) == 0) {
					seen[i] = true;
					if (strcmp(name, pinned[i].name) != 0)
						fail_msg("registry-http.tsv: HTTP %s is %s, not %s", code, pinned[i].name, name);
				}
		}
	}
	for (size_t i = 0; i < sizeof pinned / sizeof pinned[0]; i++)
		if (!seen[i])
			fail_msg("no comparison title names HTTP %s any more", pinned[i].code);
	assert_true(named > 20);
	tsv_done(&h);
	tsv_done(&c);
}

/* The glossary itself: one term per concept in each language. Each word to
 * avoid is one of its row's searchable variants (so a reader who types it
 * still finds the entry) and never another row's own term; every row says
 * where its terms come from. */
static void test_glossary_consistent(void **state)
{
	struct tsv_file g;
	tsv_read("glossary.tsv", &g);
	assert_true(g.rows > 60);
	for (size_t r = 1; r < g.rows; r++) {
		const char *src = tsv_cell(&g, r, "source");
		if (src == NULL || *src == '\0')
			fail_msg("glossary.tsv:%zu: no source", r + 1);
		for (int lang = 0; lang < 2; lang++) {
			const char *terms = tsv_cell(&g, r, lang ? "zh" : "en");
			char *avoid = xstrdup(tsv_cell(&g, r, lang ? "avoid_zh" : "avoid_en"));
			size_t head = strcspn(terms, ";");
			for (char *w = strtok(avoid, ";"); w; w = strtok(NULL, ";")) {
				if (!in_list(terms, w))
					fail_msg("glossary.tsv:%zu: \"%s\" to avoid is not among %s", r + 1, w, terms);
				if (strlen(w) == head && strncmp(terms, w, head) == 0)
					fail_msg("glossary.tsv:%zu: \"%s\" is both the term and to avoid", r + 1, w);
				for (size_t o = 1; o < g.rows; o++) {
					const char *other = tsv_cell(&g, o, lang ? "zh" : "en");
					if (o != r && strlen(w) == strcspn(other, ";") && strncmp(other, w, strlen(w)) == 0)
						fail_msg("glossary.tsv:%zu: \"%s\" is avoided here and the term of row %zu",
						         r + 1, w, o + 1);
				}
			}
			free(avoid);
		}
	}
	tsv_done(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fragment_rules),
		cmocka_unit_test(test_no_fragments),
		cmocka_unit_test(test_review_findings),
		cmocka_unit_test(test_glossary_terms),
		cmocka_unit_test(test_glossary_consistent),
		cmocka_unit_test(test_glossary_names),
		cmocka_unit_test(test_title_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
