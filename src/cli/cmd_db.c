/* cmd_db.c: the commands about the database itself: sources (and
 * --coverage) and import. */
#include "config.h"
#include "cli_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "fmt.h"
#include "import.h"
#include "render.h"
#include "store_write.h"
#include "str.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

/* The texts --coverage counts, in both languages. */
static const struct { const char *name; size_t off; } cov_fields[] = {
	{ "phrase_en", offsetof(struct sc_entry, phrase_en) },
	{ "phrase_zh", offsetof(struct sc_entry, phrase_zh) },
	{ "summary_en", offsetof(struct sc_entry, summary_en) },
	{ "summary_zh", offsetof(struct sc_entry, summary_zh) },
	{ "detail_en", offsetof(struct sc_entry, detail_en) },
	{ "detail_zh", offsetof(struct sc_entry, detail_zh) },
	{ "check_en", offsetof(struct sc_entry, check_en) },
	{ "check_zh", offsetof(struct sc_entry, check_zh) },
};
#define NCOV (sizeof cov_fields / sizeof cov_fields[0])

static bool cov_has(const struct sc_entry *e, size_t f)
{
	return !str_empty(*(char *const *)((const char *)e + cov_fields[f].off));
}

/* One row of the table: the entries of protocol (NULL: the standard codes
 * of every protocol) and how many of them have each text. Returns how many
 * texts are missing that must be there: any, for standard codes; phrase and
 * summary, for the others. */
static size_t cov_row(const struct sc_entries *all, const char *protocol, const struct cli_opts *o,
                      struct json *j, const size_t *width)
{
	size_t n = 0, have[NCOV] = {0}, missing = 0;

	for (size_t i = 0; i < all->n; i++) {
		const struct sc_entry *e = &all->v[i];
		if (protocol ? strcmp(e->protocol, protocol) != 0 : strcmp(e->status, "standard") != 0)
			continue;
		n++;
		for (size_t f = 0; f < NCOV; f++)
			have[f] += cov_has(e, f);
	}
	for (size_t f = 0; f < NCOV; f++)
		missing += protocol && f >= 4 ? 0 : n - have[f];
	if (o->json) {
		json_open(j, NULL, '{');
		json_str(j, "protocol", protocol ? protocol : "standard");
		json_int(j, "entries", (int64_t)n);
		for (size_t f = 0; f < NCOV; f++)
			json_int(j, cov_fields[f].name, (int64_t)have[f]);
		json_close(j, '}');
	} else {
		const char *name = protocol ? protocol : UI("standard");
		printf("%s%*s %*zu", name, (int)(10 - text_width(name)), "", (int)width[NCOV], n);
		for (size_t f = 0; f < NCOV; f++) {
			if (protocol)
				printf(" %*zu", (int)width[f], have[f]);
			else
				printf(" %*.0f%%", (int)width[f] - 1,
				       n ? 100.0 * (double)have[f] / (double)n : 100.0);
		}
		printf("\n");
	}
	return missing;
}

/* How many entries of each protocol have each text in each language, and
 * the share of the standard codes that have all of them. */
