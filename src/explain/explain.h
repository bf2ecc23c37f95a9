/* explain.h: reading what users paste or pipe and saying which status codes
 * it holds. Input is recognised by content, never by file name: HTTP
 * response heads (curl -sI/-i/-v, wget -S, HTTPie, raw), access logs (NCSA
 * common/combined, IIS W3C extended, JSON lines), HAR files, FTP session
 * transcripts, WebSocket close lines and plain lists of codes.
 *
 * Bytes are fed in as they arrive (explain_feed) and never kept whole,
 * except a HAR document, which is one JSON value (capped at EX_HAR_MAX).
 * Lines longer than EX_LINE_MAX are skipped and counted. Memory is bounded
 * by the caps below whatever the input size. No printing here: the report
 * is data for the view layer. */
#ifndef SC_EXPLAIN_H
#define SC_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define EX_LINE_MAX   (256u * 1024u)         /* longer lines are skipped */
#define EX_HAR_MAX    (128u * 1024u * 1024u)  /* a larger HAR is not read */
#define EX_ITEMS_MAX  10000u                  /* items listed; more are only counted */
#define EX_CODES_MAX  4096u                   /* distinct codes; more are counted as other */
#define EX_SNIFF_LINES 64u                    /* lines looked at to recognise the input */
#define EX_TIME_MAX   40u
#define EX_VALUE_MAX  512u                    /* header values and texts are cut here */

/* What the input was taken for. X(name, id, English, Chinese) */
#define EX_KINDS(X) \
	X(EX_NONE,  "none",  "nothing recognised",              "无法识别") \
	X(EX_HEADS, "http-heads", "HTTP response heads",        "HTTP 响应头") \
	X(EX_NCSA,  "ncsa-log", "NCSA common/combined access log", "NCSA 通用/组合访问日志") \
	X(EX_IIS,   "iis-log", "IIS W3C extended log",          "IIS W3C 扩展日志") \
	X(EX_JSONL, "json-log", "JSON lines access log",        "JSON 行访问日志") \
	X(EX_HAR,   "har",   "HAR file (browser network log)",  "HAR 文件（浏览器网络日志）") \
	X(EX_FTP,   "ftp",   "FTP session transcript",          "FTP 会话记录") \
	X(EX_WS,    "websocket", "WebSocket close events",      "WebSocket 关闭事件") \
	X(EX_CODES, "codes", "list of status codes",            "状态码列表")

enum ex_kind {
#define EX_KIND_ENUM(name, id, en, zh) name,
	EX_KINDS(EX_KIND_ENUM)
#undef EX_KIND_ENUM
	EX_KIND_COUNT
};
const char *explain_kind_id(enum ex_kind k);
const char *explain_kind_en(enum ex_kind k);
const char *explain_kind_zh(enum ex_kind k);

/* How a code's meaning was found (explain_resolve). */
enum ex_rule {
	EX_RULE_EXACT,       /* the code is in the database */
	EX_RULE_PARENT,      /* a sub-status (403.99) not in it: its parent's meaning */
	EX_RULE_CLASS,       /* unregistered: RFC 9110 15 says treat 4xx as 400 etc. */
	EX_RULE_RANGE,       /* a WebSocket code inside a registered range */
	EX_RULE_NO_RESPONSE, /* 000 (curl) or 0 (HAR): no response at all */
	EX_RULE_INVALID,     /* outside every range the protocol defines */
};

/* A header worth calling out, with the advice for it (see advice.c). */
struct ex_header {
	char *name, *value;
	int   advice;         /* index into explain_advice[] */
};

/* One response of a head chain, one HAR entry, one FTP reply or one
 * WebSocket close event, in input order. */
struct ex_item {
	size_t line;          /* the input line it started on (1-based) */
	int    count;         /* index into report.counts: its code and meaning */
	char  *method, *url;  /* HAR; NULL otherwise */
	char  *text;          /* status line phrase, reply text, close reason, or NULL */
	char  *command;       /* FTP: the command it answered, or NULL */
	struct ex_header *hdrs;
	size_t nhdrs;
	int    judgment;      /* index into explain_advice[], -1 none (FTP sequences) */
	int    hop;           /* index into explain_advice[], -1 none (who answered) */
};

struct ex_meaning {
	enum ex_rule rule;
	struct sc_entry e;        /* id 0 when nothing applies */
	char as_code[16];         /* the code whose meaning is given (400 for 449) */
	struct sc_entries near;   /* closest codes by number (unregistered codes) */
};

/* One code seen, with how often and when. */
struct ex_count {
	char     protocol[12];    /* http, ftp, websocket */
	char     code[16];        /* 404, 403.14, 000, 4001 */
	int      num, sub;        /* sub -1 when none */
	uint64_t n;
	char     first[EX_TIME_MAX], last[EX_TIME_MAX]; /* "" when the input has no times */
	char     win32[12];       /* IIS: the last non-zero sc-win32-status, "" none */
	struct ex_meaning m;      /* filled by explain_resolve */
};

struct ex_stats {
	uint64_t bytes, lines;
	uint64_t used;        /* lines that gave a status */
	uint64_t other;       /* lines read that carry no status (headers, comments, bodies) */
	uint64_t unreadable;  /* lines of the input's kind that could not be read */
	uint64_t overlong;    /* lines over EX_LINE_MAX, skipped */
	uint64_t binary;      /* lines holding NUL bytes, skipped */
	uint64_t items_dropped;   /* items over EX_ITEMS_MAX (still counted) */
	uint64_t codes_dropped;   /* occurrences of codes over EX_CODES_MAX */
	bool     har_truncated;   /* the HAR ended early; entries before it were read */
	bool     har_too_large;
	char     first[EX_TIME_MAX], last[EX_TIME_MAX];
};

struct ex_report {
	enum ex_kind kind;
	struct ex_stats st;
	struct ex_item *items;
	size_t nitems, capitems;
	struct ex_count *counts;  /* in order of first appearance until explain_sort */
	size_t ncounts, capcounts;
};

struct explain;

struct explain *explain_new(void);
void explain_free(struct explain *ex);
/* Take the input as kind k without recognising it (tests and fuzzing
 * use this to reach each parser); before any input. */
void explain_set_kind(struct explain *ex, enum ex_kind k);
/* Feed n bytes of input (any split). */
void explain_feed(struct explain *ex, const char *data, size_t n);
/* Read fd to its end, feeding it. Returns 0, or -1 with errno set. */
int explain_fd(struct explain *ex, int fd);
/* End of input: the last line, the HAR document, the kind if still open. */
void explain_finish(struct explain *ex);
/* The report (valid until explain_free). After explain_finish. */
struct ex_report *explain_report(struct explain *ex);

/* Fill each count's meaning from the store (st may be NULL: rules only).
 * Returns 0, or -1 with *cause set. */
int explain_resolve(struct ex_report *r, struct store *st, char **cause);
/* Sort counts by number of occurrences, most first (items keep pointing at
 * the right counts). */
void explain_sort(struct ex_report *r);

/* The class of a count for totals: "2xx", "4xx", "1000-2999" ...
 * Writes to out (at least 16 bytes). */
void explain_class_of(const struct ex_count *c, char *out, size_t outsz);

#endif
