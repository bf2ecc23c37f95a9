/* render_entry.c: the entry document as text: in full (render_text_drawer,
 * --full), each section under its heading in the document's order; and
 * the answer first (render_short_drawer, the default): head, summary,
 * what to check, the confusable codes with the first sentence of the note
 * that tells them apart, one line for the same number in another protocol
 * that is not already among them, and a line naming what --full adds. The
 * CLI lays out nothing about an entry anywhere else. */
#include "config.h"
#include "render.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

/* An item's en and zh texts, each wrapped and indented. */
static void texts(struct out *o, size_t indent, const char *en, const char *zh)
{
	if (en)
		out_wrapped(o, indent, en);
	if (zh)
		out_wrapped(o, indent, zh);
}

static void section_heading(struct out *o, const struct view_section *s)
{
	render_heading(o, s->en, s->zh);
}

/* "  4xx Client Error · 客户端错误  |  standard · 标准  |  RFC 9110";
 * wider than the line (a WebSocket range's long name), it breaks at the
 * "  |  " between its parts. */
static void head_line(struct out *o, const struct view_section *s, size_t *i)
{
	struct buf parts[8] = {{0}};   /* class, status, spec */
	bool first[8];                 /* the class starts the line; the rest follow "  |  " */
	size_t np = 0;

	for (; *i < s->n && np < 8; ++*i) {
		const struct view_item *it = &s->v[*i];
		struct buf *b = &parts[np];
		if (it->role == VR_CLASS) {
			buf_addf(b, "%s", it->value);
			if (it->en) buf_addf(b, " %s", it->en);
			if (it->en && it->zh) buf_adds(b, " \xC2\xB7");
			if (it->zh) buf_addf(b, " %s", it->zh);
		} else if (it->role == VR_STATUS) {
			if (lang_want_en(o->lang)) buf_adds(b, it->en ? it->en : "");
			if (o->lang == LANG_BOTH) buf_adds(b, " \xC2\xB7 ");
			if (lang_want_zh(o->lang)) buf_adds(b, it->zh ? it->zh : "");
		} else if (it->role == VR_SPEC) {
			buf_adds(b, it->value);
		} else {
			break;
		}
		first[np++] = it->role == VR_CLASS;
	}
	size_t col = 0;
	for (size_t k = 0; k < np; k++) {
		size_t w = text_width(buf_str(&parts[k]));
		bool brk = col > 0 && col + 5 + w > o->width;
		if (brk)
			buf_addc(&o->b, '\n');
		buf_adds(&o->b, first[k] || brk ? "  " : "  |  ");
		buf_adds(&o->b, buf_str(&parts[k]));
		col = (brk ? 0 : col) + (first[k] || brk ? 2 : 5) + w;
		buf_free(&parts[k]);
	}
	buf_addc(&o->b, '\n');
}

/* HTTP 404 Not Found · 未找到, the class line, "sub-status of 403". */
static void draw_head(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;

	for (size_t i = 0; i < s->n;) {
		const struct view_item *it = &s->v[i];
		if (it->role != VR_PHRASE && it->role != VR_PARENT) {
			size_t at = i;
			head_line(o, s, &i);
			i += i == at;   /* an item no line takes */
			continue;
		}
		char *p = render_phrases(o, it->ref);
		if (it->role == VR_PHRASE) {
			render_code(o, it->ref, true);
			buf_addc(&o->b, ' ');
			out_colored(o, PAL_HEADING, p);
			buf_addc(&o->b, '\n');
		} else {
			buf_adds(&o->b, UI_IN(o->lang, "  sub-status of "));
			render_code(o, it->ref, false);
			buf_addf(&o->b, " %s\n", p);
		}
		free(p);
		i++;
	}
	buf_addc(&o->b, '\n');
}

/* The summary, and who wrote it. */
static void draw_summary(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;

	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		if (it->role == VR_TEXT) {
			texts(o, 2, it->en, it->zh);
			continue;
		}
		if (it->value == NULL)
			continue;
		char *who = strcmp(it->value, "project") != 0
			? xasprintf(UI_IN(o->lang, "(from %s)"), it->value)
			: o->lang != LANG_BOTH ? xstrdup(UI_IN(o->lang, "(written by the statuscodes project)"))
			: xasprintf("(%s \xC2\xB7 %s)", "written by the statuscodes project",
			            UI_ZH("written by the statuscodes project"));
		buf_adds(&o->b, "  ");
		out_colored(o, PAL_DIM, who);
		buf_addc(&o->b, '\n');
		free(who);
	}
}

