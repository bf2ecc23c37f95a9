/* labels.h: the words the program itself puts on screen, in both
 * languages, each in one table: the headings of an entry's sections, the
 * names of entry statuses, how protocols are written for people. The
 * CLI, the JSON writer and the browser all take them from here. */
#ifndef SC_LABELS_H
#define SC_LABELS_H

/* The sections of an entry document (entry.h), in the order they are
 * shown, with the cross-reference kind a section collects (NULL for
 * sections that are not cross-references) and its heading (NULL for the
 * head and the summary, which have none).
 *        id               name            xref kind       heading en / zh */
#define VIEW_SECTIONS(X) \
	X(VS_HEAD,         "head",         NULL,           NULL, NULL) \
	X(VS_SUMMARY,      "summary",      NULL,           NULL, NULL) \
	X(VS_CHECK,        "check",        NULL,           "What to check", "排查要点") \
	X(VS_FORMER,       "former",       NULL,           "Former meaning (no longer current)", \
	                                                   "曾经的含义（已不再使用）") \
	X(VS_MEANINGS,     "meanings",     NULL,           "Other meanings of this number", \
	                                                   "该编号的其他含义") \
	X(VS_DETAILS,      "details",      NULL,           "Details", "详细说明") \
	X(VS_SUB_STATUS,   "sub_status",   NULL,           "Sub-status codes (IIS)", "子状态码（IIS）") \
	X(VS_CONFUSABLES,  "confusables",  "compare",      "Easily confused with", "容易混淆") \
	X(VS_SAME_NUMBER,  "same_number",  "same-number",  "Same number in another protocol", \
	                                                   "其他协议中的同一编号") \
	X(VS_MENTIONS,     "mentions",     "mentions",     "Mentions", "提到") \
	X(VS_MENTIONED_BY, "mentioned_by", "mentioned-by", "Mentioned by", "被提到") \
	X(VS_SOURCES,      "sources",      NULL,           "Sources", "来源") \
	X(VS_DEFECTS,      "defects",      NULL,           "Defects found in the sources", "来源中发现的问题")

enum view_section_kind {
#define VS_ENUM(id, name, xref, en, zh) id,
	VIEW_SECTIONS(VS_ENUM)
#undef VS_ENUM
	VS_COUNT
};

struct label_section {
	const char *name;            /* a stable identifier: "sub_status" */
	const char *xref_kind;       /* NULL when not a cross-reference section */
	const char *en, *zh;         /* the heading, NULL when it has none */
};
/* Indexed by enum view_section_kind. */
extern const struct label_section label_sections[VS_COUNT];

/* The section that collects cross-references of this kind, or VS_COUNT
 * for a kind no section shows. */
enum view_section_kind label_xref_section(const char *kind);

/* The Chinese name of an entry status (standard -> 标准); the one table of
 * status names. Unknown values are returned as they are. */
const char *label_status_zh(const char *status);

/* How a protocol id is written for people: http -> HTTP, websocket ->
 * WebSocket. */
const char *label_protocol(const char *id);

#endif
