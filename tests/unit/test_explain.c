/* test_explain.c: the explain layer through its shipped code: the forgiving
 * reading of codes, the recogniser on each kind of input (samples in
 * tests/explain, written for these tests in the formats' published shapes),
 * the per-status header call-outs and hop verdicts, FTP sequence verdicts,
 * the meaning rules for codes the database lacks, streaming in any split,
 * and hostile input (NUL bytes, invalid UTF-8, 10 MB lines, truncated HAR,
 * mixed formats) counted rather than fatal. */
#include "config.h"
#include "testutil.h"

#include "advice.h"
#include "codearg.h"
#include "explain.h"
#include "str.h"

static struct store *ref_db(void)
{
	struct store *st = NULL;
	char *cause = NULL;
	const char *path = getenv("STATUSCODES_DB");
	if (store_open(path ? path : "db/statuscodes.db", STORE_READ, &st, &cause) != 0)
		fail_msg("%s", cause);
	return st;
}

/* Explains text fed in pieces of step bytes (0: all at once). */
static struct explain *run_text(const char *text, size_t len, size_t step)
{
	struct explain *ex = explain_new();
	if (step == 0)
		step = len ? len : 1;
	for (size_t i = 0; i < len; i += step)
		explain_feed(ex, text + i, len - i < step ? len - i : step);
	explain_finish(ex);
	return ex;
}

static struct explain *run_sample(const char *name, struct store *st)
{
	char *path = xasprintf("%s/tests/explain/%s", tu_srcdir(), name);
	size_t len;
	char *text = tu_read(path, &len);
	char *cause = NULL;
	assert_non_null(text);
	struct explain *ex = run_text(text, len, 0);
	if (st && explain_resolve(explain_report(ex), st, &cause) != 0)
		fail_msg("%s", cause);
	explain_sort(explain_report(ex));
	free(text);
	free(path);
	return ex;
}

static const struct ex_count *count_of(const struct ex_report *r, const char *code)
{
	for (size_t i = 0; i < r->ncounts; i++)
		if (strcmp(r->counts[i].code, code) == 0)
			return &r->counts[i];
	fail_msg("code %s not counted", code);
	return NULL;
}

static const char *item_code(const struct ex_report *r, size_t i)
{
	assert_true(i < r->nitems);
	return r->counts[r->items[i].count].code;
}

static bool has_header(const struct ex_item *it, const char *name, int advice)
{
	for (size_t i = 0; i < it->nhdrs; i++)
		if (str_casecmp(it->hdrs[i].name, name) == 0 && it->hdrs[i].advice == advice)
			return true;
	return false;
}

/* ---- item 1: codes however they are written -------------------------------- */

static void test_code_arg_forms(void **state)
{
	static const struct { const char *in, *code, *proto, *phrase; } ok[] = {
		{ "HTTP/1.1 429 Too Many Requests", "429", "http", "Too Many Requests" },
		{ "HTTP/2 404", "404", "http", "" },
		{ "HTTP/1.0 200 OK", "200", "http", "OK" },
		{ "< HTTP/1.1 301 Moved Permanently\r", "301", "http", "Moved Permanently" },
		{ "429 Too Many Requests", "429", NULL, "Too Many Requests" },
		{ " 404 ", "404", NULL, "" },
		{ "\t404\n", "404", NULL, "" },
		{ "５０２", "502", NULL, "" },
		{ "\xe3\x80\x80５０２\xe3\x80\x80", "502", NULL, "" },
		{ "530 Login incorrect.", "530", NULL, "Login incorrect." },
		{ "550-Multi line", "550", "ftp", "Multi line" },
		{ "403.14", "403.14", NULL, "" },
		{ "403.14 Directory listing denied", "403.14", NULL, "Directory listing denied" },
		{ "4000-4999", "4000-4999", "websocket", "" },
		{ "1006", "1006", "websocket", "" },
		{ "000", "000", NULL, "" },
	};
	static const char *const bad[] = {
		"", "   ", "Too Many Requests", "404abc", "40", "12345", "HTTP/1.1", "HTTP/x 200",
		"403.", "4.04", "search", "ftp", "\xff\xfe", "5O2",
	};
	struct code_arg ca;

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (!code_arg_parse(ok[i].in, strlen(ok[i].in), &ca))
			fail_msg("not read: '%s'", ok[i].in);
		assert_string_equal(ca.code, ok[i].code);
		if (ok[i].proto)
			assert_string_equal(ca.protocol, ok[i].proto);
		else
			assert_null(ca.protocol);
		assert_string_equal(ca.phrase, ok[i].phrase);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (code_arg_parse(bad[i], strlen(bad[i]), &ca))
			fail_msg("read a code (%s) from '%s'", ca.code, bad[i]);
}

