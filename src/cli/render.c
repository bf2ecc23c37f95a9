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
	o->color = cli_use_color(opts);
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

static bool want_en(const struct out *o) { return o->lang != LANG_ZH; }
static bool want_zh(const struct out *o) { return o->lang != LANG_EN; }

/* "Not Found · 未找到" for the chosen languages. Caller frees. */
static char *phrases(const struct out *o, const struct sc_entry *e)
{
	const char *en = want_en(o) ? e->phrase_en : NULL;
	const char *zh = want_zh(o) ? e->phrase_zh : NULL;

	if (en && zh)
		return xasprintf("%s \xC2\xB7 %s", en, zh);
	return xstrdup(en ? en : zh ? zh : "");
}

int entry_view_load(struct store *st, const struct sc_entry *e, struct entry_view *v, char **cause)
{
	struct sc_classes classes = {0};

	memset(v, 0, sizeof *v);
	sc_entry_copy(&v->e, e);
	if (store_claims(st, e->id, &v->claims, cause) != 0 ||
	    store_xrefs(st, e->id, &v->xrefs, cause) != 0 ||
	    store_findings(st, 0, e->id, &v->findings, cause) != 0)
		return -1;
	if (e->sub < 0 && e->hi == e->num) {
		struct sc_entries fam = {0};
		if (store_list(st, e->protocol, e->code, &fam, cause) != 0)
			return -1;
		for (size_t i = 0; i < fam.n; i++)
			if (fam.v[i].parent == e->id) {
				struct sc_entries *c = &v->children;
				if (c->n == c->cap) {
					c->cap = c->cap ? c->cap * 2 : 16;
					c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
				}
				c->v[c->n++] = fam.v[i];
				memset(&fam.v[i], 0, sizeof fam.v[i]);
			}
		sc_entries_free(&fam);
	}
	if (e->parent && store_entry_by_id(st, e->parent, &v->parent, cause) != 0)
		return -1;
	if (store_classes(st, e->protocol, &classes, cause) != 0 ||
	    store_former_meanings(st, e->protocol, e->code, &v->former, cause) != 0)
		return -1;
	for (size_t i = 0; i < classes.n; i++)
		if (strcmp(classes.v[i].id, e->class_id) == 0) {
			v->klass = classes.v[i];
			memset(&classes.v[i], 0, sizeof classes.v[i]);
		}
	sc_classes_free(&classes);
	return 0;
}

void entry_view_free(struct entry_view *v)
{
	sc_entry_clear(&v->e);
	sc_claims_free(&v->claims);
	sc_xrefs_free(&v->xrefs);
	sc_findings_free(&v->findings);
	sc_entries_free(&v->children);
	sc_entry_clear(&v->parent);
	sc_historics_free(&v->former);
	free(v->klass.protocol); free(v->klass.id); free(v->klass.name_en);
	free(v->klass.name_zh); free(v->klass.desc_en); free(v->klass.desc_zh);
	memset(v, 0, sizeof *v);
}

static void heading(struct out *o, const char *en, const char *zh)
{
	if (!str_ends_with(buf_str(&o->b), "\n\n"))
		buf_addc(&o->b, '\n');
	char *h = o->lang == LANG_EN ? xstrdup(en) : o->lang == LANG_ZH ? xstrdup(zh)
	                                                                 : xasprintf("%s \xC2\xB7 %s", en, zh);
	out_colored(o, PAL_HEADING, h);
	free(h);
	buf_addc(&o->b, '\n');
}

/* "HTTP 404" in the code's colour. */
static void code_label(struct out *o, const struct sc_entry *e, bool with_protocol)
{
	char *s = with_protocol ? xasprintf("%s %s", store_protocol_label(e->protocol), e->code) : xstrdup(e->code);
	out_colored(o, palette_for_code(e->protocol, e->num), s);
	free(s);
}


static void xref_line(struct out *o, const struct sc_xref *x)
{
	char *p = phrases(o, &x->other);
	buf_adds(&o->b, "  ");
	code_label(o, &x->other, strcmp(x->kind, "same-number") == 0);
	buf_addf(&o->b, "  %s\n", p);
	free(p);
}

