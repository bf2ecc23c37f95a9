/* cmd_explain.c: statuscodes explain [FILE...]: what the input holds, from
 * view's report document. On a terminal a readable report coloured by
 * class; piped, tab-separated rows (count, protocol, code, English,
 * Chinese per code for logs; protocol, code, English, Chinese per response
 * for heads, FTP replies and WebSocket close events); --json for all. */
#include "config.h"
#include "cmd_explain.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "advice.h"
#include "exitcode.h"
#include "explain.h"
#include "json.h"
#include "labels.h"
#include "render.h"
#include "say.h"
#include "report.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

#define BAR_WIDTH 16

/* "no status code found in the input" in the interface language. */
static const char *nothing_found(void)
{
	return ui_pick(view_report_labels[VRL_NOTHING].en, view_report_labels[VRL_NOTHING].zh);
}

static void label(struct out *o, enum view_report_label id)
{
	char *s = view_report_label(o->lang, id);
	buf_adds(&o->b, s);
	free(s);
}

/* "en · zh" of a text as the language asks ("" when neither). */
static void add_text(struct out *o, const struct view_text *t)
{
	char *s = lang_bi(o->lang, t->en ? t->en : "", t->zh ? t->zh : "");
	buf_adds(&o->b, s);
	free(s);
}

/* An advice text under an item, each language on its own wrapped lines;
 * a header's advice only the first time (seen: one flag per advice id, or
 * NULL to always show). */
static void advice(struct out *o, size_t indent, const struct view_text *t, bool *seen, int id)
{
	if (!t->en && !t->zh)
		return;
	if (seen && id >= 0) {
		if (seen[id])
			return;
		seen[id] = true;
	}
	if (t->en)
		out_wrapped(o, indent, t->en);
	if (t->zh)
		out_wrapped(o, indent, t->zh);
}

static void summary(struct out *o, const struct view_report *d, const char *name)
{
	const struct ex_stats *st = &d->r->st;

	if (name) {
		out_colored(o, PAL_HEADING, name);
		buf_addc(&o->b, '\n');
	}
	label(o, VRL_READ_AS);
	buf_adds(&o->b, ": ");
	add_text(o, &d->kind);
	buf_addc(&o->b, '\n');
	if (d->r->kind != EX_HAR) {
		buf_addf(&o->b, "  %llu ", (unsigned long long)st->lines);
		label(o, VRL_LINES);
		buf_addf(&o->b, ": %llu ", (unsigned long long)st->used);
		label(o, VRL_WITH_STATUS);
		buf_addf(&o->b, ", %llu ", (unsigned long long)st->other);
		label(o, VRL_OTHER);
		buf_addc(&o->b, '\n');
	}
	static const struct { size_t off; enum view_report_label l; } skips[] = {
		{ offsetof(struct ex_stats, unreadable), VRL_UNREADABLE },
		{ offsetof(struct ex_stats, overlong), VRL_OVERLONG },
		{ offsetof(struct ex_stats, binary), VRL_BINARY },
	};
	for (size_t i = 0; i < sizeof skips / sizeof skips[0]; i++) {
		uint64_t n = *(const uint64_t *)(const void *)((const char *)st + skips[i].off);
		if (!n)
			continue;
		buf_addf(&o->b, "  %llu ", (unsigned long long)n);
		char *s = view_report_label(o->lang, skips[i].l);
		out_colored(o, PAL_WARN, s);
		free(s);
		buf_addc(&o->b, '\n');
	}
	if (st->har_truncated || st->har_too_large) {
		buf_adds(&o->b, "  ");
		char *s = view_report_label(o->lang, st->har_truncated ? VRL_TRUNCATED : VRL_TOO_LARGE);
		out_colored(o, PAL_WARN, s);
		free(s);
		buf_addc(&o->b, '\n');
	}
	if (st->first[0]) {
		buf_adds(&o->b, "  ");
		label(o, VRL_FIRST_SEEN);
		buf_addf(&o->b, " %s, ", st->first);
		label(o, VRL_LAST_SEEN);
		buf_addf(&o->b, " %s\n", st->last);
	}
}

static void code_cell(struct out *o, const struct view_report_row *row)
{
	char *s = xasprintf("%s %s", row->protocol, row->c->code);
	out_colored(o, row->color, s);
	free(s);
}