/* ---- each kind of input --------------------------------------------------------- */

static void test_redirect_chain(void **state)
{
	struct store *st = *state;
	struct explain *ex = run_sample("curl-sIL-chain.txt", st);
	struct ex_report *r = explain_report(ex);

	assert_int_equal(r->kind, EX_HEADS);
	assert_int_equal(r->nitems, 3);
	assert_string_equal(item_code(r, 0), "301");
	assert_string_equal(item_code(r, 1), "302");
	assert_string_equal(item_code(r, 2), "200");
	assert_true(has_header(&r->items[0], "Location", ADV_LOCATION));
	assert_true(has_header(&r->items[1], "location", ADV_LOCATION));
	assert_false(has_header(&r->items[2], "location", ADV_LOCATION));
	assert_true(has_header(&r->items[1], "cf-ray", ADV_CF_RAY));
	assert_int_equal(r->items[0].hop, ADV_HOP_ORIGIN);
	assert_int_equal(r->items[1].hop, ADV_HOP_CDN);
	assert_int_equal(r->items[2].hop, ADV_HOP_CACHE);
	assert_string_equal(r->items[0].text, "Moved Permanently");
	assert_string_equal(count_of(r, "302")->m.e.phrase_en, "Found");
	assert_int_equal(r->st.unreadable, 0);
	explain_free(ex);
}

/* curl -v, wget -S and HTTPie show heads in their own ways. */
static void test_head_styles(void **state)
{
	static const char curl_v[] =
		"*   Trying 192.0.2.1:443...\n"
		"> GET /api HTTP/1.1\n> Host: example.com\n>\n"
		"< HTTP/1.1 429 Too Many Requests\n< Retry-After: 120\n< X-RateLimit-Remaining: 0\n"
		"< Location: /ignored-for-429\n<\n{\"error\":\"slow down\"}\n";
	static const char wget_s[] =
		"--2026-12-01 03:00:00--  http://example.com/old\n"
		"HTTP request sent, awaiting response... \n"
		"  HTTP/1.1 301 Moved Permanently\n  Location: https://example.com/new\n"
		"  Via: 1.1 proxy.example.net\n"
		"Location: https://example.com/new [following]\n"
		"  HTTP/1.1 405 Method Not Allowed\n  Allow: GET, HEAD\n";
	static const char httpie[] =
		"HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"x\"\nServer: gunicorn\n\n"
		"HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm=\"p\"\n\n"
		"HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-99/1000\n\n"
		"HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1000\n\n"
		"HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n\n"
		"HTTP/1.1 503 Service Unavailable\nRetry-After: 30\nRateLimit: limit=10\n\n";
	struct explain *ex;
	struct ex_report *r;

	(void)state;
	ex = run_text(curl_v, strlen(curl_v), 0);
	r = explain_report(ex);
	assert_int_equal(r->kind, EX_HEADS);
	assert_int_equal(r->nitems, 1);
	assert_true(has_header(&r->items[0], "Retry-After", ADV_RETRY_AFTER));
	assert_true(has_header(&r->items[0], "X-RateLimit-Remaining", ADV_RATELIMIT));
	assert_int_equal(r->items[0].nhdrs, 2);   /* Location does not matter for 429 */
	explain_free(ex);

	ex = run_text(wget_s, strlen(wget_s), 0);
	r = explain_report(ex);
	assert_int_equal(r->nitems, 2);
	assert_int_equal(r->items[0].nhdrs, 2);   /* wget's own "Location: ... [following]" is not one */
	assert_true(has_header(&r->items[0], "Location", ADV_LOCATION));
	assert_int_equal(r->items[0].hop, ADV_HOP_PROXY);
	assert_true(has_header(&r->items[1], "Allow", ADV_ALLOW));
	explain_free(ex);

	ex = run_text(httpie, strlen(httpie), 0);
	r = explain_report(ex);
	assert_int_equal(r->nitems, 6);
	assert_true(has_header(&r->items[0], "WWW-Authenticate", ADV_WWW_AUTHENTICATE));
	assert_true(has_header(&r->items[1], "Proxy-Authenticate", ADV_PROXY_AUTHENTICATE));
	assert_true(has_header(&r->items[2], "Content-Range", ADV_CONTENT_RANGE));
	assert_true(has_header(&r->items[3], "Content-Range", ADV_CONTENT_RANGE_416));
	assert_true(has_header(&r->items[4], "Upgrade", ADV_UPGRADE));
	assert_true(has_header(&r->items[4], "Connection", ADV_CONNECTION));
	assert_true(has_header(&r->items[5], "Retry-After", ADV_RETRY_AFTER));
	assert_true(has_header(&r->items[5], "RateLimit", ADV_RATELIMIT));
	explain_free(ex);
}

