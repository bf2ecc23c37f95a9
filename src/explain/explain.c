/* explain.c: the streaming machinery. Bytes become lines of at most
 * EX_LINE_MAX; the first lines are kept until one of them says what kind
 * of input this is, then replayed to that kind's parser; every later line
 * goes straight to it. Codes are counted in a small hash table. */
#include "config.h"
#include "explain_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"
#include "xmalloc.h"

static const char *const kind_ids[] = {
#define X(name, id, en, zh) id,
	EX_KINDS(X)
#undef X
};
static const char *const kind_en[] = {
#define X(name, id, en, zh) en,
	EX_KINDS(X)
#undef X
};
static const char *const kind_zh[] = {
#define X(name, id, en, zh) zh,
	EX_KINDS(X)
#undef X
};

const char *explain_kind_id(enum ex_kind k) { return k < EX_KIND_COUNT ? kind_ids[k] : "none"; }
const char *explain_kind_en(enum ex_kind k) { return k < EX_KIND_COUNT ? kind_en[k] : kind_en[0]; }
const char *explain_kind_zh(enum ex_kind k) { return k < EX_KIND_COUNT ? kind_zh[k] : kind_zh[0]; }

struct explain *explain_new(void)
{
	struct explain *ex = xcalloc(1, sizeof *ex);

	ex->line = xmalloc(EX_LINE_MAX + 1);
	ex->hcap = 64;
	ex->hash = xmalloc(ex->hcap * sizeof *ex->hash);
	memset(ex->hash, 0xff, ex->hcap * sizeof *ex->hash);
	ex->heads.item = -1;
	return ex;
}

void explain_set_kind(struct explain *ex, enum ex_kind k)
{
	if (k == EX_NONE || k >= EX_KIND_COUNT)
		return;
	ex->decided = ex->pre_done = true;
	ex->r.kind = k;
}

static void item_free(struct ex_item *it)
{
	free(it->method);
	free(it->url);
	free(it->text);
	free(it->command);
	for (size_t i = 0; i < it->nhdrs; i++) {
		free(it->hdrs[i].name);
		free(it->hdrs[i].value);
	}
	free(it->hdrs);
}

void explain_free(struct explain *ex)
{
	if (!ex)
		return;
	for (size_t i = 0; i < ex->r.nitems; i++)
		item_free(&ex->r.items[i]);
	free(ex->r.items);
	for (size_t i = 0; i < ex->r.ncounts; i++) {
		sc_entry_clear(&ex->r.counts[i].m.e);
		sc_entries_free(&ex->r.counts[i].m.near);
	}
	free(ex->r.counts);
	free(ex->line);
	free(ex->hash);
	buf_free(&ex->pre);
	buf_free(&ex->sniff);
	buf_free(&ex->har);
	free(ex);
}

char *ex_strndup_clean(const char *s, size_t n)
{
	if (n > EX_VALUE_MAX) {
		n = EX_VALUE_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;   /* do not cut a character in half */
	}
	return text_clean(s, n);
}

void ex_set_time(char *dst, const char *t, size_t n)
{
	if (n >= EX_TIME_MAX)
		n = EX_TIME_MAX - 1;
	for (size_t i = 0; i < n; i++) /* times are ASCII; anything else is replaced */
		dst[i] = (t[i] >= 0x20 && t[i] < 0x7f) ? t[i] : '?';
	dst[n] = '\0';
}

