/* pane_detail.c: everything about the selected code, as text built for
 * the pane's width. It draws the entry document (src/view/entry.h) section
 * by section, as the CLI's renderers do, so that all three show the same
 * sections; only "why a search found it" is the browser's own. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "xmalloc.h"

static void detail_title(struct tui *t, struct pane *p, struct buf *b)
{
	if (t->cur.id == 0) {
		char *s = UI_BI(t->lang, "Detail");
		buf_adds(b, s);
		free(s);
		return;
	}
	const struct sc_entry *e = &t->cur.doc.e;
	char *ph = pane_bi(t, e->phrase_en, e->phrase_zh);
	buf_addf(b, "%s %s %s", label_protocol(e->protocol), e->code, ph);
	free(ph);
}

/* Text in the languages an item carries (the document has dropped those
 * not wanted): "en · zh", one of them, or "" . Caller frees. */
static char *item_bi(const char *en, const char *zh)
{
	return lang_bi(LANG_BOTH, en, zh);
}

/* "410  Gone · 已永久删除" for an entry an item names, the protocol too
 * when it is not the shown entry's. */
static void entry_line(struct tui *t, struct tlines *l, int x, int w, const struct view_item *it)
{
	const struct sc_entry *o = it->ref;
	bool with_protocol = strcmp(o->protocol, t->cur.doc.e.protocol) != 0;
	char *label = with_protocol ? xasprintf("%s %s", label_protocol(o->protocol), o->code)
	                            : xstrdup(o->code);
	char *ph = item_bi(it->en, it->zh);
	int lw = (int)text_width(label);
	tl_line(l);
	tl_span(l, x, lw, pane_code_style(o), label);
	if (x + lw + 2 < w)
		tl_span(l, x + lw + 2, w - x - lw - 2, STYLE_PLAIN, ph);
	free(label);
	free(ph);
}

/* What one source said: "  82 phrase  Not Found", the value wrapped under
 * itself. */
static void claim_lines(struct tui *t, struct tlines *l, int w, const struct sc_claim *c, const char *code)
{
	struct buf head = {0};

	buf_addf(&head, "%5d %-7s", c->line, c->field ? c->field : "");
	if (c->label && strcmp(c->label, code) != 0)
		buf_addf(&head, " [%s]", c->label);
	if (c->state && strcmp(c->state, "used") != 0)
		buf_addf(&head, " (%s)", c->state);
	int hw = (int)text_width(buf_str(&head)) + 1;
	if (w - hw >= 12) {
		char **lines;
		size_t n = text_wrap(pane_has(c->value) ? c->value : "-", (size_t)(w - hw), &lines);
		for (size_t i = 0; i < n; i++) {
			tl_line(l);
			if (i == 0)
				tl_span(l, 0, hw, PAL_DIM, buf_str(&head));
			tl_span(l, hw, w - hw, c->state && strcmp(c->state, "rejected") == 0 ? PAL_DIM : STYLE_PLAIN,
			        lines[i]);
		}
		text_lines_free(lines, n);
	} else {
		tl_line(l);
		tl_span(l, 0, w, PAL_DIM, buf_str(&head));
		tl_wrap(l, 2, w - 2, STYLE_PLAIN, c->value);
	}
	buf_free(&head);
}

/* HTTP 404  Not Found
 *           未找到 */
static void draw_phrase(struct tlines *l, int w, const struct view_item *it)
{
	const struct sc_entry *e = it->ref;
	char *label = xasprintf("%s %s", label_protocol(e->protocol), e->code);
	int lw = (int)text_width(label);
	int px = lw + 2 + 12 <= w ? lw + 2 : 0;
	bool first = px > 0;

	tl_line(l);
	tl_span(l, 0, w, pane_code_style(e), label);
	if (pane_has(it->en)) {
		if (!first)
			tl_line(l);
		tl_span(l, px, w - px, PAL_HEADING, it->en);
		first = false;
	}
	if (pane_has(it->zh)) {
		if (!first)
			tl_line(l);
		tl_span(l, px, w - px, PAL_HEADING, it->zh);
	}
	free(label);
}

/* The head: phrase, class, status and specification, the parent. */
static void draw_head(struct tui *t, struct tlines *l, int w, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		char *text = item_bi(it->en, it->zh), *line = NULL;
		switch (it->role) {
		case VR_PHRASE:
			draw_phrase(l, w, it);
			break;
		case VR_CLASS:
			line = xasprintf("%s %s", it->value ? it->value : "", text);
			tl_wrap(l, 0, w, STYLE_PLAIN, line);
			break;
		case VR_STATUS: {
			/* the specification goes on the status line */
			const struct view_item *spec = i + 1 < s->n && s->v[i + 1].role == VR_SPEC ? &s->v[i + 1] : NULL;
			line = spec ? xasprintf("%s  \xC2\xB7  %s", text, spec->value) : xstrdup(text);
			bool odd = pane_has(it->value) && strcmp(it->value, "standard") != 0;
			tl_wrap(l, 0, w, odd ? PAL_WARN : PAL_DIM, line);
			break;
		}
		case VR_SPEC:
			if (i == 0 || s->v[i - 1].role != VR_STATUS)
				tl_wrap(l, 0, w, PAL_DIM, it->value);
			break;
		case VR_PARENT: {
			char *sub = UI_BI(t->lang, "sub-status of");
			line = xasprintf("%s %s %s", sub, it->ref->code, text);
			tl_wrap(l, 0, w, PAL_DIM, line);
			free(sub);
			break;
		}
		default:
			break;
		}
		free(line);
		free(text);
	}
}

