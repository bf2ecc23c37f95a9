/* heads.c: HTTP response heads as curl -sI, curl -i, curl -v ("< " lines),
 * wget -S (indented), HTTPie or a raw head show them. Each status line
 * starts a response; the headers that matter for its status are called out,
 * and the ones that tell which hop answered give a verdict. */
#include "config.h"
#include "explain_int.h"

#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "str.h"
#include "xmalloc.h"

#define HDRS_MAX 32

/* The headers worth calling out: name (a trailing '*' matches a prefix),
 * the statuses they matter for ("3xx", "429 503", "*" any), the advice. */
static const struct {
	const char *name, *when;
	int advice;
} interesting[] = {
	{ "Location",           "201",         ADV_LOCATION_CREATED },
	{ "Location",           "3xx",         ADV_LOCATION },
	{ "Retry-After",        "429 503 413", ADV_RETRY_AFTER },
	{ "RateLimit*",         "429 503",     ADV_RATELIMIT },
	{ "X-RateLimit-*",      "429 503",     ADV_RATELIMIT },
	{ "WWW-Authenticate",   "401",         ADV_WWW_AUTHENTICATE },
	{ "Proxy-Authenticate", "407",         ADV_PROXY_AUTHENTICATE },
	{ "Allow",              "405",         ADV_ALLOW },
	{ "Content-Range",      "206",         ADV_CONTENT_RANGE },
	{ "Content-Range",      "416",         ADV_CONTENT_RANGE_416 },
	{ "Upgrade",            "101 426",     ADV_UPGRADE },
	{ "Connection",         "101 426",     ADV_CONNECTION },
	{ "Server",             "*",           ADV_SERVER },
	{ "CF-Ray",             "*",           ADV_CF_RAY },
	{ "X-Cache",            "*",           ADV_X_CACHE },
	{ "Via",                "*",           ADV_VIA },
	{ "X-Amz-Cf-Id",        "*",           ADV_CDN_ID },
	{ "X-Served-By",        "*",           ADV_CDN_ID },
	{ "X-Akamai-Request-ID", "*",          ADV_CDN_ID },
	{ NULL, NULL, 0 },
};

static bool status_matches(const char *when, int num)
{
	char code[4] = { (char)('0' + num / 100 % 10), (char)('0' + num / 10 % 10),
	                 (char)('0' + num % 10), 0 };
	for (const char *p = when; *p; ) {
		if (*p == '*')
			return true;
		if (p[0] == code[0] && ((p[1] == 'x' && p[2] == 'x') ||
		                        (p[1] == code[1] && p[2] == code[2])))
			return true;
		p += 3;
		while (*p == ' ')
			p++;
	}
	return false;
}

static bool name_matches(const char *pat, const char *name, size_t n)
{
	size_t k = strlen(pat);
	if (pat[k - 1] == '*') {
		if (n < k - 1)
			return false;
		k--;
	} else if (n != k) {
		return false;
	}
	return ex_ncase_eq(pat, name, k);
}

