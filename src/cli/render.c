#include "config.h"
#include "render.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "str.h"
#include "text.h"
#include "xmalloc.h"

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

void out_wrapped(struct out *o, size_t indent, const char *s)
{
	char **lines;
	size_t n = text_wrap(s, o->width > indent + 20 ? o->width - indent : 20, &lines);

	for (size_t i = 0; i < n; i++) {
		buf_pad(&o->b, indent);
		buf_adds(&o->b, lines[i]);
		buf_addc(&o->b, '\n');
	}
	text_lines_free(lines, n);
}

static bool want_en(const struct out *o) { return lang_want_en(o->lang); }
static bool want_zh(const struct out *o) { return lang_want_zh(o->lang); }

/* en and zh joined as the language asks, even when one is missing:
 * "en · zh" for both. Caller frees. */
static char *joined(const struct out *o, const char *en, const char *zh)
{
	if (o->lang == LANG_EN)
		return xstrdup(en ? en : "");
	if (o->lang == LANG_ZH)
		return xstrdup(zh ? zh : "");
	return xasprintf("%s \xC2\xB7 %s", en ? en : "", zh ? zh : "");
}

/* "Not Found · 未找到" for the chosen languages. Caller frees. */
static char *phrases(const struct out *o, const struct sc_entry *e)
{
	const char *en = want_en(o) ? e->phrase_en : NULL;
	const char *zh = want_zh(o) ? e->phrase_zh : NULL;

	if (en && zh)
		return xasprintf("%s \xC2\xB7 %s", en, zh);
	return xstrdup(en ? en : zh ? zh : "");
}

static void heading(struct out *o, const char *en, const char *zh)
{
	if (!str_ends_with(buf_str(&o->b), "\n\n"))
		buf_addc(&o->b, '\n');
	char *h = joined(o, en, zh);
	out_colored(o, PAL_HEADING, h);
	free(h);
	buf_addc(&o->b, '\n');
}

/* "HTTP 404" in the code's colour. */
static void code_label(struct out *o, const struct sc_entry *e, bool with_protocol)
{
	char *s = with_protocol ? xasprintf("%s %s", label_protocol(e->protocol), e->code) : xstrdup(e->code);
	out_colored(o, palette_for_code(e->protocol, e->num), s);
	free(s);
}

/* An item's en and zh texts, each wrapped and indented. */
static void item_texts(struct out *o, size_t indent, const char *en, const char *zh)
{
	if (en)
		out_wrapped(o, indent, en);
	if (zh)
		out_wrapped(o, indent, zh);
}

/* HTTP 404 Not Found · 未找到
 *   4xx Client Error · 客户端错误  |  standard · 标准  |  RFC 9110 */
static void draw_head(struct out *o, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		char *p;
		switch (it->role) {
		case VR_PHRASE:
			code_label(o, it->ref, true);
			buf_addc(&o->b, ' ');
			p = phrases(o, it->ref);
			out_colored(o, PAL_HEADING, p);
			buf_addc(&o->b, '\n');
			free(p);
			break;
		case VR_CLASS:
			buf_addf(&o->b, "  %s", it->value);
			if (it->en) buf_addf(&o->b, " %s", it->en);
			if (it->en && it->zh) buf_adds(&o->b, " \xC2\xB7");
			if (it->zh) buf_addf(&o->b, " %s", it->zh);
			break;
		case VR_STATUS:
			buf_adds(&o->b, "  |  ");
			if (want_en(o)) buf_adds(&o->b, it->en ? it->en : "");
			if (want_en(o) && want_zh(o)) buf_adds(&o->b, " \xC2\xB7 ");
			if (want_zh(o)) buf_adds(&o->b, it->zh ? it->zh : "");
			if (i + 1 == s->n || s->v[i + 1].role != VR_SPEC)
				buf_addc(&o->b, '\n');
			break;
		case VR_SPEC:
			buf_addf(&o->b, "  |  %s\n", it->value);
			break;
		case VR_PARENT:
			p = phrases(o, it->ref);
			buf_adds(&o->b, o->lang == LANG_ZH ? "  子状态码，属于 " : "  sub-status of ");
			code_label(o, it->ref, false);
			buf_addf(&o->b, " %s\n", p);
			free(p);
			break;
		default:
			break;
		}
	}
	buf_addc(&o->b, '\n');
}

static void draw_summary(struct out *o, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		if (it->role == VR_TEXT) {
			item_texts(o, 2, it->en, it->zh);
			continue;
		}
		char *who = strcmp(it->value, "project") != 0
			? xasprintf(o->lang == LANG_ZH ? "（摘自 %s）" : "(from %s)", it->value)
			: xstrdup(o->lang == LANG_EN ? "(written by the statuscodes project)"
			          : o->lang == LANG_ZH ? "（本项目撰写）"
			          : "(written by the statuscodes project \xC2\xB7 本项目撰写)");
		buf_adds(&o->b, "  ");
		out_colored(o, PAL_DIM, who);
		buf_addc(&o->b, '\n');
		free(who);
	}
}