/* What to check, details: paragraphs under a heading. */
static void draw_paragraphs(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;

	section_heading(o, s);
	for (size_t i = 0; i < s->n; i++)
		texts(o, 2, s->v[i].en, s->v[i].zh);
}

/* Former and other meanings: the meaning, who uses the number so (other
 * meanings), the note. */
static void draw_meanings(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;

	section_heading(o, s);
	for (size_t i = 0; i < s->n; i++) {
		char *line = render_joined(o, s->v[i].en, s->v[i].zh);
		buf_adds(&o->b, "  ");
		out_colored(o, PAL_WARN, line);
		buf_addc(&o->b, '\n');
		free(line);
		if (s->v[i].title_en || s->v[i].title_zh) {
			char *who = lang_bi(o->lang, s->v[i].title_en, s->v[i].title_zh);
			out_wrapped_colored(o, 4, PAL_DIM, who);
			free(who);
		}
		texts(o, 4, s->v[i].note_en, s->v[i].note_zh);
	}
}

/* "  403.14  Directory listing denied · 禁止目录浏览", aligned. */
static void draw_sub_status(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;

	section_heading(o, s);
	for (size_t i = 0; i < s->n; i++) {
		const struct sc_entry *c = s->v[i].ref;
		char *cp = render_phrases(o, c);
		buf_adds(&o->b, "  ");
		render_code(o, c, false);
		buf_pad(&o->b, 8 - strlen(c->code) % 8);
		text_fit(&o->b, cp, o->width > 12 ? o->width - 12 : 20, false, true);
		buf_addc(&o->b, '\n');
		free(cp);
	}
	char *more = view_more_line(d, s, o->lang);
	if (more) {
		buf_adds(&o->b, "  ");
		out_colored(o, PAL_DIM, more);
		buf_addc(&o->b, '\n');
		free(more);
	}
}

/* The columns of "HTTP 404" (or "404"). */
static size_t code_width(const struct sc_entry *e, bool with_protocol)
{
	return (with_protocol ? text_width(label_protocol(e->protocol)) + 1 : 0) + strlen(e->code);
}

/* Cross-references: "  HTTP 410  Gone · 已永久删除" (with the protocol
 * for the same number elsewhere, and for a peer of another protocol, as
 * FTP 552 under HTTP 413); after the last peer of a compare group, the
 * group's title and the note that tells them apart. */
static void draw_xrefs(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;

	section_heading(o, s);
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		char *p = render_phrases(o, it->ref);
		buf_adds(&o->b, "  ");
		bool other = !it->ref->protocol || !d->e.protocol
		             || strcmp(it->ref->protocol, d->e.protocol) != 0;
		bool named = s->kind == VS_SAME_NUMBER || other;
		render_code(o, it->ref, named);
		buf_adds(&o->b, "  ");
		out_hanging(o, 4 + code_width(it->ref, named), p);
		free(p);
		if (it->title_en || it->title_zh) {
			char *title = lang_bi(o->lang, it->title_en, it->title_zh);
			out_wrapped_colored(o, 4, PAL_DIM, title);
			free(title);
		}
		texts(o, 4, it->note_en, it->note_zh);
	}
}

/* What each source said: the file, then "    82 phrase  Not Found". */
static void draw_sources(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;
	struct buf head = {0};

	section_heading(o, s);
	for (size_t i = 0; i < s->n; i++) {
		const struct sc_claim *c = s->v[i].claim;
		if (s->v[i].value) {
			buf_adds(&o->b, "  ");
			out_colored(o, PAL_DIM, s->v[i].value);
			buf_addc(&o->b, '\n');
		}
		buf_reset(&head);
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
	}
	buf_free(&head);
}

