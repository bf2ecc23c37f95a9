/* render_json.c: entries as JSON. An entry is drawn from its document
 * (render_json_drawer, built for LANG_BOTH) into slots, one per group of
 * keys, and written in the order the JSON has always had, with null or []
 * for what the entry lacks. Also the rows of lists and searches, and
 * comparisons. */
#include "config.h"
#include "render.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "search.h"
#include "xmalloc.h"

/* What a slot holds when no section filled it: keys with null, or for an
 * array (key ending in '['), its key. */
static const char *const slot_empty[JS_COUNT] = {
	[JS_HEAD] = "", [JS_SUMMARY] = "\"summary_en\":null,\"summary_zh\":null",
	[JS_DETAIL] = "\"detail_en\":null,\"detail_zh\":null",
	[JS_CHECK] = "\"check_en\":null,\"check_zh\":null",
	[JS_BY] = "\"summary_en_by\":null,\"summary_zh_by\":null", [JS_PARENT] = "\"parent\":null",
	[JS_FORMER] = "former_meanings[", [JS_MEANINGS] = "other_meanings[", [JS_SUB] = "sub_status[", [JS_XREFS] = "xrefs[",
	[JS_CLAIMS] = "claims[", [JS_FINDINGS] = "findings[",
};

/* The slot, ready to take keys (or array elements) after what it has. */
static struct json *slot(struct json_entry *je, enum json_slot k)
{
	struct json *j = &je->slot[k];
	if (j->depth == 0)
		j->depth = 1;
	return j;
}

void render_entry_fields_json(struct json *j, const struct sc_entry *e)
{
	json_str(j, "protocol", e->protocol);
	json_str(j, "code", e->code);
	json_str(j, "class", e->class_id);
	json_str(j, "phrase_en", e->phrase_en);
	json_str(j, "phrase_zh", e->phrase_zh);
	json_str(j, "status", e->status);
	json_str(j, "spec", e->spec);
	json_str(j, "vendor", e->vendor);
}

static void draw_head(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		if (it->role == VR_PHRASE)
			render_entry_fields_json(slot(ctx, JS_HEAD), it->ref);
		else if (it->role == VR_PARENT)
			json_str(slot(ctx, JS_PARENT), "parent", it->ref->code);
	}
}

static void draw_summary(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct view_item *it = &s->v[i];
		struct json *j = slot(ctx, it->role == VR_TEXT ? JS_SUMMARY : JS_BY);
		json_str(j, it->role == VR_TEXT ? "summary_en" : "summary_en_by", it->en);
		json_str(j, it->role == VR_TEXT ? "summary_zh" : "summary_zh_by", it->zh);
	}
}

static void draw_paragraphs(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	bool check = s->kind == VS_CHECK;
	struct json *j = slot(ctx, check ? JS_CHECK : JS_DETAIL);

	json_str(j, check ? "check_en" : "detail_en", s->v[0].en);
	json_str(j, check ? "check_zh" : "detail_zh", s->v[0].zh);
}

static const struct json_key former_keys[] = {
	JSON_KEY(struct view_item, en, "former_en"), JSON_KEY(struct view_item, zh, "former_zh"),
	JSON_KEY(struct view_item, note_en, "note_en"), JSON_KEY(struct view_item, note_zh, "note_zh"),
};

/* the last two, the note, only on a compare */
static const struct json_key meaning_keys[] = {
	JSON_KEY(struct view_item, en, "meaning_en"), JSON_KEY(struct view_item, zh, "meaning_zh"),
	JSON_KEY(struct view_item, title_en, "who_en"), JSON_KEY(struct view_item, title_zh, "who_zh"),
	JSON_KEY(struct view_item, note_en, "note_en"), JSON_KEY(struct view_item, note_zh, "note_zh"),
};

static const struct json_key xref_keys[] = {
	JSON_KEY(struct sc_xref, kind, "kind"), JSON_KEY(struct sc_xref, other.protocol, "protocol"),
	JSON_KEY(struct sc_xref, other.code, "code"), JSON_KEY(struct sc_xref, other.phrase_en, "phrase_en"),
	JSON_KEY(struct sc_xref, other.phrase_zh, "phrase_zh"),
	JSON_KEY(struct sc_xref, note_en, "note_en"), JSON_KEY(struct sc_xref, note_zh, "note_zh"),
};

static const struct json_key claim_keys[] = {
	JSON_KEY(struct sc_claim, source, "source"), JSON_INT_KEY(struct sc_claim, line, "line"),
	JSON_KEY(struct sc_claim, label, "label"), JSON_KEY(struct sc_claim, field, "field"),
	JSON_KEY(struct sc_claim, lang, "lang"), JSON_KEY(struct sc_claim, state, "state"),
	JSON_KEY(struct sc_claim, value, "value"),
};