static int coverage(struct store *st, const struct cli_opts *o)
{
	struct sc_entries all = {0};
	struct sc_protocols ps = {0};
	char *cause = NULL;
	struct json j = {0};
	size_t missing = 0, width[NCOV + 1];
	/* the headings: the field names in English, words in Chinese */
	const char *head[NCOV + 1] = {
		UI("phrase_en"), UI("phrase_zh"), UI("summary_en"), UI("summary_zh"),
		UI("detail_en"), UI("detail_zh"), UI("check_en"), UI("check_zh"), UI("entries"),
	};

	for (size_t f = 0; f <= NCOV; f++) {
		width[f] = text_width(head[f]);
		if (width[f] < 7)
			width[f] = 7;   /* "entries", and a count or "100%" */
	}

	if (store_list(st, NULL, NULL, &all, &cause) != 0 || store_protocols(st, &ps, &cause) != 0) {
		sc_entries_free(&all);
		sc_protocols_free(&ps);
		return cli_db_failed(cause);
	}
	if (o->json) {
		json_open(&j, NULL, '[');
	} else {
		const char *proto = UI("protocol");
		printf("%s%*s %*s%s", proto, (int)(10 - text_width(proto)), "",
		       (int)(width[NCOV] - text_width(head[NCOV])), "", head[NCOV]);
		for (size_t f = 0; f < NCOV; f++)
			printf(" %*s%s", (int)(width[f] - text_width(head[f])), "", head[f]);
		printf("\n");
	}
	for (size_t p = 0; p < ps.n; p++)
		missing += cov_row(&all, ps.v[p].id, o, &j, width);
	missing += cov_row(&all, NULL, o, &j, width);
	if (o->json) {
		json_close(&j, ']');
		cli_print_json(&j);
	} else {
		for (size_t i = 0; i < all.n; i++) {
			const struct sc_entry *e = &all.v[i];
			bool standard = strcmp(e->status, "standard") == 0;
			struct buf b = {0};
			for (size_t f = 0; f < NCOV; f++)
				if ((standard || f < 4) && !cov_has(e, f))
					buf_addf(&b, " %s", head[f]);
			if (b.len) {
				printf(UI("missing: %s %s%s"), e->protocol, e->code, buf_str(&b));
				putchar('\n');
			}
			buf_free(&b);
		}
		puts(missing ? UI("coverage: incomplete") : UI("coverage: 100%"));
	}
	sc_entries_free(&all);
	sc_protocols_free(&ps);
	return SC_EXIT_OK;
}

/* One source of `sources --json`: its facts and its findings. */
/* A finding under its source: the source is the object around it. */
static const struct json_key source_finding_keys[] = {
	JSON_INT_KEY(struct sc_finding, line, "line"), JSON_KEY(struct sc_finding, kind, "kind"),
	JSON_KEY(struct sc_finding, label, "label"), JSON_KEY(struct sc_finding, code, "code"),
	JSON_KEY(struct sc_finding, message, "message"), JSON_KEY(struct sc_finding, resolution, "resolution"),
	JSON_KEY(struct sc_finding, message_zh, "message_zh"),
	JSON_KEY(struct sc_finding, resolution_zh, "resolution_zh"),
};

static void source_json(struct json *j, const struct sc_source *s, const struct sc_findings *fs)
{
	json_open(j, NULL, '{');
	json_str(j, "file", s->file);
	json_str(j, "kind", s->kind);
	json_str(j, "format", s->format);
	json_str(j, "title", s->title);
	json_str(j, "author", s->author);
	json_str(j, "date", s->date);
	json_str(j, "language", s->language);
	json_int(j, "bytes", s->bytes);
	json_int(j, "lines", s->lines);
	json_int(j, "rows", s->rows);
	json_int(j, "claims", s->claims);
	json_open(j, "findings", '[');
	for (size_t k = 0; k < fs->n; k++)
		json_object(j, &fs->v[k], source_finding_keys, JSON_NKEYS(source_finding_keys));
	json_close(j, ']');
	json_close(j, '}');
}

/* One source of `sources` as text: name, kind, title, counts, and each
 * finding wrapped under it (in Chinese with --lang zh when the project
 * wrote one). */
static void source_text(struct out *out, enum lang lang, const struct sc_source *s,
                        const struct sc_findings *fs)
{
	out_colored(out, PAL_HEADING, s->file);
	buf_addf(&out->b, "  %s, %s, %s\n", s->kind, s->format, s->language ? s->language : "?");
	if (s->title || s->author || s->date)
		buf_addf(&out->b, "  %s%s%s%s%s\n", s->title ? s->title : "",
		         s->author ? " / " : "", s->author ? s->author : "",
		         s->date ? " / " : "", s->date ? s->date : "");
	/* each count with its own noun: "1 row taken", "2 rows taken" */
	buf_addf(&out->b, s->lines == 1 ? UI("  %lld line; ") : UI("  %lld lines; "), (long long)s->lines);
	buf_addf(&out->b, s->rows == 1 ? UI("%lld row taken; ") : UI("%lld rows taken; "), (long long)s->rows);
	buf_addf(&out->b, s->claims == 1 ? UI("%lld claim; ") : UI("%lld claims; "), (long long)s->claims);
	buf_addf(&out->b, fs->n == 1 ? UI("%lld defect found") : UI("%lld defects found"), (long long)fs->n);
	buf_addc(&out->b, '\n');
	for (size_t k = 0; k < fs->n; k++) {
		const struct sc_finding *f = &fs->v[k];
		char *line;
		/* --lang zh: the finding as the project wrote it in Chinese, when it did */
		bool zh = lang == LANG_ZH && f->message_zh && f->resolution_zh;
		char *where = f->line ? xasprintf(UI("line %d"), f->line) : xstrdup(UI("whole document"));
		line = xasprintf(UI("%s, %s: %s. Resolved: %s."), where, f->kind,
		                 zh ? f->message_zh : f->message, zh ? f->resolution_zh : f->resolution);
		free(where);
		out_wrapped(out, 4, line);
		free(line);
	}
}