static void draw_defects(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;

	section_heading(o, s);
	for (size_t i = 0; i < s->n; i++) {
		const struct sc_finding *f = s->v[i].finding;
		bool zh = lang_want_zh(d->lang) && f->message_zh && f->resolution_zh;
		if (lang_want_en(d->lang) || !zh) {
			char *line = xasprintf("%s:%d %s: %s; %s", f->source, f->line, f->kind, f->message,
			                       f->resolution);
			out_wrapped(o, 2, line);
			free(line);
		}
		if (zh) {
			char *line = xasprintf(UI_ZH("%s:%d %s: %s; %s"), f->source, f->line, f->kind, f->message_zh,
			                       f->resolution_zh);
			out_wrapped(o, 2, line);
			free(line);
		}
	}
}

const struct view_drawer render_text_drawer = {
	.name = "text",
	.draw = {
		[VS_HEAD] = draw_head, [VS_SUMMARY] = draw_summary, [VS_CHECK] = draw_paragraphs,
		[VS_FORMER] = draw_meanings, [VS_MEANINGS] = draw_meanings, [VS_DETAILS] = draw_paragraphs, [VS_SUB_STATUS] = draw_sub_status,
		[VS_CONFUSABLES] = draw_xrefs, [VS_SAME_NUMBER] = draw_xrefs, [VS_MENTIONS] = draw_xrefs,
		[VS_MENTIONED_BY] = draw_xrefs, [VS_SOURCES] = draw_sources, [VS_DEFECTS] = draw_defects,
	},
};

/* The summary alone (who wrote it is in --full). */
static void draw_summary_short(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].role == VR_TEXT)
			texts(ctx, 2, s->v[i].en, s->v[i].zh);
}

/* The first sentence of s: up to a '.', '?' or '!' followed by a space and
 * a capital or a digit ("e.g. the" and "HTTP/1.1" do not end one), or up
 * to a Chinese full stop, question or exclamation mark; all of s when it
 * has only one. Caller frees. */
char *render_first_sentence(const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		const char *p = s + i;
		uint32_t cp;
		int len = utf8_decode(p, n - i, &cp);
		if (len < 0)
			len = 1;
		if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' '
		    && (isupper((unsigned char)p[2]) || isdigit((unsigned char)p[2])))
			return xstrndup(s, i + 1);
		/* the ideographic full stop, full-width question and exclamation marks */
		if ((cp == 0x3002 || cp == 0xFF1F || cp == 0xFF01) && i + (size_t)len < n)
			return xstrndup(s, i + (size_t)len);
		i += (size_t)len;
	}
	return xstrdup(s);
}

/* Columns of "HTTP 404" (with_protocol) or "404". */
/* e's phrases, cut with "…" to what is left of the line after used
 * columns and before reserve more: a row of the short form is one line. */
static void fit_phrases(struct out *o, const struct sc_entry *e, size_t used, size_t reserve)
{
	char *p = render_phrases(o, e);
	text_fit(&o->b, p, o->width > used + reserve + 20 ? o->width - used - reserve : 20, false, true);
	free(p);
}

/* The one line the short form gives a pair's (or group's) note: its first
 * sentence, in English when it fits the line whole or the Chinese does not
 * either, else in Chinese (with both languages wanted, whichever is
 * readable whole), cut with "…" when even that is too long. A line per
 * language would not fit `statuscodes 502` in 30 lines; the whole note is
 * in --full and in `statuscodes compare`. */
static void note_line(struct out *o, const struct view_item *it)
{
	size_t w = o->width > 4 + 20 ? o->width - 4 : 20;
	char *en = lang_want_en(o->lang) && it->note_en ? render_first_sentence(it->note_en) : NULL;
	char *zh = lang_want_zh(o->lang) && it->note_zh ? render_first_sentence(it->note_zh) : NULL;
	const char *pick = en && (!zh || text_width(en) <= w || text_width(zh) > w) ? en : zh;

	if (pick) {
		struct buf fit = {0};
		text_fit(&fit, pick, w, false, true);
		buf_pad(&o->b, 4);
		out_colored(o, PAL_DIM, buf_str(&fit));
		buf_addc(&o->b, '\n');
		buf_free(&fit);
	}
	free(en);
	free(zh);
}

/* Confusable codes one line each; after a group's last peer, the first
 * sentence of the note that tells them apart (note_line), or the group's
 * title when it has no note. */
