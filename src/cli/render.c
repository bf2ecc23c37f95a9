#include "config.h"
#include "render.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "str.h"
#include "text.h"
#include "ui.h"
#include "mark.h"
#include "xmalloc.h"

/* Where the phrases of a row begin: 2 + protocol 10 + code 10 + mark + 1. */
#define ROW_INDENT (22 + MARK_WIDTH + 1)

static const char *const palette_sgr[] = {
#define PAL_SGR(name, sgr, fg, mono) sgr,
	PALETTE(PAL_SGR)
#undef PAL_SGR
};

void out_init(struct out *o, const struct cli_opts *opts, bool tty)
{
	memset(o, 0, sizeof *o);
	o->color = palette_color_on(opts->color, STDOUT_FILENO);
	o->lang = opts->lang;
	o->line = opts->line;
	o->width = 80;
	if (tty) {
		struct winsize ws;
		if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
			o->width = ws.ws_col > 120 ? 120 : ws.ws_col;
	}
}

void out_write(struct out *o, FILE *f)
{
	if (o->b.len)
		fwrite(o->b.s, 1, o->b.len, f);
	buf_reset(&o->b);
}

void out_free(struct out *o) { buf_free(&o->b); }

void out_colored(struct out *o, enum palette c, const char *s)
{
	if (o->color)
		buf_addf(&o->b, "\033[%sm%s\033[0m", palette_sgr[c], s);
	else
		buf_adds(&o->b, s);
}

/* s wrapped to the width after indent columns, its first line padded
 * by first (0: it goes on after what the line has), the others by indent. */
static void wrap_from(struct out *o, size_t first, size_t indent, enum palette c, const char *s)
{
	char **lines;
	size_t n = text_wrap(s, o->width > indent + 20 ? o->width - indent : 20, &lines);

	for (size_t i = 0; i < n; i++) {
		buf_pad(&o->b, i ? indent : first);
		if (c == PAL_COUNT)
			buf_adds(&o->b, lines[i]);
		else
			out_colored(o, c, lines[i]);
		buf_addc(&o->b, '\n');
	}
	text_lines_free(lines, n);
}

void out_wrapped_colored(struct out *o, size_t indent, enum palette c, const char *s)
{
	wrap_from(o, indent, indent, c, s);
}

void out_wrapped(struct out *o, size_t indent, const char *s)
{
	out_wrapped_colored(o, indent, PAL_COUNT, s);
}

/* s wrapped after used columns already written on the line: its first
 * line goes on, the others start under it. */
void out_hanging(struct out *o, size_t used, const char *s)
{
	wrap_from(o, 0, used, PAL_COUNT, s);
}

/* en and zh joined as the language asks, even when one is missing:
 * "en · zh" for both. Caller frees. */
char *render_joined(const struct out *o, const char *en, const char *zh)
{
	if (o->lang == LANG_EN)
		return xstrdup(en ? en : "");
	if (o->lang == LANG_ZH)
		return xstrdup(zh ? zh : "");
	return xasprintf("%s \xC2\xB7 %s", en ? en : "", zh ? zh : "");
}

/* "Not Found · 未找到" for the chosen languages. Caller frees. */
char *render_phrases(const struct out *o, const struct sc_entry *e)
{
	const char *en = lang_want_en(o->lang) ? e->phrase_en : NULL;
	const char *zh = lang_want_zh(o->lang) ? e->phrase_zh : NULL;

	if (en && zh)
		return xasprintf("%s \xC2\xB7 %s", en, zh);
	return xstrdup(en ? en : zh ? zh : "");
}

void render_heading(struct out *o, const char *en, const char *zh)
{
	if (!str_ends_with(buf_str(&o->b), "\n\n"))
		buf_addc(&o->b, '\n');
	char *h = render_joined(o, en, zh);
	out_wrapped_colored(o, 0, PAL_HEADING, h);   /* a compare group's title can be long */
	free(h);
}

/* "HTTP 404" in the code's colour. */
void render_code(struct out *o, const struct sc_entry *e, bool with_protocol)
{
	char *s = with_protocol ? xasprintf("%s %s", label_protocol(e->protocol), e->code) : xstrdup(e->code);
	out_colored(o, palette_for_code(e->protocol, e->num), s);
	free(s);
}

/* The snippet fitted to width columns, its marks shown as colour (or
 * [brackets] without): the text without the marks is fitted (and cleaned)
 * first, so that a cut never splits a mark, then the marks go back where
 * they were. The cleaning can only lengthen a control character, after
 * which the marks stop (the text stays). */