static uint32_t hash_key(const char *protocol, const char *code)
{
	uint32_t h = 2166136261u ^ (unsigned char)protocol[0];
	for (const char *p = code; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h;
}

static void rehash(struct explain *ex)
{
	free(ex->hash);
	ex->hcap *= 2;
	ex->hash = xmalloc(ex->hcap * sizeof *ex->hash);
	memset(ex->hash, 0xff, ex->hcap * sizeof *ex->hash);
	for (size_t i = 0; i < ex->r.ncounts; i++) {
		size_t k = hash_key(ex->r.counts[i].protocol, ex->r.counts[i].code) & (ex->hcap - 1);
		while (ex->hash[k] >= 0)
			k = (k + 1) & (ex->hcap - 1);
		ex->hash[k] = (int32_t)i;
	}
}

static void count_init(struct ex_count *c, const char *protocol, const char *code)
{
	memset(c, 0, sizeof *c);
	snprintf(c->protocol, sizeof c->protocol, "%s", protocol);
	snprintf(c->code, sizeof c->code, "%s", code);
	c->num = atoi(code);
	const char *dot = strchr(code, '.');
	c->sub = dot ? atoi(dot + 1) : -1;
}

int ex_tally(struct explain *ex, const char *protocol, const char *code,
             const char *time, size_t tlen)
{
	struct ex_report *r = &ex->r;
	size_t k = hash_key(protocol, code) & (ex->hcap - 1);
	struct ex_count *c;

	while (ex->hash[k] >= 0) {
		c = &r->counts[ex->hash[k]];
		if (c->protocol[0] == protocol[0] && strcmp(c->code, code) == 0)
			goto found;
		k = (k + 1) & (ex->hcap - 1);
	}
	if (r->ncounts >= EX_CODES_MAX || strlen(code) >= sizeof c->code) {
		r->st.codes_dropped++;
		return -1;
	}
	r->counts = xgrow(r->counts, r->ncounts, &r->capcounts, sizeof *r->counts);
	ex->hash[k] = (int32_t)r->ncounts;
	c = &r->counts[r->ncounts++];
	count_init(c, protocol, code);
	if (r->ncounts * 2 > ex->hcap) {
		rehash(ex);
		c = &r->counts[r->ncounts - 1];
	}
found:
	c->n++;
	r->st.used++;
	if (time && tlen) {
		if (!c->first[0])
			ex_set_time(c->first, time, tlen);
		ex_set_time(c->last, time, tlen);
		if (!r->st.first[0])
			ex_set_time(r->st.first, time, tlen);
		ex_set_time(r->st.last, time, tlen);
	}
	return (int)(c - r->counts);
}

struct ex_item *ex_item_add(struct explain *ex, int count)
{
	struct ex_report *r = &ex->r;

	if (count < 0)
		return NULL;
	if (r->nitems >= EX_ITEMS_MAX) {
		r->st.items_dropped++;
		return NULL;
	}
	r->items = xgrow(r->items, r->nitems, &r->capitems, sizeof *r->items);
	struct ex_item *it = &r->items[r->nitems++];
	memset(it, 0, sizeof *it);
	it->line = (size_t)ex->lineno;
	it->count = count;
	it->judgment = it->hop = -1;
	return it;
}

/* ---- lines ------------------------------------------------------------- */

static void dispatch(struct explain *ex, const char *s, size_t n)
{
	switch (ex->r.kind) {
	case EX_HEADS: ex_heads_line(ex, s, n); break;
	case EX_NCSA:  ex_ncsa_line(ex, s, n); break;
	case EX_IIS:   ex_iis_line(ex, s, n); break;
	case EX_JSONL: ex_json_line(ex, s, n); break;
	case EX_FTP:   ex_ftp_line(ex, s, n); break;
	case EX_WS:    ex_ws_line(ex, s, n); break;
	case EX_CODES: ex_codes_line(ex, s, n); break;
	default:       ex->r.st.other++; break;
	}
}

/* The kind is known: replay the kept lines (with their own line numbers). */
static void decide(struct explain *ex, enum ex_kind kind)
{
	uint64_t save = ex->lineno;
	const char *p = buf_str(&ex->sniff), *end = p + ex->sniff.len;

	ex->decided = true;
	ex->r.kind = kind;
	ex->lineno = ex->sniff_first;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		memcpy(ex->line, p, n);
		ex->line[n] = '\0';
		dispatch(ex, ex->line, n);
		ex->lineno++;
		p += n + 1;
	}
	ex->lineno = save;
	buf_free(&ex->sniff);
	ex->nsniff = 0;
}

/* The kind most kept lines weakly suggest, EX_NONE if none. */
static enum ex_kind weak_winner(const struct explain *ex)
{
	enum ex_kind best = EX_NONE;
	for (int k = 1; k < EX_KIND_COUNT; k++)
		if (ex->weak[k] > ex->weak[best])
			best = (enum ex_kind)k;
	return ex->weak[best] ? best : EX_NONE;
}

/* Keep a line to replay. When more than EX_SNIFF_LINES are kept, go by
 * the weak guesses, or else forget the oldest line. */
static void keep_line(struct explain *ex, const char *s, size_t n)
{
	if (ex->nsniff == 0)
		ex->sniff_first = ex->lineno;
	buf_add(&ex->sniff, s, n);
	buf_addc(&ex->sniff, '\n');
	if (++ex->nsniff <= EX_SNIFF_LINES)
		return;
	enum ex_kind k = weak_winner(ex);
	if (k != EX_NONE) {
		decide(ex, k);
		return;
	}
	char *nl = memchr(ex->sniff.s, '\n', ex->sniff.len);
	size_t drop = (size_t)(nl - ex->sniff.s) + 1;
	memmove(ex->sniff.s, ex->sniff.s + drop, ex->sniff.len - drop + 1);
	ex->sniff.len -= drop;
	ex->nsniff--;
	ex->sniff_first++;
	ex->r.st.other++;
}