static void draw_confusables_short(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;

	size_t group = 0;   /* peers in the group so far */

	section_heading(o, s);
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		bool other = strcmp(it->ref->protocol, d->e.protocol) != 0;
		buf_adds(&o->b, "  ");
		render_code(o, it->ref, other);
		buf_adds(&o->b, "  ");
		fit_phrases(o, it->ref, 4 + code_width(it->ref, other), 0);
		buf_addc(&o->b, '\n');
		group++;
		bool titled = it->title_en || it->title_zh;
		bool noted = it->note_en || it->note_zh;
		if (noted) {
			note_line(o, it);
		} else if (titled && group > 1) {
			/* a pair's title ("401 vs 403") only says again what the line says */
			char *title = lang_bi(o->lang, it->title_en, it->title_zh);
			out_wrapped_colored(o, 4, PAL_DIM, title);
			free(title);
		}
		if (titled || noted)
			group = 0;
	}
}

/* Is e one of the confusable codes d lists (so a line for it would say
 * again what that row says)? */
static bool is_confusable(const struct view_entry *d, const struct sc_entry *e)
{
	for (size_t i = 0; i < d->nsec; i++)
		for (size_t k = 0; d->sec[i].kind == VS_CONFUSABLES && k < d->sec[i].n; k++)
			if (d->sec[i].v[k].ref && d->sec[i].v[k].ref->id == e->id)
				return true;
	return false;
}

/* "also FTP 502 Command not implemented · 命令未实现  (statuscodes ftp 502)" */
static void draw_also(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct out *o = ctx;
	bool first = true;

	for (size_t i = 0; i < s->n; i++) {
		const struct sc_entry *e = s->v[i].ref;
		if (is_confusable(d, e))
			continue;
		if (first)
			buf_addc(&o->b, '\n');
		first = false;
		const char *also = UI_IN(o->lang, "also ");
		char *cmd = xasprintf("(statuscodes %s %s)", e->protocol, e->code);
		size_t used = text_width(also) + code_width(e, true) + 1, cw = text_width(cmd);
		char *p = render_phrases(o, e);
		/* the command after the phrases when both fit, else under them:
		 * the phrases are cut only when they alone are wider than the line */
		bool one_line = used + text_width(p) + 2 + cw <= o->width;
		buf_adds(&o->b, also);
		render_code(o, e, true);
		buf_addc(&o->b, ' ');
		text_fit(&o->b, p, o->width > used + 20 ? o->width - used : 20, false, true);
		if (one_line) {
			buf_adds(&o->b, "  ");
		} else {
			buf_addc(&o->b, '\n');
			buf_pad(&o->b, text_width(also));
		}
		out_colored(o, PAL_DIM, cmd);
		buf_addc(&o->b, '\n');
		free(p);
		free(cmd);
	}
}

/* "(more with --full: details, sources)": what the short form left out. */
static void draw_more(void *ctx, const struct view_entry *d)
{
	struct out *o = ctx;
	struct buf more = {0};
	bool zh = o->lang == LANG_ZH;

	for (size_t i = 0; i < d->nsec; i++) {
		const struct view_section *s = &d->sec[i];
		bool notes = false;
		for (size_t k = 0; s->kind == VS_CONFUSABLES && k < s->n; k++)
			notes |= s->v[k].note_en || s->v[k].note_zh;
		if (render_short_drawer.draw[s->kind] && !notes)
			continue;
		const char *name = notes ? UI_IN(o->lang, "notes") : zh ? s->zh : label_sections[s->kind].name;
		if (more.len)
			buf_adds(&more, UI_IN(o->lang, ", "));
		for (const char *c = name; *c; c++)    /* "sub_status" -> "sub-status" */
			buf_addc(&more, *c == '_' ? '-' : *c);
	}
	if (more.len) {
		char *line = xasprintf(UI_IN(o->lang, "(more with --full: %s)"), buf_str(&more));
		buf_addc(&o->b, '\n');
		out_wrapped_colored(o, 0, PAL_DIM, line);
		free(line);
	}
	buf_free(&more);
}

const struct view_drawer render_short_drawer = {
	.name = "short text",
	.draw = {
		[VS_HEAD] = draw_head, [VS_SUMMARY] = draw_summary_short, [VS_CHECK] = draw_paragraphs,
		[VS_CONFUSABLES] = draw_confusables_short, [VS_SAME_NUMBER] = draw_also,
	},
	.end = draw_more,
};

void render_entry(struct out *o, const struct view_entry *d, bool full)
{
	view_entry_draw(d, full ? &render_text_drawer : &render_short_drawer, o);
}