/* Why a search found the entry: the snippet of its hit. */
static void draw_match(struct tui *t, struct tlines *l, int w)
{
	if (!t->search.active)
		return;
	for (size_t i = 0; i < t->search.hits.n; i++) {
		const struct sc_hit *h = &t->search.hits.v[i];
		const char *snip = search_snippet(h, lang_want_en(t->lang), lang_want_zh(t->lang));
		if (h->e.id != t->cur.id || !pane_has(snip))
			continue;
		char *m = UI_BI(t->lang, "match");
		char *line = xasprintf("%s: %s", m, snip);
		/* the search's marks are not text: the terms are highlighted as drawn */
		char *o = line;
		for (const char *c = line; *c; c++)
			if (*c != SEARCH_MARK_ON && *c != SEARCH_MARK_OFF)
				*o++ = *c;
		*o = '\0';
		tl_wrap(l, 0, w, PAL_DIM, line);
		free(line);
		free(m);
	}
}

/* Paragraphs (summary, what to check, details) and the summary's author. */
static void draw_texts(struct tui *t, struct tlines *l, int w, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		if (it->role == VR_TEXT) {
			tl_bi(t, l, 0, w, STYLE_PLAIN, it->en, it->zh);
		} else if (it->role == VR_BYLINE && strcmp(it->value, "project") != 0) {
			char *by = UI_BI(t->lang, "summary from");
			char *line = xasprintf("(%s %s)", by, it->value);
			tl_wrap(l, 0, w, PAL_DIM, line);
			free(line);
			free(by);
		}
	}
}

/* Former and other meanings, each with who uses the number so (other
 * meanings) and the note. */
static void draw_meanings(struct tui *t, struct tlines *l, int w, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		char *text = item_bi(s->v[i].en, s->v[i].zh);
		tl_wrap(l, 2, w - 2, PAL_WARN, text);
		if (pane_has(s->v[i].title_en) || pane_has(s->v[i].title_zh)) {
			char *who = item_bi(s->v[i].title_en, s->v[i].title_zh);
			tl_wrap(l, 4, w - 4, PAL_DIM, who);
			free(who);
		}
		tl_bi(t, l, 4, w - 4, STYLE_PLAIN, s->v[i].note_en, s->v[i].note_zh);
		free(text);
	}
}

/* Entries: sub-status codes and cross-references; a confusable group's
 * title and the note that tells its peers apart under its last peer. */
static void draw_entries(struct tui *t, struct tlines *l, int w, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		if (it->ref)
			entry_line(t, l, 2, w, it);
		if (pane_has(it->title_en) || pane_has(it->title_zh)) {
			char *title = item_bi(it->title_en, it->title_zh);
			tl_wrap(l, 4, w - 4, PAL_DIM, title);
			free(title);
		}
		tl_bi(t, l, 4, w - 4, STYLE_PLAIN, it->note_en, it->note_zh);
	}
	char *more = view_more_line(&t->cur.doc, s, t->lang);
	if (more) {
		tl_wrap(l, 2, w - 2, PAL_DIM, more);
		free(more);
	}
}

/* Which source said what; the defects the documents had here. */
static void draw_sources(struct tui *t, struct tlines *l, int w, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		if (it->role == VR_CLAIM) {
			if (it->value) {
				tl_line(l);
				tl_span(l, 0, w, PAL_HEADING, it->value);
			}
			claim_lines(t, l, w, it->claim, t->cur.doc.e.code);
		} else if (it->role == VR_FINDING) {
			const struct sc_finding *f = it->finding;
			char *line = xasprintf("%s:%d %s: %s; %s", f->source, f->line, f->kind, f->message,
			                       f->resolution);
			size_t at = l->n;
			tl_wrap(l, 2, w - 2, STYLE_PLAIN, line);
			if (l->n > at)
				tl_span_on(l, at, 0, 1, PAL_WARN, "!");
			free(line);
		}
	}
}

static void detail_build(struct tui *t, struct pane *p, int w)
{
	struct tlines *l = &p->lines;
	const struct view_entry *d = &t->cur.doc;

	if (t->cur.id == 0) {
		char *s = UI_BI(t->lang, "Nothing selected.");
		tl_wrap(l, 0, w, PAL_DIM, s);
		free(s);
		return;
	}
	for (size_t i = 0; i < d->nsec; i++) {
		const struct view_section *s = &d->sec[i];
		if (s->en || s->zh)
			tl_heading(t, l, w, s->en, s->zh);
		else if (s->kind == VS_SUMMARY)
			tl_blank(l);
		switch (s->kind) {
		case VS_HEAD:
			draw_head(t, l, w, s);
			draw_match(t, l, w);
			break;
		case VS_SUMMARY: case VS_CHECK: case VS_DETAILS:
			draw_texts(t, l, w, s);
			break;
		case VS_FORMER: case VS_MEANINGS:
			draw_meanings(t, l, w, s);
			break;
		case VS_SOURCES: case VS_DEFECTS:
			draw_sources(t, l, w, s);
			break;
		default:
			draw_entries(t, l, w, s);
			break;
		}
	}
}

static unsigned detail_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER)  /* on to the cross-references, when there are any */
		return pane_xref_count(t) ? PANE_DONE | PANE_DOWN : PANE_DONE;
	if (a == ACT_BACK)
		return PANE_DONE | PANE_UP;
	return PANE_PASS;
}

const struct pane_ops pane_ops_detail = {
	.selectable = false, .title = detail_title, .build = detail_build, .request = detail_request,
};

