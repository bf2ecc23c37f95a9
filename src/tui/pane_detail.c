/* pane_detail.c: everything about the selected code, as text built for
 * the pane's width. */
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
		char *s = pane_bi(t, "Detail", "详情");
		buf_adds(b, s);
		free(s);
		return;
	}
	char *ph = pane_bi(t, t->cur.e.phrase_en, t->cur.e.phrase_zh);
	buf_addf(b, "%s %s %s", label_protocol(t->cur.e.protocol), t->cur.e.code, ph);
	free(ph);
}

/* "410  Gone · 已永久删除" for a cross-reference. */
static void xref_line(struct tui *t, struct tlines *l, int x, int w, const struct sc_xref *x_,
                      bool with_protocol)
{
	const struct sc_entry *o = &x_->other;
	char *label = with_protocol ? xasprintf("%s %s", label_protocol(o->protocol), o->code)
	                            : xstrdup(o->code);
	char *ph = pane_bi(t, o->phrase_en, o->phrase_zh);
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

/* The code, its phrases, class, status and summary; why a search found it. */
static void detail_head(struct tui *t, struct tlines *l, int w, const struct tui_entry *te)
{
	const struct sc_entry *e = &te->e;

	/* HTTP 404  Not Found
	 *           未找到 */
	char *label = xasprintf("%s %s", label_protocol(e->protocol), e->code);
	int lw = (int)text_width(label);
	int px = lw + 2 + 12 <= w ? lw + 2 : 0;
	tl_line(l);
	tl_span(l, 0, w, pane_code_style(e), label);
	bool first = px > 0;
	if (pane_want_en(t) && pane_has(e->phrase_en)) {
		if (!first)
			tl_line(l);
		tl_span(l, px, w - px, PAL_HEADING, e->phrase_en);
		first = false;
	}
	if (pane_want_zh(t) && pane_has(e->phrase_zh)) {
		if (!first)
			tl_line(l);
		tl_span(l, px, w - px, PAL_HEADING, e->phrase_zh);
	}
	free(label);

	/* class, status, specification */
	const struct sc_class *c = tui_class_of(t, e->protocol, e->class_id);
	char *cname = c ? pane_bi(t, c->name_en, c->name_zh) : xstrdup("");
	char *line = xasprintf("%s %s", e->class_id ? e->class_id : "", cname);
	tl_wrap(l, 0, w, STYLE_PLAIN, line);
	free(line);
	free(cname);
	char *st = pane_bi(t, e->status, label_status_zh(e->status));
	line = pane_has(e->spec) ? xasprintf("%s  \xC2\xB7  %s", st, e->spec) : xstrdup(st);
	tl_wrap(l, 0, w, pane_has(e->status) && strcmp(e->status, "standard") != 0 ? PAL_WARN : PAL_DIM, line);
	free(line);
	free(st);
	if (te->parent.id) {
		char *pp = pane_bi(t, te->parent.phrase_en, te->parent.phrase_zh);
		char *sub = pane_bi(t, "sub-status of", "子状态码，属于");
		line = xasprintf("%s %s %s", sub, te->parent.code, pp);
		tl_wrap(l, 0, w, PAL_DIM, line);
		free(line);
		free(sub);
		free(pp);
	}
	/* why a search found it */
	if (t->search.active) {
		for (size_t i = 0; i < t->search.hits.n; i++) {
			const struct sc_hit *h = &t->search.hits.v[i];
			if (h->e.id != e->id || !pane_has(h->snippet))
				continue;
			char *m = pane_bi(t, "match", "匹配");
			line = xasprintf("%s: %s", m, h->snippet);
			tl_wrap(l, 0, w, PAL_DIM, line);
			free(line);
			free(m);
		}
	}

	/* the summary, then the documents' text */
	tl_blank(l);
	tl_bi(t, l, 0, w, STYLE_PLAIN, e->summary_en, e->summary_zh);
	if ((pane_want_en(t) && pane_has(e->origin_en) && strcmp(e->origin_en, "project") != 0) ||
	    (pane_want_zh(t) && pane_has(e->origin_zh) && strcmp(e->origin_zh, "project") != 0)) {
		char *by = pane_bi(t, "summary from", "摘要来自");
		line = xasprintf("(%s %s)", by, pane_has(e->origin_en) ? e->origin_en : e->origin_zh);
		tl_wrap(l, 0, w, PAL_DIM, line);
		free(line);
		free(by);
	}
	if ((pane_has(e->detail_en) || pane_has(e->detail_zh))) {
		tl_heading(t, l, w, "Details", "详细说明");
		tl_bi(t, l, 0, w, STYLE_PLAIN, e->detail_en, e->detail_zh);
	}
}

/* Confusable peers and the other cross-references, one heading per kind. */
static void detail_xrefs(struct tui *t, struct tlines *l, int w, const struct tui_entry *te)
{
	const struct sc_entry *e = &te->e;

	/* confusable peers with the note on what tells them apart, once per group */
	bool any = false;
	for (size_t i = 0; i < te->xrefs.n; i++) {
		const struct sc_xref *x = &te->xrefs.v[i];
		if (strcmp(x->kind, "compare") != 0)
			continue;
		if (!any)
			tl_heading(t, l, w, "Easily confused with", "容易混淆");
		any = true;
		xref_line(t, l, 2, w, x, strcmp(x->other.protocol, e->protocol) != 0);
		const struct sc_xref *nx = i + 1 < te->xrefs.n ? &te->xrefs.v[i + 1] : NULL;
		bool last = !nx || strcmp(nx->kind, "compare") != 0 || !pane_has(nx->note_en) || !pane_has(x->note_en) ||
		            strcmp(nx->note_en, x->note_en) != 0;
		if (last) {
			if (pane_has(x->title_en) || pane_has(x->title_zh)) {
				char *title = pane_bi(t, x->title_en, x->title_zh);
				tl_wrap(l, 4, w - 4, PAL_DIM, title);
				free(title);
			}
			tl_bi(t, l, 4, w - 4, STYLE_PLAIN, x->note_en, x->note_zh);
		}
	}
	for (int k = VS_CONFUSABLES + 1; k < VS_COUNT; k++) {
		const struct label_section *kind = &label_sections[k];
		bool head = false;
		for (size_t i = 0; kind->xref_kind && i < te->xrefs.n; i++) {
			const struct sc_xref *x = &te->xrefs.v[i];
			if (strcmp(x->kind, kind->xref_kind) != 0)
				continue;
			if (!head)
				tl_heading(t, l, w, kind->en, kind->zh);
			head = true;
			xref_line(t, l, 2, w, x, strcmp(x->other.protocol, e->protocol) != 0);
		}
	}
}

/* Which source said what, and the defects the documents had here. */
static void detail_sources(struct tui *t, struct tlines *l, int w, const struct tui_entry *te)
{
	const struct sc_entry *e = &te->e;
	char *line;

	/* which source said what */
	if (te->claims.n) {
		tl_heading(t, l, w, "Sources", "来源");
		const char *last = NULL;
		for (size_t i = 0; i < te->claims.n; i++) {
			const struct sc_claim *cl = &te->claims.v[i];
			if (cl->lang && ((t->lang == LANG_EN && strcmp(cl->lang, "zh") == 0) ||
			                 (t->lang == LANG_ZH && strcmp(cl->lang, "en") == 0)))
				continue;
			if (!last || strcmp(last, cl->source) != 0) {
				tl_line(l);
				tl_span(l, 0, w, PAL_HEADING, cl->source);
				last = cl->source;
			}
			claim_lines(t, l, w, cl, e->code);
		}
	}
	/* defects the documents had here */
	if (te->findings.n) {
		tl_heading(t, l, w, "Defects found in the sources", "来源中发现的问题");
		for (size_t i = 0; i < te->findings.n; i++) {
			const struct sc_finding *f = &te->findings.v[i];
			line = xasprintf("%s:%d %s: %s; %s", f->source, f->line, f->kind, f->message,
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
	const struct tui_entry *te = &t->cur;

	if (te->id == 0) {
		char *s = pane_bi(t, "Nothing selected.", "未选择。");
		tl_wrap(l, 0, w, PAL_DIM, s);
		free(s);
		return;
	}
	detail_head(t, l, w, te);
	detail_xrefs(t, l, w, te);
	detail_sources(t, l, w, te);
}

static unsigned detail_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER)
		return PANE_DONE | PANE_DOWN;
	if (a == ACT_BACK)
		return PANE_DONE | PANE_UP;
	return PANE_PASS;
}

const struct pane_ops pane_ops_detail = {
	.selectable = false, .title = detail_title, .build = detail_build, .request = detail_request,
};