static void items_text(struct out *o, const struct view_report *d)
{
	if (!d->nitems)
		return;
	buf_addc(&o->b, '\n');
	char *h = lang_bi(o->lang, d->items_heading_en ? d->items_heading_en : "",
	                  d->items_heading_zh ? d->items_heading_zh : "");
	out_colored(o, PAL_HEADING, h);
	free(h);
	buf_addc(&o->b, '\n');
	bool seen[ADV_COUNT] = { false };
	for (size_t i = 0; i < d->nitems; i++) {
		const struct view_report_item *vi = &d->items[i];
		const struct ex_item *it = vi->it;
		buf_addf(&o->b, "%3zu  ", i + 1);
		if (it->method)
			buf_addf(&o->b, "%s ", it->method);
		code_cell(o, vi->row);
		buf_adds(&o->b, "  ");
		add_text(o, &vi->row->meaning);
		buf_addc(&o->b, '\n');
		if (vi->url)
			out_wrapped(o, 7, vi->url);
		if (it->text && d->r->kind != EX_HEADS && d->r->kind != EX_HAR) {
			struct buf t = {0};
			buf_addf(&t, "\"%s\"%s%s", it->text, it->command ? "  <- " : "",
			         it->command ? it->command : "");
			out_wrapped(o, 7, buf_str(&t));
			buf_free(&t);
		}
		for (size_t k = 0; k < it->nhdrs; k++) {
			struct buf t = {0};
			buf_addf(&t, "%s: %s", it->hdrs[k].name, it->hdrs[k].value);
			out_wrapped(o, 7, buf_str(&t));
			buf_free(&t);
			advice(o, 11, &vi->hdr_advice[k], seen, it->hdrs[k].advice);
		}
		advice(o, 7, &vi->judgment, NULL, -1);
		advice(o, 7, &vi->hop, NULL, -1);
		advice(o, 7, &vi->row->range, seen, vi->row->c->num >= 4000 ? ADV_WS_PRIVATE : ADV_WS_REGISTERED);
		if (!vi->row->range.en && !vi->row->range.zh)
			advice(o, 7, &vi->row->rule, seen, ADV_RULE_PARENT + (int)vi->row->c->m.rule - 1);
	}
	if (d->r->st.items_dropped) {
		buf_addf(&o->b, "  %llu ", (unsigned long long)d->r->st.items_dropped);
		label(o, VRL_NOT_LISTED);
		buf_addc(&o->b, '\n');
	}
}

static void rows_text(struct out *o, const struct view_report *d)
{
	uint64_t max = d->nrows ? d->rows[0].c->n : 1;

	buf_addc(&o->b, '\n');
	char *h = view_report_label(o->lang, VRL_CODES);
	out_colored(o, PAL_HEADING, h);
	free(h);
	buf_addc(&o->b, '\n');
	for (size_t i = 0; i < d->nrows; i++) {
		const struct view_report_row *row = &d->rows[i];
		size_t bar = (size_t)((row->c->n * BAR_WIDTH + max - 1) / max);
		buf_addf(&o->b, "%9llu %5.1f%% ", (unsigned long long)row->c->n, row->share * 100);
		struct buf b = {0};
		for (size_t k = 0; k < bar; k++)
			buf_adds(&b, "\xE2\x96\x88");
		out_colored(o, row->color, buf_str(&b));
		buf_free(&b);
		buf_pad(&o->b, BAR_WIDTH - bar + 1);
		code_cell(o, row);
		buf_adds(&o->b, "  ");
		add_text(o, &row->meaning);
		buf_addc(&o->b, '\n');
		if (row->c->win32[0])
			buf_addf(&o->b, "%33s%s %s\n", "", view_report_labels[VRL_WIN32].en, row->c->win32);
		if (row->c->m.near.n) {
			struct buf t = {0};
			char *l = view_report_label(o->lang, VRL_CLOSEST);
			buf_addf(&t, "%s:", l);
			free(l);
			for (size_t k = 0; k < row->c->m.near.n; k++)
				buf_addf(&t, " %s", row->c->m.near.v[k].code);
			out_wrapped(o, 33, buf_str(&t));
			buf_free(&t);
		}
		if (!d->nitems) {   /* else said under the first item with this code */
			advice(o, 33, &row->rule, NULL, -1);
			advice(o, 33, &row->range, NULL, -1);
		}
	}
	if (d->nclasses > 1) {
		buf_addc(&o->b, '\n');
		h = view_report_label(o->lang, VRL_CLASSES);
		out_colored(o, PAL_HEADING, h);
		free(h);
		buf_addc(&o->b, '\n');
		for (size_t k = 0; k < d->nclasses; k++) {
			const struct view_report_class *c = &d->classes[k];
			buf_addf(&o->b, "%9llu %5.1f%%  ", (unsigned long long)c->n, c->share * 100);
			char *s = xasprintf("%s %s", label_protocol(c->protocol), c->cls);
			out_colored(o, c->color, s);
			free(s);
			buf_addc(&o->b, '\n');
		}
	}
}

static void report_text(struct out *o, const struct view_report *d, const char *name)
{
	summary(o, d, name);
	items_text(o, d);
	if (d->nrows)
		rows_text(o, d);
}