static void test_iis_substatus(void **state)
{
	struct explain *ex = run_sample("iis-w3c.log", *state);
	struct ex_report *r = explain_report(ex);

	assert_int_equal(r->kind, EX_IIS);
	assert_int_equal(r->st.used, 10);
	assert_int_equal(r->st.unreadable, 1);
	assert_string_equal(r->counts[0].code, "200");
	assert_int_equal(r->counts[0].n, 3);
	const struct ex_count *c = count_of(r, "403.14");
	assert_int_equal(c->n, 3);
	assert_int_equal(c->m.rule, EX_RULE_EXACT);
	assert_string_equal(c->m.e.phrase_en, "Directory listing denied");
	assert_string_equal(c->first, "2026-11-30 08:00:03");
	assert_string_equal(c->last, "2026-11-30 08:00:25");
	c = count_of(r, "500.19");
	assert_int_equal(c->n, 2);
	assert_string_equal(c->win32, "13");
	assert_string_equal(count_of(r, "404")->win32, "2");
	assert_string_equal(r->st.first, "2026-11-30 08:00:01");
	explain_free(ex);
}

static void test_har(void **state)
{
	struct explain *ex = run_sample("session.har", *state);
	struct ex_report *r = explain_report(ex);

	assert_int_equal(r->kind, EX_HAR);
	assert_int_equal(r->nitems, 6);
	assert_string_equal(r->items[2].method, "POST");
	assert_string_equal(r->items[2].url, "https://api.example.com/v2/cart/items?session=9f2c7e");
	assert_string_equal(item_code(r, 2), "429");
	assert_true(has_header(&r->items[2], "retry-after", ADV_RETRY_AFTER));
	assert_true(has_header(&r->items[3], "www-authenticate", ADV_WWW_AUTHENTICATE));
	assert_int_equal(r->items[1].hop, ADV_HOP_CACHE);
	const struct ex_count *c = count_of(r, "000");
	assert_int_equal(c->m.rule, EX_RULE_NO_RESPONSE);
	assert_int_equal(count_of(r, "200")->n, 2);
	assert_false(r->st.har_truncated);
	explain_free(ex);
}

