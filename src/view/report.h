/* report.h: the explain report document, what a person is shown about the
 * input they pasted or piped, built once from explain's report (after
 * explain_resolve and explain_sort) for every front end: the CLI's text,
 * its tab-separated rows and its JSON (and, later, the browser's "Seen"
 * pane). Texts are already filtered by language: a text the chosen language
 * does not want is NULL.
 *
 * Ownership: view_report_build() fills a caller-provided struct; it points
 * into the ex_report it was built from, which must outlive it. Free with
 * view_report_free(). */
#ifndef SC_VIEW_REPORT_H
#define SC_VIEW_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "explain.h"
#include "lang.h"
#include "palette.h"

/* The report's own words. X(id, English, Chinese) */
#define VIEW_REPORT_LABELS(X) \
	X(VRL_READ_AS,     "Read as",                       "识别为") \
	X(VRL_LINES,       "lines",                         "行") \
	X(VRL_WITH_STATUS, "with a status",                 "含状态码") \
	X(VRL_OTHER,       "without one",                   "不含状态码") \
	X(VRL_UNREADABLE,  "could not be read",             "无法读取") \
	X(VRL_OVERLONG,    "too long, skipped",             "过长，已跳过") \
	X(VRL_BINARY,      "binary (NUL bytes), skipped",   "二进制（含 NUL），已跳过") \
	X(VRL_TRUNCATED,   "the HAR file ends early; entries before the break were read", \
	                   "HAR 文件提前结束；已读取断点之前的条目") \
	X(VRL_TOO_LARGE,   "the HAR file is too large to read", "HAR 文件过大，无法读取") \
	X(VRL_NOT_LISTED,  "more not listed (still counted)", "条未列出（仍计入统计）") \
	X(VRL_CODES,       "Codes seen",                    "出现的状态码") \
	X(VRL_CLASSES,     "Per class",                     "按类别") \
	X(VRL_RESPONSES,   "Responses, in order",           "响应（按顺序）") \
	X(VRL_REPLIES,     "Replies, in order",             "应答（按顺序）") \
	X(VRL_EVENTS,      "Close events, in order",        "关闭事件（按顺序）") \
	X(VRL_REQUESTS,    "Requests, in order",            "请求（按顺序）") \
	X(VRL_FIRST_SEEN,  "first seen",                    "首次出现") \
	X(VRL_LAST_SEEN,   "last seen",                     "最后出现") \
	X(VRL_CLOSEST,     "closest codes",                 "最接近的状态码") \
	X(VRL_TREATED_AS,  "treated as",                    "按此处理") \
	X(VRL_NOTHING,     "no status code found in the input", "输入中没有找到状态码") \
	X(VRL_WIN32,       "Win32 status",                  "Win32 状态") \
	X(VRL_ANSWERS,     "answers",                       "回应") \
	X(VRL_NO_RESPONSE, "No response at all",            "完全没有响应") \
	X(VRL_INVALID,     "Not a valid status code",       "不是有效的状态码") \
	X(VRL_UNREGISTERED, "unregistered, treated as",     "未注册，按此处理：") \
	X(VRL_PARENT_OF,   "sub-status not listed, meaning of", "子状态未收录，取其主状态码：") \
	X(VRL_IN_RANGE,    "in the range",                  "所属范围")

enum view_report_label {
#define VRL_ENUM(id, en, zh) id,
	VIEW_REPORT_LABELS(VRL_ENUM)
#undef VRL_ENUM
	VRL_COUNT
};
struct view_label {
	const char *en, *zh;
};
extern const struct view_label view_report_labels[VRL_COUNT];

/* A text in both languages, filtered (NULL where not wanted). */
struct view_text {
	const char *id;        /* stable name for JSON, or NULL */
	const char *en, *zh;
};

/* One code seen. */
struct view_report_row {
	const struct ex_count *c;
	const char *protocol;  /* as written for people: HTTP, FTP, WebSocket */
	enum palette color;
	char cls[16];          /* 4xx, 3000-3999 */
	double share;          /* of all codes seen, 0..1 */
	struct view_text meaning;  /* the phrase, with how a rule found it ("Bad Request
	                            * (unregistered, treated as 400)") */
	char *own_en, *own_zh;     /* what meaning points to (owned) */
	struct view_text rule;     /* how the meaning was found (NULL texts when exact) */
	struct view_text range;    /* WebSocket 3000-4999 range advice, or NULL texts */
};

/* One response, request, reply or close event, in input order. */
struct view_report_item {
	const struct ex_item *it;
	const struct view_report_row *row;
	char *url;             /* shortened to fit a line; NULL when none */
	struct view_text judgment, hop;    /* NULL texts when none */
	struct view_text *hdr_advice;      /* one per it->hdrs */
};

struct view_report_class {
	const char *protocol;  /* id */
	char cls[16];
	uint64_t n;
	double share;
	enum palette color;
};

struct view_report {
	enum lang lang;
	const struct ex_report *r;
	struct view_text kind;
	const char *items_heading_en, *items_heading_zh;
	bool per_item;         /* heads, FTP, WebSocket: one row per item in lines output */
	uint64_t total;        /* occurrences of all codes */
	struct view_report_row *rows;
	size_t nrows;
	struct view_report_item *items;
	size_t nitems;
	struct view_report_class *classes;
	size_t nclasses;
};

void view_report_build(const struct ex_report *r, enum lang lang, struct view_report *doc);
void view_report_free(struct view_report *doc);

/* The label in the wanted language(s) ("en · zh" for both); caller frees. */
char *view_report_label(enum lang lang, enum view_report_label id);

#endif