/* The stable, script-friendly lines. */
static void report_lines(struct out *o, const struct view_report *d)
{
	if (d->per_item) {
		for (size_t i = 0; i < d->nitems; i++) {
			const struct view_report_row *row = d->items[i].row;
			buf_addf(&o->b, "%s\t%s\t%s\t%s\n", row->c->protocol, row->c->code,
			         row->own_en ? row->own_en : "", row->own_zh ? row->own_zh : "");
		}
		return;
	}
	for (size_t i = 0; i < d->nrows; i++) {
		const struct view_report_row *row = &d->rows[i];
		buf_addf(&o->b, "%llu\t%s\t%s\t%s\t%s\n", (unsigned long long)row->c->n, row->c->protocol,
		         row->c->code, row->own_en ? row->own_en : "", row->own_zh ? row->own_zh : "");
	}
}

static void json_text(struct json *j, const char *key, const struct view_text *t)
{
	if (!t->id) {
		json_str(j, key, NULL);
		return;
	}
	json_open(j, key, '{');
	json_str(j, "id", t->id);
	json_str(j, "en", t->en);
	json_str(j, "zh", t->zh);
	json_close(j, '}');
}

static void json_share(struct json *j, const char *key, double share)
{
	char s[16];
	snprintf(s, sizeof s, "%.4f", share);
	json_raw(j, key, s);
}

static void report_json_items(struct json *j, const struct view_report *d)
{
	json_open(j, "items", '[');
	for (size_t i = 0; i < d->nitems; i++) {
		const struct view_report_item *vi = &d->items[i];
		const struct ex_item *it = vi->it;
		json_open(j, NULL, '{');
		if (it->line)
			json_int(j, "line", (int64_t)it->line);
		json_str(j, "protocol", vi->row->c->protocol);
		json_str(j, "code", vi->row->c->code);
		json_str(j, "method", it->method);
		json_str(j, "url", it->url);
		json_str(j, "text", it->text);
		json_str(j, "command", it->command);
		json_text(j, "judgment", &vi->judgment);
		json_text(j, "hop", &vi->hop);
		json_open(j, "headers", '[');
		for (size_t k = 0; k < it->nhdrs; k++) {
			json_open(j, NULL, '{');
			json_str(j, "name", it->hdrs[k].name);
			json_str(j, "value", it->hdrs[k].value);
			json_text(j, "advice", &vi->hdr_advice[k]);
			json_close(j, '}');
		}
		json_close(j, ']');
		json_close(j, '}');
	}
	json_close(j, ']');
	json_int(j, "items_not_listed", (int64_t)d->r->st.items_dropped);
}

static void report_json(struct json *j, const struct view_report *d, const char *name)
{
	const struct ex_stats *st = &d->r->st;

	json_open(j, NULL, '{');
	json_str(j, "input", name);
	json_str(j, "kind", d->kind.id);
	json_str(j, "kind_en", explain_kind_en(d->r->kind));
	json_str(j, "kind_zh", explain_kind_zh(d->r->kind));
	json_int(j, "bytes", (int64_t)st->bytes);
	json_int(j, "lines", (int64_t)st->lines);
	json_int(j, "with_status", (int64_t)st->used);
	json_int(j, "without_status", (int64_t)st->other);
	json_int(j, "unreadable", (int64_t)st->unreadable);
	json_int(j, "too_long", (int64_t)st->overlong);
	json_int(j, "binary", (int64_t)st->binary);
	json_bool(j, "har_truncated", st->har_truncated);
	json_bool(j, "har_too_large", st->har_too_large);
	json_str(j, "first_seen", st->first[0] ? st->first : NULL);
	json_str(j, "last_seen", st->last[0] ? st->last : NULL);
	json_open(j, "codes", '[');
	for (size_t i = 0; i < d->nrows; i++) {
		const struct view_report_row *row = &d->rows[i];
		const struct ex_count *c = row->c;
		json_open(j, NULL, '{');
		json_str(j, "protocol", c->protocol);
		json_str(j, "code", c->code);
		json_str(j, "class", row->cls);
		json_int(j, "count", (int64_t)c->n);
		json_share(j, "share", row->share);
		json_str(j, "meaning_en", row->own_en);
		json_str(j, "meaning_zh", row->own_zh);
		json_str(j, "entry", c->m.e.id ? c->m.e.code : NULL);
		json_text(j, "rule", &row->rule);
		json_text(j, "range", &row->range);
		json_str(j, "first_seen", c->first[0] ? c->first : NULL);
		json_str(j, "last_seen", c->last[0] ? c->last : NULL);
		json_str(j, "win32_status", c->win32[0] ? c->win32 : NULL);
		json_open(j, "closest", '[');
		for (size_t k = 0; k < c->m.near.n; k++)
			json_str(j, NULL, c->m.near.v[k].code);
		json_close(j, ']');
		json_close(j, '}');
	}
	json_close(j, ']');
	json_open(j, "classes", '[');
	for (size_t k = 0; k < d->nclasses; k++) {
		json_open(j, NULL, '{');
		json_str(j, "protocol", d->classes[k].protocol);
		json_str(j, "class", d->classes[k].cls);
		json_int(j, "count", (int64_t)d->classes[k].n);
		json_share(j, "share", d->classes[k].share);
		json_close(j, '}');
	}
	json_close(j, ']');
	report_json_items(j, d);
	json_close(j, '}');
}