void render_entry(struct out *o, const struct entry_view *v)
{
	const struct sc_entry *e = &v->e;
	char *p = phrases(o, e);

	code_label(o, e, true);
	buf_addc(&o->b, ' ');
	out_colored(o, PAL_HEADING, p);
	buf_addc(&o->b, '\n');
	free(p);

	/* class, status, specification */
	buf_adds(&o->b, "  ");
	buf_adds(&o->b, e->class_id);
	if (v->klass.id) {
		const char *cn_en = want_en(o) ? v->klass.name_en : NULL;
		const char *cn_zh = want_zh(o) ? v->klass.name_zh : NULL;
		if (cn_en) buf_addf(&o->b, " %s", cn_en);
		if (cn_en && cn_zh) buf_adds(&o->b, " \xC2\xB7");
		if (cn_zh) buf_addf(&o->b, " %s", cn_zh);
	}
	buf_adds(&o->b, "  |  ");
	if (want_en(o)) buf_adds(&o->b, e->status ? e->status : "");
	if (want_en(o) && want_zh(o)) buf_adds(&o->b, " \xC2\xB7 ");
	if (want_zh(o)) buf_adds(&o->b, store_status_zh(e->status) ? store_status_zh(e->status) : "");
	if (e->spec)
		buf_addf(&o->b, "  |  %s", e->spec);
	buf_addc(&o->b, '\n');
	if (v->parent.id) {
		char *pp = phrases(o, &v->parent);
		buf_adds(&o->b, o->lang == LANG_ZH ? "  子状态码，属于 " : "  sub-status of ");
		code_label(o, &v->parent, false);
		buf_addf(&o->b, " %s\n", pp);
		free(pp);
	}

	/* summaries, and who wrote them */
	buf_addc(&o->b, '\n');
	if (want_en(o) && e->summary_en)
		out_wrapped(o, 2, e->summary_en);
	if (want_zh(o) && e->summary_zh)
		out_wrapped(o, 2, e->summary_zh);
	const char *by = want_en(o) && e->summary_en ? e->origin_en : e->origin_zh;
	if (by) {
		char *who = strcmp(by, "project") == 0
			? xstrdup(o->lang == LANG_EN ? "(written by the statuscodes project)"
			          : o->lang == LANG_ZH ? "（本项目撰写）" : "(written by the statuscodes project · 本项目撰写)")
			: xasprintf(o->lang == LANG_ZH ? "（摘自 %s）" : "(from %s)", by);
		buf_adds(&o->b, "  ");
		out_colored(o, PAL_DIM, who);
		buf_addc(&o->b, '\n');
		free(who);
	}

	/* what the code used to mean, which documents may still say */
	for (size_t i = 0; i < v->former.n; i++) {
		const struct sc_historic *h = &v->former.v[i];
		if (i == 0)
			heading(o, "Former meaning (no longer current)", "曾经的含义（已不再使用）");
		char *name = o->lang == LANG_ZH ? xstrdup(h->former_zh ? h->former_zh : "")
		           : o->lang == LANG_EN ? xstrdup(h->former_en ? h->former_en : "")
		           : xasprintf("%s \xC2\xB7 %s", h->former_en ? h->former_en : "", h->former_zh ? h->former_zh : "");
		buf_adds(&o->b, "  ");
		out_colored(o, PAL_WARN, name);
		buf_addc(&o->b, '\n');
		free(name);
		if (want_en(o) && h->note_en)
			out_wrapped(o, 4, h->note_en);
		if (want_zh(o) && h->note_zh)
			out_wrapped(o, 4, h->note_zh);
	}

	/* details from the documents */
	if ((want_en(o) && e->detail_en) || (want_zh(o) && e->detail_zh)) {
		heading(o, "Details", "详细说明");
		if (want_en(o) && e->detail_en)
			out_wrapped(o, 2, e->detail_en);
		if (want_zh(o) && e->detail_zh)
			out_wrapped(o, 2, e->detail_zh);
	}

	/* sub-status codes */
	if (v->children.n) {
		heading(o, "Sub-status codes (IIS)", "子状态码（IIS）");
		for (size_t i = 0; i < v->children.n; i++) {
			char *cp = phrases(o, &v->children.v[i]);
			buf_adds(&o->b, "  ");
			code_label(o, &v->children.v[i], false);
			buf_pad(&o->b, 8 - strlen(v->children.v[i].code) % 8);
			text_fit(&o->b, cp, o->width > 12 ? o->width - 12 : 20, false, true);
			buf_addc(&o->b, '\n');
			free(cp);
		}
	}

	/* comparisons, with their notes */
	int64_t shown_cmp = -1;
	bool any = false;
	for (size_t i = 0; i < v->xrefs.n; i++) {
		const struct sc_xref *x = &v->xrefs.v[i];
		if (strcmp(x->kind, "compare") != 0)
			continue;
		if (!any)
			heading(o, "Easily confused with", "容易混淆");
		any = true;
		xref_line(o, x);
		/* the note of a group, once, after its last member */
		bool last = i + 1 == v->xrefs.n || strcmp(v->xrefs.v[i + 1].kind, "compare") != 0 ||
		            !v->xrefs.v[i + 1].note_en || !x->note_en ||
		            strcmp(v->xrefs.v[i + 1].note_en, x->note_en) != 0;
		if (last && (int64_t)i != shown_cmp) {
			if (want_en(o) && x->note_en)
				out_wrapped(o, 4, x->note_en);
			if (want_zh(o) && x->note_zh)
				out_wrapped(o, 4, x->note_zh);
			shown_cmp = (int64_t)i;
		}
	}
	const struct sc_xref_kind *kinds = store_xref_kinds;
	for (size_t k = 0; kinds[k].kind; k++) {
		bool head = false;
		for (size_t i = 0; i < v->xrefs.n; i++) {
			if (strcmp(v->xrefs.v[i].kind, kinds[k].kind) != 0)
				continue;
			if (!head)
				heading(o, kinds[k].en, kinds[k].zh);
			head = true;
			xref_line(o, &v->xrefs.v[i]);
		}
	}

	/* what each source said */
	if (v->claims.n) {
		heading(o, "Sources", "来源");
		const char *last = NULL;
		for (size_t i = 0; i < v->claims.n; i++) {
			const struct sc_claim *c = &v->claims.v[i];
			if ((o->lang == LANG_EN && strcmp(c->lang, "zh") == 0) ||
			    (o->lang == LANG_ZH && strcmp(c->lang, "en") == 0))
				continue;
			if (!last || strcmp(last, c->source) != 0) {
				buf_adds(&o->b, "  ");
				out_colored(o, PAL_DIM, c->source);
				buf_addc(&o->b, '\n');
				last = c->source;
			}
			struct buf head = {0};
			buf_addf(&head, "    %4d %-7s", c->line, c->field);
			if (strcmp(c->label, e->code) != 0)
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
	}

	/* defects the documents had here */
	if (v->findings.n) {
		heading(o, "Defects found in the sources", "来源中发现的问题");
		for (size_t i = 0; i < v->findings.n; i++) {
			const struct sc_finding *f = &v->findings.v[i];
			char *line = xasprintf("%s:%d %s: %s; %s", f->source, f->line, f->kind, f->message,
			                       f->resolution);
			out_wrapped(o, 2, line);
			free(line);
		}
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

void render_entry_json(struct json *j, const struct entry_view *v)
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
	text_fit(&cell, store_protocol_label(e->protocol), 10, true, false);
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

void render_compare(struct out *o, const struct entry_view *a, const struct entry_view *b)
{
	char *ha = xasprintf("%s %s", store_protocol_label(a->e.protocol), a->e.code);
	char *hb = xasprintf("%s %s", store_protocol_label(b->e.protocol), b->e.code);
	side_by_side(o, ha, hb);
	free(ha);
	free(hb);
	if (want_en(o))
		side_by_side(o, a->e.phrase_en, b->e.phrase_en);
	if (want_zh(o))
		side_by_side(o, a->e.phrase_zh, b->e.phrase_zh);
	const char *sa = a->e.status ? a->e.status : "", *sb = b->e.status ? b->e.status : "";
	if (o->lang == LANG_ZH) {
		sa = store_status_zh(sa);
		sb = store_status_zh(sb);
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

void render_compare_json(struct json *j, const struct entry_view *a, const struct entry_view *b)
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
