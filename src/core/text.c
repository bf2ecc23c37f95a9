#include "config.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>
#include <unilbrk.h>

#include "xmalloc.h"

int utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	int len, i;

	*cp = 0xFFFD;
	if (n == 0)
		return -1;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		len = 2; c = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3; c = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4; c = s[0] & 0x07;
	} else {
		return -1;
	}
	if ((size_t)len > n)
		return -1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* reject overlong forms, surrogates and values past U+10FFFF */
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return len;
}

int utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t n)
{
	uint32_t cp;
	size_t i = 0;

	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0)
			return false;
		i += (size_t)len;
	}
	return true;
}

/* What text_clean() writes for code point cp (a control character) into
 * out (at least 9 bytes); returns its length, or 0 when cp is printable as
 * it is. C0 controls and DEL use caret notation (ESC is "^["), C1 controls
 * "<U+0085>"; '\n' and '\t' are layout, not controls, and stay. */
static int clean_escape(uint32_t cp, char *out)
{
	if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F) {
		out[0] = '^';
		out[1] = (char)(cp ^ 0x40);
		return 2;
	}
	if (cp >= 0x80 && cp < 0xA0)
		return snprintf(out, 9, "<U+%04X>", (unsigned)cp);
	return 0;
}

char *text_clean(const char *s, size_t n)
{
	struct buf b = {0};
	uint32_t cp;
	size_t i = 0, run = 0;	/* s[run..i) is clean and not yet copied */
	char esc[9];

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {	/* printable ASCII: the common case */
			i++;
			continue;
		}
		/* three bytes led by E1-EC or EE-EF with two continuation bytes:
		 * always a valid code point from U+1000 up, never a control
		 * (most Chinese); E0 and ED need utf8_decode's checks */
		if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80 && ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		int len = utf8_decode(s + i, n - i, &cp);
		int elen = len < 0 ? 0 : clean_escape(cp, esc);
		if (len > 0 && elen == 0) {
			i += (size_t)len;
			continue;
		}
		buf_add(&b, s + run, i - run);
		if (len < 0) {
			buf_adds(&b, "\xEF\xBF\xBD");
			i++;
		} else {
			buf_add(&b, esc, (size_t)elen);
			i += (size_t)len;
		}
		run = i;
	}
	buf_add(&b, s + run, i - run);
	return buf_detach(&b);
}

bool text_has_cjk(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;

	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			i++;
			continue;
		}
		if (cp_is_cjk_ideograph(cp))
			return true;
		i += (size_t)len;
	}
	return false;
}

int cp_width(uint32_t cp)
{
	int w = uc_width(cp, "UTF-8");
	return w < 0 ? 0 : w;
}

size_t text_width(const char *s)
{
	size_t n = strlen(s), i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);
		char esc[9];
		int elen;
		if (len < 0) {
			w++;
			i++;
			continue;
		}
		if ((elen = clean_escape(cp, esc)) > 0)
			w += (size_t)elen;
		else
			w += (size_t)cp_width(cp);
		i += (size_t)len;
	}
	return w;
}

/* text_fit() on text that text_clean() has made: valid UTF-8 without
 * controls, so what is copied is a byte-for-byte prefix of s. */
static size_t fit_clean(struct buf *b, const char *s, size_t width, bool pad, bool ellipsis)
{
	size_t n = strlen(s), i = 0, used = 0;
	uint32_t cp;

	if (ellipsis && text_width(s) > width && width > 0) {
		/* leave one column for the ellipsis */
		size_t inner = fit_clean(b, s, width - 1, false, false);
		buf_adds(b, "\xE2\x80\xA6"); /* … is one column wide */
		used = inner + 1;
	} else {
		while (i < n) {
			int len = utf8_decode(s + i, n - i, &cp);
			int w;
			if (len < 0) {
				cp = 0xFFFD;
				len = 1;
				w = 1;
				if (used + 1 > width)
					break;
				buf_adds(b, "\xEF\xBF\xBD");
			} else {
				if (cp == '\n' || cp == '\t')
					cp = ' ';
				w = cp_width(cp);
				if (used + (size_t)w > width)
					break;
				if (cp == ' ' && s[i] != ' ')
					buf_addc(b, ' ');
				else
					buf_add(b, s + i, (size_t)len);
			}
			used += (size_t)w;
			i += (size_t)len;
		}
	}
	if (pad && used < width) {
		buf_pad(b, width - used);
		used = width;
	}
	return used;
}