static void render_snippet(struct out *o, const char *snippet, size_t width)
{
	struct buf plain = {0}, fit = {0};
	const char *ell = "\xE2\x80\xA6";
	bool open = false;
	size_t marks = 0;

	for (const char *s = snippet; *s; s++) {
		if (*s != SEARCH_MARK_ON && *s != SEARCH_MARK_OFF)
			buf_addc(&plain, *s == '\n' || *s == '\t' ? ' ' : *s);
		else
			marks++;
	}
	if (!o->color)  /* room for the brackets */
		width = width > marks + 8 ? width - marks : 8;
	char *clean = text_clean(buf_str(&plain), plain.len);
	bool cut = text_width(clean) > width;
	text_fit(&fit, clean, width, false, true);
	free(clean);
	size_t n = fit.len - (cut && fit.len >= 3 ? 3 : 0), k = 0;  /* without the ellipsis */
	for (const char *s = snippet; *s && k < n; s++) {
		char c = *s == '\n' || *s == '\t' ? ' ' : *s;
		if (*s == SEARCH_MARK_ON || *s == SEARCH_MARK_OFF) {
			open = *s == SEARCH_MARK_ON;
			buf_adds(&o->b, o->color ? (open ? "\033[7m" : "\033[0m") : (open ? "[" : "]"));
		} else if (c == fit.s[k]) {
			buf_addc(&o->b, c);
			k++;
		} else {
			break;  /* the cleaning changed a character: the rest as cleaned */
		}
	}
	buf_add(&o->b, fit.s + k, n - k);
	if (open)
		buf_adds(&o->b, o->color ? "\033[0m" : "]");
	if (cut)
		buf_adds(&o->b, ell);
	if (o->color)
		buf_adds(&o->b, "\033[0m");
	buf_free(&fit);
	buf_free(&plain);
}

void render_row(struct out *o, const struct sc_entry *e, const char *snippet, bool fuzzy, bool tty)
{
	if (o->line) {
		char *p = render_phrases(o, e);
		if (strcmp(e->protocol, "http") != 0)
			buf_addf(&o->b, "%s ", label_protocol(e->protocol));
		render_code(o, e, false);
		buf_addf(&o->b, "  %s\n", p);
		free(p);
		return;
	}
	if (!tty) {
		/* the stable, script-friendly form: always four columns (the
		 * documented contract), the language not asked for left empty */
		const char *en = lang_want_en(o->lang) && e->phrase_en ? e->phrase_en : "";
		const char *zh = lang_want_zh(o->lang) && e->phrase_zh ? e->phrase_zh : "";
		buf_addf(&o->b, "%s\t%s\t%s\t%s\n", e->protocol, e->code, en, zh);
		return;
	}
	struct buf cell = {0};
	struct view_mark m = view_mark(e, o->lang);
	buf_adds(&o->b, "  ");
	text_fit(&cell, label_protocol(e->protocol), 10, true, false);
	out_colored(o, PAL_DIM, buf_str(&cell));
	buf_reset(&cell);
	text_fit(&cell, e->code, 10, true, false);
	out_colored(o, palette_for_code(e->protocol, e->num), buf_str(&cell));
	buf_reset(&cell);
	text_fit(&cell, m.text, MARK_WIDTH, true, false);
	out_colored(o, m.color, buf_str(&cell));
	buf_addc(&o->b, ' ');
	buf_free(&cell);
	size_t rest = o->width > ROW_INDENT + 20 ? o->width - ROW_INDENT : 20;
	if (o->lang == LANG_BOTH) {
		size_t half = rest * 5 / 9;
		text_fit(&o->b, e->phrase_en ? e->phrase_en : "", half - 1, true, true);
		buf_addc(&o->b, ' ');
		text_fit(&o->b, e->phrase_zh ? e->phrase_zh : "", rest - half, false, true);
	} else {
		const char *p = o->lang == LANG_EN ? e->phrase_en : e->phrase_zh;
		text_fit(&o->b, p ? p : "", rest, false, true);
	}
	if (fuzzy)
		out_colored(o, PAL_WARN, UI_IN(o->lang, "  (close match)"));
	buf_addc(&o->b, '\n');
	if (snippet && *snippet) {
		buf_pad(&o->b, ROW_INDENT);
		render_snippet(o, snippet, o->width > ROW_INDENT + 2 ? o->width - ROW_INDENT : 20);
		buf_addc(&o->b, '\n');
	}
}

/* Texts side by side in n columns, each wrapped to its share of the
 * width, with a rule between them. */