/* How a line of a head starts: 0 none, '<' curl -v, ' ' indented (wget). */
static char style_of(const char *s, size_t n, size_t *skip)
{
	size_t i = 0;
	if (n >= 1 && s[0] == '<' && (n == 1 || s[1] == ' ')) {
		*skip = n == 1 ? 1 : 2;
		return '<';
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*skip = i;
	return i ? ' ' : 0;
}

static struct ex_item *current(struct explain *ex)
{
	return ex->heads.item >= 0 ? &ex->r.items[ex->heads.item] : NULL;
}

void ex_hop_note(struct ex_hop *h, const char *s, size_t nlen, const char *v, size_t vlen)
{
	if (name_matches("Via", s, nlen))
		h->via = 1;
	if (name_matches("CF-Ray", s, nlen) || name_matches("X-Amz-Cf-Id", s, nlen) ||
	    name_matches("X-Served-By", s, nlen) || name_matches("X-Akamai-Request-ID", s, nlen))
		h->cdn = 1;
	if (name_matches("Server", s, nlen)) {
		h->server = 1;
		if (vlen >= 10 && strncmp(v, "cloudflare", 10) == 0)
			h->cdn = 1;
	}
	if (name_matches("X-Cache", s, nlen)) {
		bool hit = false;
		for (size_t i = 0; i + 3 <= vlen; i++)
			if (strncmp(v + i, "HIT", 3) == 0 || strncmp(v + i, "Hit", 3) == 0)
				hit = true;
		if (hit)
			h->cache_hit = 1;
		else
			h->cdn = 1;
	}
}

int ex_hop_verdict(const struct ex_hop *h)
{
	if (h->cache_hit)
		return ADV_HOP_CACHE;
	if (h->cdn)
		return ADV_HOP_CDN;
	if (h->via)
		return ADV_HOP_PROXY;
	if (h->server)
		return ADV_HOP_ORIGIN;
	return -1;
}

void ex_callout(struct ex_item *it, int num, const char *s, size_t nlen, const char *v, size_t vlen)
{
	if (!it || it->nhdrs >= HDRS_MAX)
		return;
	for (int i = 0; interesting[i].name; i++) {
		if (!name_matches(interesting[i].name, s, nlen) || !status_matches(interesting[i].when, num))
			continue;
		it->hdrs = xreallocarray(it->hdrs, it->nhdrs + 1, sizeof *it->hdrs);
		struct ex_header *hd = &it->hdrs[it->nhdrs++];
		hd->name = ex_strndup_clean(s, nlen);
		hd->value = ex_strndup_clean(v, vlen);
		hd->advice = interesting[i].advice;
		return;
	}
}

/* The verdict on which hop answered the response just read. */
static void end_response(struct explain *ex)
{
	struct heads_state *h = &ex->heads;
	struct ex_item *it = current(ex);

	if (it)
		it->hop = ex_hop_verdict(&h->hop);
	h->item = -1;
	h->in_head = false;
	memset(&h->hop, 0, sizeof h->hop);
}

void ex_heads_finish(struct explain *ex) { end_response(ex); }

static void header(struct explain *ex, const char *s, size_t n)
{
	struct ex_item *it = current(ex);
	const char *colon = memchr(s, ':', n);
	size_t nlen;

	ex->r.st.other++;
	if (!colon || colon == s)
		return;
	nlen = (size_t)(colon - s);
	for (size_t i = 0; i < nlen; i++)
		if (s[i] == ' ' || s[i] == '\t')
			return;   /* not a header name */
	const char *v = colon + 1;
	size_t vlen = n - nlen - 1;
	while (vlen && (*v == ' ' || *v == '\t'))
		v++, vlen--;
	ex_hop_note(&ex->heads.hop, s, nlen, v, vlen);
	if (it)
		ex_callout(it, ex->r.counts[it->count].num, s, nlen, v, vlen);
}

void ex_heads_line(struct explain *ex, const char *s, size_t n)
{
	struct heads_state *h = &ex->heads;
	size_t skip;
	char style = style_of(s, n, &skip);
	const char *p = s + skip;
	size_t k = n - skip;
	int at = ex_status_line(p, k);

	if (at >= 0) {
		char code[4] = { p[at], p[at + 1], p[at + 2], 0 };
		end_response(ex);
		int c = ex_tally(ex, "http", code, NULL, 0);
		struct ex_item *it = ex_item_add(ex, c);
		if (it) {
			const char *ph = p + at + 3;
			while (*ph == ' ' || *ph == '\t')
				ph++;
			if (*ph)
				it->text = ex_strndup_clean(ph, strlen(ph));
			h->item = (int)(it - ex->r.items);
		}
		h->in_head = true;
		h->style = style;
		return;
	}
	if (!h->in_head || style != h->style) {
		ex->r.st.other++;
		return;
	}
	if (k == 0) {          /* the blank line that ends a head */
		ex->r.st.other++;
		h->in_head = false;
		return;
	}
	header(ex, p, k);
}