/* A sub-status code or a cross-reference: "  HTTP 410  Gone · 已永久删除",
 * a compare group's note after its last peer. */
static void draw_entry_item(struct out *o, const struct view_section *s, const struct view_item *it)
{
	if (s->kind == VS_SUB_STATUS) {
		char *cp = phrases(o, it->ref);
		buf_adds(&o->b, "  ");
		code_label(o, it->ref, false);
		buf_pad(&o->b, 8 - strlen(it->ref->code) % 8);
		text_fit(&o->b, cp, o->width > 12 ? o->width - 12 : 20, false, true);
		buf_addc(&o->b, '\n');
		free(cp);
		return;
	}
	char *p = phrases(o, it->ref);
	buf_adds(&o->b, "  ");
	code_label(o, it->ref, s->kind == VS_SAME_NUMBER);
	buf_addf(&o->b, "  %s\n", p);
	free(p);
	item_texts(o, 4, it->note_en, it->note_zh);
}

/* "    82 phrase  Not Found" under its source's name. */
static void draw_claim(struct out *o, const struct view_entry *d, const struct view_item *it)
{
	const struct sc_claim *c = it->claim;
	struct buf head = {0};

	if (it->value) {
		buf_adds(&o->b, "  ");
		out_colored(o, PAL_DIM, it->value);
		buf_addc(&o->b, '\n');
	}
	buf_addf(&head, "    %4d %-7s", c->line, c->field);
	if (strcmp(c->label, d->e.code) != 0)
		buf_addf(&head, " [%s]", c->label);
	if (strcmp(c->state, "used") != 0)
		buf_addf(&head, " (%s)", c->state);
	buf_adds(&head, " ");
	buf_adds(&o->b, buf_str(&head));
	size_t used = text_width(buf_str(&head));
	text_fit(&o->b, c->value, o->width > used + 10 ? o->width - used : 10, false, true);
	buf_addc(&o->b, '\n');
	buf_free(&head);
}

static void draw_item(struct out *o, const struct view_entry *d, const struct view_section *s,
                      const struct view_item *it)
{
	char *line;

	switch (it->role) {
	case VR_TEXT:
		item_texts(o, 2, it->en, it->zh);
		break;
	case VR_FORMER:
		line = joined(o, it->en, it->zh);
		buf_adds(&o->b, "  ");
		out_colored(o, PAL_WARN, line);
		buf_addc(&o->b, '\n');
		free(line);
		item_texts(o, 4, it->note_en, it->note_zh);
		break;
	case VR_ENTRY:
		draw_entry_item(o, s, it);
		break;
	case VR_CLAIM:
		draw_claim(o, d, it);
		break;
	case VR_FINDING:
		line = xasprintf("%s:%d %s: %s; %s", it->finding->source, it->finding->line, it->finding->kind,
		                 it->finding->message, it->finding->resolution);
		out_wrapped(o, 2, line);
		free(line);
		break;
	default:
		break;
	}
}

void render_entry(struct out *o, const struct view_entry *d)
{
	for (size_t i = 0; i < d->nsec; i++) {
		const struct view_section *s = &d->sec[i];
		if (s->kind == VS_HEAD) {
			draw_head(o, s);
			continue;
		}
		if (s->kind == VS_SUMMARY) {
			draw_summary(o, s);
			continue;
		}
		if (s->kind == VS_CHECK)
			continue;   /* not in the CLI's text yet: it comes with the answer-first form */
		heading(o, s->en, s->zh);
		for (size_t k = 0; k < s->n; k++)
			draw_item(o, d, s, &s->v[k]);
	}
}

static void entry_json_fields(struct json *j, const struct sc_entry *e)
{
	json_str(j, "protocol", e->protocol);
	json_str(j, "code", e->code);
	json_str(j, "class", e->class_id);
	json_str(j, "phrase_en", e->phrase_en);
	json_str(j, "phrase_zh", e->phrase_zh);
	json_str(j, "status", e->status);
	json_str(j, "spec", e->spec);
}