static void test_truncated_har(void **state)
{
	char *path = xasprintf("%s/tests/explain/session.har", tu_srcdir());
	size_t len;
	char *text = tu_read(path, &len);
	char *p = strstr(text, "\"status\": 429");
	assert_non_null(p);
	/* cut inside the third entry: the two before it are still read */
	struct explain *ex = run_text(text, (size_t)(p - text), 7);
	struct ex_report *r = explain_report(ex);

	(void)state;
	assert_int_equal(r->kind, EX_HAR);
	assert_true(r->st.har_truncated);
	assert_int_equal(r->nitems, 2);
	assert_int_equal(r->st.unreadable, 1);
	explain_free(ex);
	/* a HAR with no entries array at all */
	ex = run_text("{\"log\": {\"version\": \"1.2\"", 25, 0);
	assert_int_equal(explain_report(ex)->kind, EX_HAR);
	assert_int_equal(explain_report(ex)->st.used, 0);
	explain_free(ex);
	free(text);
	free(path);
}

static void test_ncsa_and_unknown_codes(void **state)
{
	struct explain *ex = run_sample("combined.log", *state);
	struct ex_report *r = explain_report(ex);

	assert_int_equal(r->kind, EX_NCSA);
	assert_int_equal(r->st.used, 10);
	assert_int_equal(r->st.unreadable, 1);
	assert_int_equal(count_of(r, "200")->n, 3);   /* one with an escaped quote in its URL */
	const struct ex_count *c = count_of(r, "461");
	assert_int_equal(c->m.rule, EX_RULE_CLASS);
	assert_string_equal(c->m.as_code, "400");
	assert_string_equal(c->m.e.code, "400");
	assert_true(c->m.near.n > 0);
	assert_string_equal(r->st.first, "30/Nov/2026:22:14:01 +0000");
	assert_string_equal(r->st.last, "30/Nov/2026:22:14:21 +0000");
	explain_free(ex);
}

static void test_json_lines(void **state)
{
	struct explain *ex = run_sample("caddy.jsonl", *state);
	struct ex_report *r = explain_report(ex);

	assert_int_equal(r->kind, EX_JSONL);
	assert_int_equal(count_of(r, "200")->n, 2);      /* Caddy's number and nginx's string */
	assert_int_equal(count_of(r, "503")->n, 1);      /* Traefik's DownstreamStatus */
	assert_string_equal(count_of(r, "404")->first, "2026-12-01T03:20:01Z");
	assert_int_equal(r->st.other, 1);                /* a log line about TLS, no request */
	assert_int_equal(r->st.unreadable, 1);           /* cut short */
	explain_free(ex);
}

static void test_ftp_sequences(void **state)
{
	struct explain *ex = run_sample("ftp-filezilla.txt", *state);
	struct ex_report *r = explain_report(ex);

	assert_int_equal(r->kind, EX_FTP);
	assert_int_equal(r->nitems, 10);   /* the three-line 220 is one reply */
	assert_string_equal(item_code(r, 2), "530");
	assert_string_equal(r->items[2].command, "PASS");
	assert_int_equal(r->items[2].judgment, ADV_FTP_BAD_LOGIN);
	assert_null(r->items[3].command);   /* a new connection */
	assert_string_equal(item_code(r, 9), "425");
	assert_int_equal(r->items[9].judgment, ADV_FTP_PASV_BLOCKED);
	assert_string_equal(count_of(r, "530")->protocol, "ftp");
	assert_string_equal(count_of(r, "530")->m.e.phrase_en, "Not logged in.");
	explain_free(ex);

	static const char curl_v[] =
		"< 220 (vsFTPd 3.0.3)\n> USER anonymous\n< 530 This FTP server does not allow anonymous logins.\n";
	static const char vsftpd[] =
		"Tue Dec  1 03:40:00 2026 [pid 812] CONNECT: Client \"::ffff:198.51.100.4\"\n"
		"Tue Dec  1 03:40:01 2026 [pid 812] FTP command: Client \"::ffff:198.51.100.4\", \"PORT 198,51,100,4,200,10\"\n"
		"Tue Dec  1 03:40:01 2026 [pid 812] FTP response: Client \"::ffff:198.51.100.4\", \"200 PORT command successful.\"\n"
		"Tue Dec  1 03:40:02 2026 [pid 812] FTP command: Client \"::ffff:198.51.100.4\", \"LIST\"\n"
		"Tue Dec  1 03:40:23 2026 [pid 812] FTP response: Client \"::ffff:198.51.100.4\", \"425 Failed to establish connection.\"\n";
	ex = run_text(curl_v, strlen(curl_v), 0);
	r = explain_report(ex);
	assert_int_equal(r->kind, EX_FTP);
	assert_int_equal(r->items[1].judgment, ADV_FTP_USER_REFUSED);
	explain_free(ex);
	ex = run_text(vsftpd, strlen(vsftpd), 0);
	r = explain_report(ex);
	assert_int_equal(r->kind, EX_FTP);
	assert_int_equal(r->nitems, 2);
	assert_int_equal(r->items[1].judgment, ADV_FTP_PORT_BLOCKED);
	explain_free(ex);
}