/* One whole line, NUL-terminated at s[n] (a trailing CR removed). */
static void line(struct explain *ex, char *s, size_t n)
{
	ex->r.st.lines++;
	if (n && s[n - 1] == '\r')
		s[--n] = '\0';
	if (memchr(s, '\0', n)) {
		ex->r.st.binary++;
		return;
	}
	if (ex->decided) {
		dispatch(ex, s, n);
		return;
	}
	struct ex_guess g = ex_guess_line(s, n);
	if (g.kind != EX_NONE && !g.strong)
		ex->weak[g.kind]++;
	keep_line(ex, s, n);  /* s is ex->line: replaying overwrites it */
	if (g.strong && !ex->decided)
		decide(ex, g.kind);
}

static void feed_lines(struct explain *ex, const char *data, size_t n)
{
	const char *p = data, *end = data + n;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t k = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (!ex->skipping) {
			if (ex->len + k > EX_LINE_MAX) {
				ex->skipping = true;
				ex->len = 0;
			} else {
				memcpy(ex->line + ex->len, p, k);
				ex->len += k;
			}
		}
		if (!nl)
			break;
		ex->lineno++;
		if (ex->skipping) {
			ex->r.st.lines++;
			ex->r.st.overlong++;
			ex->skipping = false;
		} else {
			ex->line[ex->len] = '\0';
			line(ex, ex->line, ex->len);
		}
		ex->len = 0;
		p = nl + 1;
	}
}

void explain_feed(struct explain *ex, const char *data, size_t n)
{
	ex->r.st.bytes += n;
	if (ex->r.kind == EX_HAR) {
		if (ex->har.len + n > EX_HAR_MAX)
			ex->r.st.har_too_large = true;
		else
			buf_add(&ex->har, data, n);
		return;
	}
	if (!ex->pre_done) {
		/* a HAR is one JSON value that may be a single huge line: look at
		 * its first bytes before cutting anything into lines */
		bool sure;
		buf_add(&ex->pre, data, n);
		bool har = ex_har_prefix(ex->pre.s, ex->pre.len, &sure);
		if (!sure && ex->pre.len < 4096)
			return;
		ex->pre_done = true;
		if (har) {
			ex->decided = true;
			ex->r.kind = EX_HAR;
			ex->har = ex->pre;
			memset(&ex->pre, 0, sizeof ex->pre);
			if (ex->har.len > EX_HAR_MAX)
				ex->r.st.har_too_large = true;
			return;
		}
		feed_lines(ex, ex->pre.s, ex->pre.len);
		buf_free(&ex->pre);
		return;
	}
	feed_lines(ex, data, n);
}

int explain_fd(struct explain *ex, int fd)
{
	char *b = xmalloc(65536);
	ssize_t k;

	for (;;) {
		k = read(fd, b, 65536);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		explain_feed(ex, b, (size_t)k);
	}
	int e = errno;
	free(b);
	if (k < 0) {
		errno = e;
		return -1;
	}
	return 0;
}

void explain_finish(struct explain *ex)
{
	if (ex->finished)
		return;
	ex->finished = true;
	if (!ex->pre_done) {
		bool sure;
		ex->pre_done = true;
		if (ex->pre.len && ex_har_prefix(ex->pre.s, ex->pre.len, &sure)) {
			ex->decided = true;
			ex->r.kind = EX_HAR;
			ex->har = ex->pre;
			memset(&ex->pre, 0, sizeof ex->pre);
		} else {
			feed_lines(ex, buf_str(&ex->pre), ex->pre.len);
			buf_free(&ex->pre);
		}
	}
	if (ex->r.kind == EX_HAR) {
		if (!ex->r.st.har_too_large)
			ex_har_doc(ex, buf_str(&ex->har), ex->har.len);
		buf_free(&ex->har);
		return;
	}
	if (ex->len || ex->skipping)  /* a last line without a newline */
		feed_lines(ex, "\n", 1);
	if (!ex->decided) {
		/* nothing strong: codes on their own lines, or nothing at all */
		enum ex_kind k = weak_winner(ex);
		if (k != EX_NONE)
			decide(ex, k);
		else
			ex->r.st.other += ex->nsniff;
	}
	if (ex->r.kind == EX_HEADS)
		ex_heads_finish(ex);
}

struct ex_report *explain_report(struct explain *ex) { return &ex->r; }