static const struct json_key finding_keys[] = {
	JSON_KEY(struct sc_finding, source, "source"), JSON_INT_KEY(struct sc_finding, line, "line"),
	JSON_KEY(struct sc_finding, kind, "kind"), JSON_KEY(struct sc_finding, label, "label"),
	JSON_KEY(struct sc_finding, message, "message"), JSON_KEY(struct sc_finding, resolution, "resolution"),
	JSON_KEY(struct sc_finding, message_zh, "message_zh"),
	JSON_KEY(struct sc_finding, resolution_zh, "resolution_zh"),
};

static void draw_former(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++)
		json_object(slot(ctx, JS_FORMER), &s->v[i], former_keys, JSON_NKEYS(former_keys));
}

static void draw_others(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	struct json *j = slot(ctx, JS_MEANINGS);

	for (size_t i = 0; i < s->n; i++)
		json_object(j, &s->v[i], meaning_keys, JSON_NKEYS(meaning_keys));
}

static void draw_sub_status(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++)
		json_str(slot(ctx, JS_SUB), NULL, s->v[i].ref->code);
}

/* Every kind of cross-reference goes into the one array "xrefs"; a
 * compare carries its note on every peer. */
static void draw_xrefs(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct sc_xref *x = s->v[i].xref;
		size_t n = x->note_en || x->note_zh ? JSON_NKEYS(xref_keys) : JSON_NKEYS(xref_keys) - 2;
		json_object(slot(ctx, JS_XREFS), x, xref_keys, n);
	}
}

static void draw_sources(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++)
		json_object(slot(ctx, JS_CLAIMS), s->v[i].claim, claim_keys, JSON_NKEYS(claim_keys));
}

static void draw_defects(void *ctx, const struct view_entry *d, const struct view_section *s)
{
	for (size_t i = 0; i < s->n; i++)
		json_object(slot(ctx, JS_FINDINGS), s->v[i].finding, finding_keys, JSON_NKEYS(finding_keys));
}

const struct view_drawer render_json_drawer = {
	.name = "json",
	.draw = {
		[VS_HEAD] = draw_head, [VS_SUMMARY] = draw_summary, [VS_CHECK] = draw_paragraphs,
		[VS_FORMER] = draw_former, [VS_MEANINGS] = draw_others, [VS_DETAILS] = draw_paragraphs, [VS_SUB_STATUS] = draw_sub_status,
		[VS_CONFUSABLES] = draw_xrefs, [VS_SAME_NUMBER] = draw_xrefs, [VS_MENTIONS] = draw_xrefs,
		[VS_MENTIONED_BY] = draw_xrefs, [VS_SOURCES] = draw_sources, [VS_DEFECTS] = draw_defects,
	},
};

/* Appends JSON text (keys, or array elements) as j's next member(s). */
static void json_members(struct json *j, const char *text)
{
	if (*text)
		json_raw(j, NULL, text);
}

void render_entry_json(struct json *j, const struct view_entry *d)
{
	struct json_entry je;

	memset(&je, 0, sizeof je);
	view_entry_draw(d, &render_json_drawer, &je);
	json_open(j, NULL, '{');
	for (int k = 0; k < JS_COUNT; k++) {
		const char *empty = slot_empty[k];
		size_t len = strlen(empty);
		if (len && empty[len - 1] == '[') {
			char *key = xstrndup(empty, len - 1);
			json_open(j, key, '[');
			json_members(j, buf_str(&je.slot[k].b));
			json_close(j, ']');
			free(key);
		} else {
			json_members(j, je.slot[k].b.len ? buf_str(&je.slot[k].b) : empty);
		}
		buf_free(&je.slot[k].b);
	}
	if (d->nchildren > d->children.n)   /* sub_status holds the first ones */
		json_int(j, "sub_status_count", (int64_t)d->nchildren);
	json_close(j, '}');
}

void render_row_json(struct json *j, const struct sc_entry *e, const char *snippet, bool fuzzy)
{
	json_open(j, NULL, '{');
	render_entry_fields_json(j, e);
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

/* Two entries: {"entries", "title_en", ..., "note_zh"} as always; more:
 * {"entries", "notes": [{"a", "b", "title_en", ..., "note_zh"}]}, a note
 * for each pair that has one. */
void render_compare_json(struct json *j, const struct view_entry *const *v, size_t n)
{
	json_open(j, NULL, '{');
	json_open(j, "entries", '[');
	for (size_t i = 0; i < n; i++)
		render_entry_json(j, v[i]);
	json_close(j, ']');
	if (n > 2)
		json_open(j, "notes", '[');
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++) {
			const struct sc_xref *note = render_compare_note(v[i], v[k]);
			if (n > 2 && note == NULL)
				continue;
			if (n > 2) {
				json_open(j, NULL, '{');
				json_str(j, "a", v[i]->e.code);
				json_str(j, "b", v[k]->e.code);
			}
			json_str(j, "title_en", note ? note->title_en : NULL);
			json_str(j, "title_zh", note ? note->title_zh : NULL);
			json_str(j, "note_en", note ? note->note_en : NULL);
			json_str(j, "note_zh", note ? note->note_zh : NULL);
			if (n > 2)
				json_close(j, '}');
		}
	if (n > 2)
		json_close(j, ']');
	json_close(j, '}');
}
