/* props.h: a seeded generator of awkward text for the property tests, and
 * an independent UTF-8 oracle (the byte ranges of the Unicode standard's
 * table 3-7, "well-formed UTF-8 byte sequences"), written without looking
 * at src/core/text.c's decoder. Header-only: each test program includes it
 * once.
 *
 * Reproducible: the seed is SC_PROP_SEED (default 20261201) and the number
 * of cases SC_PROP_CASES (default 3000); a failing case prints both and its
 * input in hex, so `SC_PROP_SEED=N tests/unit/test_props` repeats it. */
#ifndef SC_PROPS_H
#define SC_PROPS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static uint64_t prop_state;
static unsigned long long prop_seed;

static inline void prop_init(void)
{
	const char *s = getenv("SC_PROP_SEED");
	prop_seed = s && *s ? strtoull(s, NULL, 10) : 20261201ULL;
	prop_state = prop_seed * 0x9E3779B97F4A7C15ULL + 1;
}

static inline size_t prop_cases(void)
{
	const char *s = getenv("SC_PROP_CASES");
	long n = s && *s ? strtol(s, NULL, 10) : 0;
	return n > 0 ? (size_t)n : 3000;
}

/* xorshift64* */
static inline uint64_t prop_next(void)
{
	prop_state ^= prop_state >> 12;
	prop_state ^= prop_state << 25;
	prop_state ^= prop_state >> 27;
	return prop_state * 0x2545F4914F6CDD1DULL;
}

static inline size_t prop_below(size_t n)
{
	return n ? (size_t)(prop_next() % n) : 0;
}

/* Well-formed pieces: ASCII, spaces and hard breaks, C0 and C1 controls,
 * DEL, Latin, CJK ideographs and punctuation, the ideographic space,
 * full-width and half-width forms, a combining mark, a zero-width space,
 * an emoji and a supplementary-plane ideograph. */
static const char *const PROP_GOOD[] = {
	"a", "Z", "q", "0", "9", "4", " ", " ", " ", "  ", "-", ".", "/", "\t", "\n",
	"\x01", "\x1B", "\x1F", "\x7F", "\xC2\x80", "\xC2\x85", "\xC2\x9B", "\xC2\x9F",
	"\xC2\xA0", "\xC3\xA9", "\xC3\x9C", "\xC3\x84", "状", "态", "码", "未找到",
	"，", "。", "\xE3\x80\x80", "\xEF\xBD\xB6", "\xEF\xBC\x94", "\xEF\xBC\xA1",
	"\xEF\xBC\x90", "\xEF\xBC\x99", "\xCC\x81", "\xE2\x80\x8B", "\xE2\x80\xA6",
	"\xF0\x9F\x98\x80", "\xF0\xA0\x80\x80", "Request-URI", "http://x.example/a/b",
};
/* Ill-formed pieces: lone continuation bytes, overlong 2-, 3- and 4-byte
 * forms, surrogates, values past U+10FFFF, bytes that never occur and
 * sequences cut short. */
static const char *const PROP_BAD[] = {
	"\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF",
	"\xF0\x80\x80\xAF", "\xF0\x8F\xBF\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",
	"\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80", "\xFE", "\xFF",
	"\xE7\xBC", "\xF0\x9F\x98", "\xC2", "\xE0\xA0",
};

/* Appends up to max random pieces to b; bad pieces and random bytes only
 * when bad is set. */
static inline void prop_text(struct buf *b, size_t max, bool bad)
{
	size_t n = prop_below(max + 1);
	for (size_t i = 0; i < n; i++) {
		size_t k = prop_below(10);
		if (bad && k == 0)
			buf_adds(b, PROP_BAD[prop_below(sizeof PROP_BAD / sizeof *PROP_BAD)]);
		else if (bad && k == 1)
			buf_addc(b, (char)(1 + prop_below(255)));
		else
			buf_adds(b, PROP_GOOD[prop_below(sizeof PROP_GOOD / sizeof *PROP_GOOD)]);
	}
}

/* Prints the failing case; the caller then fails the test. */
static inline void prop_report(const char *what, size_t i, const char *s, size_t n)
{
	fprintf(stderr, "property \"%s\" fails: SC_PROP_SEED=%llu case %zu, input (%zu bytes):",
	        what, prop_seed, i, n);
	for (size_t k = 0; k < n; k++)
		fprintf(stderr, " %02x", (unsigned char)s[k]);
	fprintf(stderr, "\n");
}

/* The oracle: length of the well-formed sequence at s (n bytes), or -1. */
static inline int ref_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char lo = 0x80, hi = 0xBF;
	int len;

	if (n == 0)
		return -1;
	if (s[0] <= 0x7F) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4;
	else
		return -1;
	/* the second byte's range depends on the first (table 3-7) */
	if (s[0] == 0xE0)
		lo = 0xA0;
	else if (s[0] == 0xED)
		hi = 0x9F;
	else if (s[0] == 0xF0)
		lo = 0x90;
	else if (s[0] == 0xF4)
		hi = 0x8F;
	if ((size_t)len > n || s[1] < lo || s[1] > hi)
		return -1;
	for (int i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return -1;
	if (len == 2)
		*cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	else if (len == 3)
		*cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	else
		*cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
		      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	return len;
}

static inline bool ref_valid(const char *s, size_t n)
{
	uint32_t cp;
	for (size_t i = 0; i < n;) {
		int len = ref_decode(s + i, n - i, &cp);
		if (len < 0)
			return false;
		i += (size_t)len;
	}
	return true;
}

/* A control a terminal acts on: C0 (but \n and \t), DEL, C1. */
static inline bool ref_is_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
}

#endif