static void test_websocket(void **state)
{
	struct explain *ex = run_sample("ws-close.txt", *state);
	struct ex_report *r = explain_report(ex);

	assert_int_equal(r->kind, EX_WS);
	assert_int_equal(r->nitems, 5);
	assert_string_equal(item_code(r, 0), "1006");
	assert_string_equal(item_code(r, 1), "1011");
	assert_string_equal(r->items[1].text, "upstream timed out");
	assert_string_equal(item_code(r, 2), "4000");
	assert_int_equal(count_of(r, "4000")->m.rule, EX_RULE_RANGE);
	assert_string_equal(count_of(r, "4000")->m.e.code, "4000-4999");
	char cls[16];
	explain_class_of(count_of(r, "3003"), cls, sizeof cls);
	assert_string_equal(cls, "3000-3999");
	explain_free(ex);
}

static void test_codes_and_rules(void **state)
{
	static const char text[] = "200\n404\n000\n403.99\n799\n200\n";
	struct explain *ex = run_text(text, strlen(text), 0);
	struct ex_report *r = explain_report(ex);
	char *cause = NULL;

	assert_int_equal(r->kind, EX_CODES);
	assert_int_equal(explain_resolve(r, *state, &cause), 0);
	explain_sort(r);
	assert_string_equal(r->counts[0].code, "200");
	assert_int_equal(r->counts[0].n, 2);
	assert_int_equal(count_of(r, "000")->m.rule, EX_RULE_NO_RESPONSE);
	assert_int_equal(count_of(r, "403.99")->m.rule, EX_RULE_PARENT);
	assert_string_equal(count_of(r, "403.99")->m.as_code, "403");
	assert_int_equal(count_of(r, "799")->m.rule, EX_RULE_INVALID);
	explain_free(ex);
}

/* ---- streaming and hostile input ------------------------------------------------ */

static void test_any_split_same_report(void **state)
{
	char *path = xasprintf("%s/tests/explain/ftp-filezilla.txt", tu_srcdir());
	size_t len;
	char *text = tu_read(path, &len);
	struct explain *whole = run_text(text, len, 0);
	static const size_t steps[] = { 1, 2, 3, 17, 4096 };

	(void)state;
	for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		struct explain *ex = run_text(text, len, steps[s]);
		struct ex_report *a = explain_report(whole), *b = explain_report(ex);
		assert_int_equal(a->nitems, b->nitems);
		assert_int_equal(a->st.lines, b->st.lines);
		for (size_t i = 0; i < a->nitems; i++) {
			assert_string_equal(item_code(a, i), item_code(b, i));
			assert_int_equal(a->items[i].judgment, b->items[i].judgment);
		}
		explain_free(ex);
	}
	explain_free(whole);
	free(text);
	free(path);
}