int cmd_sources(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct sc_sources ss = {0};
	char *cause = NULL;

	if (argc > 0)
		return cli_usage_error(UI("%s takes no argument ('%s')"), "sources", argv[0]);
	if (o->coverage)
		return coverage(st, o);
	if (store_sources(st, &ss, &cause) != 0)
		return cli_db_failed(cause);
	struct json j = {0};
	struct out out;
	out_init(&out, o, cli_stdout_tty());
	if (o->json)
		json_open(&j, NULL, '[');
	for (size_t i = 0; i < ss.n; i++) {
		const struct sc_source *s = &ss.v[i];
		struct sc_findings fs = {0};
		if (store_findings(st, s->id, 0, &fs, &cause) != 0) {
			sc_sources_free(&ss);
			out_free(&out);
			buf_free(&j.b);
			return cli_db_failed(cause);
		}
		if (o->json) {
			source_json(&j, s, &fs);
		} else {
			if (i)
				buf_addc(&out.b, '\n');
			source_text(&out, o->lang, s, &fs);
			out_write(&out, stdout);
		}
		sc_findings_free(&fs);
	}
	if (o->json) {
		json_close(&j, ']');
		cli_print_json(&j);
	}
	out_free(&out);
	sc_sources_free(&ss);
	return SC_EXIT_OK;
}

/* Imports d in the transaction st has open and commits it (rolls back
 * with --dry-run). The same document imported again (its claims repeat an
 * earlier source's, store_source_repeat) is rolled back before the
 * entries are worked out again, and *repeat set: a second import would
 * only store every claim twice. 0, or -1 with *cause, rolled back. */
static int import_once(struct store *st, const struct cli_opts *o, const struct doc *d,
                       struct import_summary *sum, bool *repeat, char **cause)
{
	int64_t same = 0;

	*repeat = false;
	if (import_document(st, d, "user", sum, stdout, cause) != 0 ||
	    (same = store_source_repeat(st, sum->source_id, cause)) < 0 ||
	    (same == 0 && (import_finish(st, cause) != 0 ||
	                   (!o->dry_run && (store_commit(st, cause) != 0 || store_publish(st, cause) != 0))))) {
		store_rollback(st);
		return -1;
	}
	*repeat = same > 0;
	if (*repeat || o->dry_run)
		store_rollback(st);
	return 0;
}

int cmd_import(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct doc d;
	struct import_summary sum;
	char *cause = NULL;
	bool repeat;

	if (argc != 1)
		return cli_usage_error(UI("import needs one file"));
	/* named as given, so that every message says which file (issue 15 item 13) */
	if (doc_load(argv[0], argv[0], &d, &cause) != 0) {
		fprintf(stderr, "statuscodes: %s\n", cause);
		free(cause);
		return SC_EXIT_INPUT;
	}
	printf(UI("%s: read as %s: %zu rows"), d.file, d.format, d.nrows);
	putchar('\n');
	if (store_begin(st, &cause) != 0 || import_once(st, o, &d, &sum, &repeat, &cause) != 0) {
		doc_free(&d);
		return cli_db_failed(cause);
	}
	if (repeat) {
		printf(UI("%s: imported before, the same claims: nothing written"), d.file);
		putchar('\n');
		doc_free(&d);
		return SC_EXIT_OK;
	}
	printf(UI("%s: taken %zu rows (%zu new entries), %zu claims (%zu used); rejected %zu lines; %zu findings"),
	       d.file, sum.rows, sum.entries_new, sum.claims, sum.used, sum.rejected, sum.findings);
	printf("%s\n", o->dry_run ? UI("; dry run: nothing written") : "");
	doc_free(&d);
	return SC_EXIT_OK;
}