size_t text_fit(struct buf *b, const char *s, size_t width, bool pad, bool ellipsis)
{
	char *clean = text_clean(s, strlen(s));
	size_t used = fit_clean(b, clean, width, pad, ellipsis);

	free(clean);
	return used;
}

/* Wrap one paragraph (no '\n' inside, cleaned by text_clean()) into the growing lines array. */
static void wrap_paragraph(const char *s, size_t n, size_t width,
                           char ***lines, size_t *count, size_t *cap)
{
	char *breaks;
	size_t start = 0, i;

#define PUSH_LINE(from, to) do { \
	size_t e_ = (to); \
	while (e_ > (from) && s[e_ - 1] == ' ') e_--; \
	*lines = xgrow(*lines, *count, cap, sizeof **lines); \
	(*lines)[(*count)++] = xstrndup(s + (from), e_ - (from)); \
} while (0)

	if (n == 0) {
		PUSH_LINE(0, 0);
		return;
	}
	breaks = xmalloc(n);
	u8_width_linebreaks((const uint8_t *)s, n, (int)width, 0, 0, NULL, "UTF-8", breaks);
	for (i = 0; i < n; i++) {
		if (breaks[i] == UC_BREAK_POSSIBLE || breaks[i] == UC_BREAK_MANDATORY) {
			if (i > start)
				PUSH_LINE(start, i);
			start = i;
			/* a break before a space-run: skip leading spaces */
			while (start < n && s[start] == ' ')
				start++;
		}
	}
	if (start < n)
		PUSH_LINE(start, n);
	free(breaks);

	/* Cut lines that are still too wide (a long word or URL). */
	for (i = 0; i < *count; i++) {
		char *line = (*lines)[i];
		if (text_width(line) <= width || width == 0)
			continue;
		struct buf head = {0};
		fit_clean(&head, line, width, false, false);
		if (head.len == 0) {
			/* the first character is wider than the width: it takes a
			 * line of its own, and the rest is cut again */
			uint32_t cp;
			int len = utf8_decode(line, strlen(line), &cp);
			size_t first = len > 0 ? (size_t)len : 1;
			if (line[first] == '\0') {
				buf_free(&head);
				continue;
			}
			buf_add(&head, line, first);
		}
		char *rest = xstrdup(line + head.len);
		free(line);
		(*lines)[i] = buf_detach(&head);
		*lines = xgrow(*lines, *count, cap, sizeof **lines);
		memmove(*lines + i + 2, *lines + i + 1, (*count - i - 1) * sizeof **lines);
		(*lines)[i + 1] = rest;
		(*count)++;
	}
#undef PUSH_LINE
}

size_t text_wrap(const char *s, size_t width, char ***lines)
{
	size_t count = 0, cap = 0;
	char *clean = text_clean(s, strlen(s));
	const char *p = clean;

	*lines = NULL;
	if (width == 0)
		width = 1;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		wrap_paragraph(p, n, width, lines, &count, &cap);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	free(clean);
	return count;
}

void text_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

size_t text_wrap_spaces(const char *s, size_t width, char ***lines)
{
	size_t count = 0, cap = 0;
	struct buf line = {0};
	size_t used = 0;
	char *copy = xstrdup(s);

	*lines = NULL;
	for (char *save = NULL, *w = strtok_r(copy, " \n", &save); w; w = strtok_r(NULL, " \n", &save)) {
		size_t ww = text_width(w);
		/* line.len, not used: a word of zero width (a lone combining
		 * mark, U+200B) is still a word and needs its space */
		if (line.len > 0 && used + 1 + ww > width) {
			*lines = xgrow(*lines, count, &cap, sizeof **lines);
			(*lines)[count++] = buf_detach(&line);
			used = 0;
		}
		if (line.len > 0) {
			buf_addc(&line, ' ');
			used++;
		}
		buf_adds(&line, w);
		used += ww;
	}
	if (line.len > 0 || count == 0) {
		*lines = xgrow(*lines, count, &cap, sizeof **lines);
		(*lines)[count++] = buf_detach(&line);
	}
	buf_free(&line);
	free(copy);
	return count;
}

char *text_ascii_fallback(const char *text)
{
	struct buf b = {0};
	char *s = text_clean(text, strlen(text));
	size_t n = strlen(s), i = 0;
	uint32_t cp;

	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			buf_addc(&b, '?');
			i++;
			continue;
		}
		if (cp < 0x80)
			buf_addc(&b, (char)cp);
		else if (cp_width(cp) == 2)
			buf_adds(&b, "??");
		else if (cp_width(cp) == 1)
			buf_addc(&b, '?');
		i += (size_t)len;
	}
	free(s);
	return buf_detach(&b);
}