void render_entry_json(struct json *j, const struct view_entry *v)
{
	const struct sc_entry *e = &v->e;

	json_open(j, NULL, '{');
	entry_json_fields(j, e);
	json_str(j, "summary_en", e->summary_en);
	json_str(j, "summary_zh", e->summary_zh);
	json_str(j, "detail_en", e->detail_en);
	json_str(j, "detail_zh", e->detail_zh);
	json_str(j, "summary_en_by", e->origin_en);
	json_str(j, "summary_zh_by", e->origin_zh);
	json_str(j, "parent", v->parent.id ? v->parent.code : NULL);
	json_open(j, "former_meanings", '[');
	for (size_t i = 0; i < v->former.n; i++) {
		json_open(j, NULL, '{');
		json_str(j, "former_en", v->former.v[i].former_en);
		json_str(j, "former_zh", v->former.v[i].former_zh);
		json_str(j, "note_en", v->former.v[i].note_en);
		json_str(j, "note_zh", v->former.v[i].note_zh);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_open(j, "sub_status", '[');
	for (size_t i = 0; i < v->children.n; i++)
		json_str(j, NULL, v->children.v[i].code);
	json_close(j, ']');
	json_open(j, "xrefs", '[');
	for (size_t i = 0; i < v->xrefs.n; i++) {
		const struct sc_xref *x = &v->xrefs.v[i];
		json_open(j, NULL, '{');
		json_str(j, "kind", x->kind);
		json_str(j, "protocol", x->other.protocol);
		json_str(j, "code", x->other.code);
		json_str(j, "phrase_en", x->other.phrase_en);
		json_str(j, "phrase_zh", x->other.phrase_zh);
		if (x->note_en || x->note_zh) {
			json_str(j, "note_en", x->note_en);
			json_str(j, "note_zh", x->note_zh);
		}
		json_close(j, '}');
	}
	json_close(j, ']');
	json_open(j, "claims", '[');
	for (size_t i = 0; i < v->claims.n; i++) {
		const struct sc_claim *c = &v->claims.v[i];
		json_open(j, NULL, '{');
		json_str(j, "source", c->source);
		json_int(j, "line", c->line);
		json_str(j, "label", c->label);
		json_str(j, "field", c->field);
		json_str(j, "lang", c->lang);
		json_str(j, "state", c->state);
		json_str(j, "value", c->value);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_open(j, "findings", '[');
	for (size_t i = 0; i < v->findings.n; i++) {
		const struct sc_finding *f = &v->findings.v[i];
		json_open(j, NULL, '{');
		json_str(j, "source", f->source);
		json_int(j, "line", f->line);
		json_str(j, "kind", f->kind);
		json_str(j, "label", f->label);
		json_str(j, "message", f->message);
		json_str(j, "resolution", f->resolution);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_close(j, '}');
}

/* The snippet as shown: marks become colour (or [brackets] without). */
static void snippet_text(struct out *o, const char *s)
{
	for (; *s; s++) {
		if (*s == SEARCH_MARK_ON)
			buf_adds(&o->b, o->color ? "\033[7m" : "[");
		else if (*s == SEARCH_MARK_OFF)
			buf_adds(&o->b, o->color ? "\033[0m" : "]");
		else if (*s == '\n' || *s == '\t')
			buf_addc(&o->b, ' ');
		else
			buf_addc(&o->b, *s);
	}
}

void render_row(struct out *o, const struct sc_entry *e, const char *snippet, bool fuzzy, bool tty)
{
	if (!tty) {
		/* the stable, script-friendly form */
		buf_addf(&o->b, "%s\t%s\t%s\t%s\n", e->protocol, e->code,
		         e->phrase_en ? e->phrase_en : "", e->phrase_zh ? e->phrase_zh : "");
		return;
	}
	struct buf cell = {0};
	buf_adds(&o->b, "  ");
	text_fit(&cell, label_protocol(e->protocol), 10, true, false);
	out_colored(o, PAL_DIM, buf_str(&cell));
	buf_reset(&cell);
	text_fit(&cell, e->code, 10, true, false);
	out_colored(o, palette_for_code(e->protocol, e->num), buf_str(&cell));
	buf_free(&cell);
	size_t rest = o->width > 24 ? o->width - 24 : 20;
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
		out_colored(o, PAL_WARN, o->lang == LANG_ZH ? "  (相近)" : "  (close match)");
	buf_addc(&o->b, '\n');
	if (snippet && *snippet) {
		/* plain text first, so that the cut never splits a mark */
		struct buf fit = {0}, plain = {0};
		for (const char *s = snippet; *s; s++)
			buf_addc(&plain, *s == '\n' ? ' ' : *s);
		text_fit(&fit, buf_str(&plain), o->width > 26 ? o->width - 24 : 20, false, true);
		buf_pad(&o->b, 24);
		snippet_text(o, buf_str(&fit));
		if (o->color)
			buf_adds(&o->b, "\033[0m");
		else if (strchr(buf_str(&fit), SEARCH_MARK_ON) && !strchr(buf_str(&fit), SEARCH_MARK_OFF))
			buf_addc(&o->b, ']');
		buf_addc(&o->b, '\n');
		buf_free(&fit);
		buf_free(&plain);
	}
}

void render_row_json(struct json *j, const struct sc_entry *e, const char *snippet, bool fuzzy)
{
	json_open(j, NULL, '{');
	entry_json_fields(j, e);
	json_str(j, "summary_en", e->summary_en);
	json_str(j, "summary_zh", e->summary_zh);
	if (snippet) {
		struct buf s = {0};
		for (const char *p = snippet; *p; p++)
			if (*p != SEARCH_MARK_ON && *p != SEARCH_MARK_OFF)
				buf_addc(&s, *p);
		json_str(j, "snippet", buf_str(&s));
		buf_free(&s);
	}
	json_bool(j, "close_match", fuzzy);
	json_close(j, '}');
}

/* Two texts side by side, each wrapped to half the width. */
static void side_by_side(struct out *o, const char *a, const char *b)
{
	size_t col = o->width > 10 ? (o->width - 3) / 2 : 20;
	char **la, **lb;
	size_t na = text_wrap(a ? a : "", col, &la), nb = text_wrap(b ? b : "", col, &lb);

	for (size_t i = 0; i < na || i < nb; i++) {
		text_fit(&o->b, i < na ? la[i] : "", col, true, false);
		buf_adds(&o->b, " \xE2\x94\x82 ");
		if (i < nb)
			buf_adds(&o->b, lb[i]);
		while (o->b.len && o->b.s[o->b.len - 1] == ' ')
			o->b.s[--o->b.len] = '\0';
		buf_addc(&o->b, '\n');
	}
	text_lines_free(la, na);
	text_lines_free(lb, nb);
}

void render_compare(struct out *o, const struct view_entry *a, const struct view_entry *b)
{
	char *ha = xasprintf("%s %s", label_protocol(a->e.protocol), a->e.code);
	char *hb = xasprintf("%s %s", label_protocol(b->e.protocol), b->e.code);
	side_by_side(o, ha, hb);
	free(ha);
	free(hb);
	if (want_en(o))
		side_by_side(o, a->e.phrase_en, b->e.phrase_en);
	if (want_zh(o))
		side_by_side(o, a->e.phrase_zh, b->e.phrase_zh);
	const char *sa = a->e.status ? a->e.status : "", *sb = b->e.status ? b->e.status : "";
	if (o->lang == LANG_ZH) {
		sa = label_status_zh(sa);
		sb = label_status_zh(sb);
	}
	char *ca = xasprintf("%s  %s", a->e.class_id, sa);
	char *cb = xasprintf("%s  %s", b->e.class_id, sb);
	side_by_side(o, ca, cb);
	free(ca);
	free(cb);
	buf_addc(&o->b, '\n');
	if (want_en(o)) {
		side_by_side(o, a->e.summary_en, b->e.summary_en);
		buf_addc(&o->b, '\n');
	}
	if (want_zh(o)) {
		side_by_side(o, a->e.summary_zh, b->e.summary_zh);
		buf_addc(&o->b, '\n');
	}
	/* the note that tells them apart */
	for (size_t i = 0; i < a->xrefs.n; i++) {
		const struct sc_xref *x = &a->xrefs.v[i];
		if (strcmp(x->kind, "compare") != 0 || x->other.id != b->e.id)
			continue;
		heading(o, x->title_en ? x->title_en : "How to tell them apart",
		        x->title_zh ? x->title_zh : "如何区分");
		if (want_en(o) && x->note_en)
			out_wrapped(o, 2, x->note_en);
		if (want_zh(o) && x->note_zh)
			out_wrapped(o, 2, x->note_zh);
		return;
	}
	heading(o, "No curated note compares these two codes", "没有比较这两个状态码的说明");
}

void render_compare_json(struct json *j, const struct view_entry *a, const struct view_entry *b)
{
	json_open(j, NULL, '{');
	json_open(j, "entries", '[');
	render_entry_json(j, a);
	render_entry_json(j, b);
	json_close(j, ']');
	const struct sc_xref *note = NULL;
	for (size_t i = 0; i < a->xrefs.n; i++)
		if (strcmp(a->xrefs.v[i].kind, "compare") == 0 && a->xrefs.v[i].other.id == b->e.id)
			note = &a->xrefs.v[i];
	json_str(j, "title_en", note ? note->title_en : NULL);
	json_str(j, "title_zh", note ? note->title_zh : NULL);
	json_str(j, "note_en", note ? note->note_en : NULL);
	json_str(j, "note_zh", note ? note->note_zh : NULL);
	json_close(j, '}');
}