static void test_hostile(void **state)
{
	static const char line[] =
		"192.0.2.1 - - [01/Dec/2026:00:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\"\n";
	struct explain *ex = explain_new();
	char *big = xmalloc(10u * 1024 * 1024);

	(void)state;
	explain_feed(ex, line, sizeof line - 1);
	/* a 10 MB line, fed in pieces, then NUL bytes, invalid UTF-8, binary */
	memset(big, 'A', 10u * 1024 * 1024);
	for (int i = 0; i < 10; i++)
		explain_feed(ex, big, 1024 * 1024);
	explain_feed(ex, "\n", 1);
	static const char nul[] = "192.0.2.1 - - [01/Dec/2026:00:00:01 +0000] \"GET /\0 HTTP/1.1\" 500 1\n";
	static const char bad_utf8[] = "\xff\xfe\xfd [\x80] \"\xc3\" 404 1\n";
	explain_feed(ex, nul, sizeof nul - 1);
	explain_feed(ex, bad_utf8, sizeof bad_utf8 - 1);   /* still a readable status */
	for (int i = 0; i < 256; i++)
		big[i] = (char)(i * 37 + 11) == '\n' ? 'x' : (char)(i * 37 + 11);  /* holds a NUL */
	big[256] = '\n';
	explain_feed(ex, big, 257);
	explain_feed(ex, "{\"status\": 503}\n", 16);                       /* mixed formats */
	explain_feed(ex, "#Fields: date time sc-status\n", 29);
	explain_feed(ex, line, sizeof line - 1);
	explain_finish(ex);
	struct ex_report *r = explain_report(ex);
	assert_int_equal(r->kind, EX_NCSA);
	assert_int_equal(r->st.overlong, 1);
	assert_int_equal(r->st.binary, 2);
	assert_int_equal(count_of(r, "200")->n, 2);
	assert_int_equal(count_of(r, "404")->n, 1);
	assert_int_equal(count_of(r, "503")->n, 1);
	assert_int_equal(r->st.unreadable, 1);
	assert_int_equal(r->st.lines, 8);
	assert_int_equal(r->st.used + r->st.unreadable + r->st.overlong + r->st.binary + r->st.other,
	                 r->st.lines);
	explain_free(ex);

	/* nothing at all, only blank lines, only binary */
	ex = run_text("", 0, 0);
	assert_int_equal(explain_report(ex)->kind, EX_NONE);
	explain_free(ex);
	ex = run_text("\n\n  \n", 5, 0);
	assert_int_equal(explain_report(ex)->st.used, 0);
	explain_free(ex);
	ex = run_text(big, 256, 0);
	assert_int_equal(explain_report(ex)->st.used, 0);
	explain_free(ex);
	free(big);
}

/* Memory is bounded: many distinct codes and many items are capped and
 * the rest counted. */
static void test_caps(void **state)
{
	struct explain *ex = explain_new();
	char line[64];

	(void)state;
	for (int i = 0; i < 12000; i++) {
		int k = snprintf(line, sizeof line, "close %d\n", 4000 + i % 1000);
		explain_feed(ex, line, (size_t)k);
	}
	explain_finish(ex);
	struct ex_report *r = explain_report(ex);
	assert_int_equal(r->kind, EX_WS);
	assert_int_equal(r->nitems, EX_ITEMS_MAX);
	assert_int_equal(r->st.items_dropped, 12000 - EX_ITEMS_MAX);
	assert_int_equal(r->ncounts, 1000);
	explain_free(ex);

	ex = explain_new();
	explain_feed(ex, "#Fields: sc-status sc-substatus\n", 32);
	for (int i = 0; i < 9000; i++) {
		int k = snprintf(line, sizeof line, "%d %d\n", 100 + i / 1000, i % 1000);
		explain_feed(ex, line, (size_t)k);
	}
	explain_finish(ex);
	r = explain_report(ex);
	assert_int_equal(r->ncounts, EX_CODES_MAX);
	assert_true(r->st.codes_dropped > 0);
	explain_free(ex);
}

static int setup(void **state)
{
	*state = ref_db();
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code_arg_forms),
		cmocka_unit_test(test_redirect_chain),
		cmocka_unit_test(test_head_styles),
		cmocka_unit_test(test_iis_substatus),
		cmocka_unit_test(test_har),
		cmocka_unit_test(test_truncated_har),
		cmocka_unit_test(test_ncsa_and_unknown_codes),
		cmocka_unit_test(test_json_lines),
		cmocka_unit_test(test_ftp_sequences),
		cmocka_unit_test(test_websocket),
		cmocka_unit_test(test_codes_and_rules),
		cmocka_unit_test(test_any_split_same_report),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_caps),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