/* Explains one input: 0 read (codes found or not), -1 unreadable. */
static int explain_one(const char *name, struct explain *ex)
{
	int fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY | O_CLOEXEC);
	char *clean = text_clean(name, strlen(name));

	if (fd < 0 || explain_fd(ex, fd) != 0) {
		fputs("statuscodes: ", stderr);
		fprintf(stderr, UI("cannot read %s: %s"), clean, say_strerror(errno));
		fputc('\n', stderr);
		if (fd > STDIN_FILENO)
			close(fd);
		free(clean);
		return -1;
	}
	if (fd > STDIN_FILENO)
		close(fd);
	free(clean);
	explain_finish(ex);
	return 0;
}

int cmd_explain(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	static char dash[] = "-";
	char *std_in[] = { dash };
	char *const *names = argc ? argv : std_in;
	int n = argc ? argc : 1, status = SC_EXIT_NOTFOUND, unreadable = 0, shown = 0;
	bool tty = isatty(STDOUT_FILENO) != 0;
	struct out out;
	struct json j = {0};
	char *cause = NULL;

	out_init(&out, o, tty);
	if (o->json)
		json_open(&j, NULL, '[');
	for (int i = 0; i < n; i++) {
		struct explain *ex = explain_new();
		if (explain_one(names[i], ex) != 0) {
			explain_free(ex);
			unreadable = 1;
			continue;
		}
		struct ex_report *r = explain_report(ex);
		if (explain_resolve(r, st, &cause) != 0) {
			explain_free(ex);
			out_free(&out);
			buf_free(&j.b);
			fprintf(stderr, "statuscodes: %s\n", cause);
			free(cause);
			return SC_EXIT_DB;
		}
		explain_sort(r);
		struct view_report d;
		view_report_build(r, o->json ? LANG_BOTH : o->lang, &d);
		char *clean = text_clean(names[i], strlen(names[i]));
		if (r->ncounts)
			status = SC_EXIT_OK;
		else
			fprintf(stderr, "statuscodes: %s: %s\n", clean, nothing_found());
		if (o->json) {
			report_json(&j, &d, names[i]);
		} else if (tty) {
			if (shown++)
				buf_addc(&out.b, '\n');
			report_text(&out, &d, n > 1 ? clean : NULL);
		} else {
			report_lines(&out, &d);
		}
		out_write(&out, stdout);
		free(clean);
		view_report_free(&d);
		explain_free(ex);
	}
	if (o->json) {
		json_close(&j, ']');
		buf_addc(&j.b, '\n');
		fputs(buf_str(&j.b), stdout);
		buf_free(&j.b);
	}
	out_free(&out);
	return unreadable ? SC_EXIT_INPUT : status;
}

int cmd_explain_seen(struct store *st, const char *name, struct cli_seen **out, size_t *n)
{
	struct explain *ex = explain_new();
	char *cause = NULL;

	*out = NULL;
	*n = 0;
	if (explain_one(name, ex) != 0) {
		explain_free(ex);
		return SC_EXIT_INPUT;
	}
	struct ex_report *r = explain_report(ex);
	if (explain_resolve(r, st, &cause) != 0) {
		fprintf(stderr, "statuscodes: %s\n", cause);
		free(cause);
		explain_free(ex);
		return SC_EXIT_DB;
	}
	explain_sort(r);
	*out = xcalloc(r->ncounts ? r->ncounts : 1, sizeof **out);
	for (size_t i = 0; i < r->ncounts; i++) {
		const struct ex_count *c = &r->counts[i];
		if (!c->m.e.id || (c->m.rule != EX_RULE_EXACT && c->m.rule != EX_RULE_RANGE))
			continue;   /* 000, unregistered codes: no entry of their own to open */
		struct cli_seen *s = &(*out)[(*n)++];
		snprintf(s->protocol, sizeof s->protocol, "%s", c->m.e.protocol);
		snprintf(s->code, sizeof s->code, "%s", c->m.e.code);
		s->n = c->n;
	}
	explain_free(ex);
	if (*n == 0) {
		char *clean = text_clean(name, strlen(name));
		fprintf(stderr, "statuscodes: %s: %s\n", clean, nothing_found());
		free(clean);
		free(*out);
		*out = NULL;
		return SC_EXIT_NOTFOUND;
	}
	return SC_EXIT_OK;
}