static void side_by_side(struct out *o, const char *const *text, size_t n)
{
	size_t col = o->width > 3 * n + 10 ? (o->width - 3 * (n - 1)) / n : 20, rows = 0;
	char **lines[COMPARE_MAX];
	size_t nl[COMPARE_MAX];

	for (size_t c = 0; c < n; c++) {
		nl[c] = text_wrap(text[c] ? text[c] : "", col, &lines[c]);
		rows = nl[c] > rows ? nl[c] : rows;
	}
	for (size_t i = 0; i < rows; i++) {
		for (size_t c = 0; c < n; c++) {
			if (c)
				buf_adds(&o->b, " \xE2\x94\x82 ");
			if (c + 1 < n)
				text_fit(&o->b, i < nl[c] ? lines[c][i] : "", col, true, false);
			else if (i < nl[c])
				buf_adds(&o->b, lines[c][i]);
		}
		while (o->b.len && o->b.s[o->b.len - 1] == ' ')
			o->b.s[--o->b.len] = '\0';
		buf_addc(&o->b, '\n');
	}
	for (size_t c = 0; c < n; c++)
		text_lines_free(lines[c], nl[c]);
}

/* One row of the comparison: field(entry) for each entry. */
static void compare_row(struct out *o, const struct view_entry *const *v, size_t n,
                        char *(*field)(const struct out *o, const struct sc_entry *e))
{
	char *cells[COMPARE_MAX] = {0};

	for (size_t c = 0; c < n; c++)
		cells[c] = field(o, &v[c]->e);
	side_by_side(o, (const char *const *)cells, n);
	for (size_t c = 0; c < n; c++)
		free(cells[c]);
}

static char *cell_label(const struct out *o, const struct sc_entry *e)
{
	return xasprintf("%s %s", label_protocol(e->protocol), e->code);
}
static char *cell_phrase_en(const struct out *o, const struct sc_entry *e) { return xstrdup(e->phrase_en); }
static char *cell_phrase_zh(const struct out *o, const struct sc_entry *e) { return xstrdup(e->phrase_zh); }
static char *cell_summary_en(const struct out *o, const struct sc_entry *e) { return xstrdup(e->summary_en); }
static char *cell_summary_zh(const struct out *o, const struct sc_entry *e) { return xstrdup(e->summary_zh); }

static char *cell_class(const struct out *o, const struct sc_entry *e)
{
	const char *s = e->status ? e->status : "";
	return xasprintf("%s  %s", e->class_id, o->lang == LANG_ZH ? label_status_zh(s) : s);
}

/* The compare note of a about b, or NULL. */
const struct sc_xref *render_compare_note(const struct view_entry *a, const struct view_entry *b)
{
	for (size_t i = 0; i < a->xrefs.n; i++)
		if (strcmp(a->xrefs.v[i].kind, "compare") == 0 && a->xrefs.v[i].other.id == b->e.id)
			return &a->xrefs.v[i];
	return NULL;
}

void render_compare(struct out *o, const struct view_entry *const *v, size_t n)
{
	size_t notes = 0;
	const char *shown[COMPARE_MAX * COMPARE_MAX];

	n = n > COMPARE_MAX ? COMPARE_MAX : n;
	compare_row(o, v, n, cell_label);
	if (lang_want_en(o->lang))
		compare_row(o, v, n, cell_phrase_en);
	if (lang_want_zh(o->lang))
		compare_row(o, v, n, cell_phrase_zh);
	compare_row(o, v, n, cell_class);
	buf_addc(&o->b, '\n');
	if (lang_want_en(o->lang)) {
		compare_row(o, v, n, cell_summary_en);
		buf_addc(&o->b, '\n');
	}
	if (lang_want_zh(o->lang)) {
		compare_row(o, v, n, cell_summary_zh);
		buf_addc(&o->b, '\n');
	}
	/* the notes that tell them apart, each once (a group's note is shared) */
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++) {
			const struct sc_xref *x = render_compare_note(v[i], v[k]);
			bool seen = false;
			for (size_t s = 0; x && s < notes; s++)
				seen |= x->note_en && shown[s] && strcmp(shown[s], x->note_en) == 0;
			if (!x || seen)
				continue;
			shown[notes++] = x->note_en;
			render_heading(o, x->title_en ? x->title_en : "How to tell them apart",
			               x->title_zh ? x->title_zh : UI_ZH("How to tell them apart"));
			if (lang_want_en(o->lang) && x->note_en)
				out_wrapped(o, 2, x->note_en);
			if (lang_want_zh(o->lang) && x->note_zh)
				out_wrapped(o, 2, x->note_zh);
		}
	if (notes == 0)
		render_heading(o, n == 2 ? "No curated note compares these two codes" : "No curated note compares these codes",
		               n == 2 ? UI_ZH("No curated note compares these two codes")
		                      : UI_ZH("No curated note compares these codes"));
}
