/* explain_int.h: what the parts of the explain layer share. Not for other
 * layers. */
#ifndef SC_EXPLAIN_INT_H
#define SC_EXPLAIN_INT_H

#include "buf.h"
#include "explain.h"

/* How strongly one line says which kind of input this is. */
struct ex_guess {
	enum ex_kind kind;
	bool strong;          /* decides on its own */
};

/* What the headers of one response say about who answered it. */
struct ex_hop {
	int via, cdn, cache_hit, server;
};

struct heads_state {
	int  item;            /* the response whose head is being read, -1 none */
	bool in_head;
	struct ex_hop hop;
	char style;           /* how its lines start: 0, '<' (curl -v) or ' ' (wget -S) */
};

struct ftp_state {
	char last_cmd[8];     /* the last command sent (USER, PASS, PASV...) */
	char data_mode[8];    /* PASV, EPSV, PORT or EPRT last asked for */
	int  multi;           /* the code of an open multi-line reply, 0 none */
};

struct iis_state {
	bool have_fields;
	int  f_status, f_sub, f_win32, f_date, f_time, nfields;
};

struct explain {
	struct ex_report r;
	bool decided;
	/* bytes before the kind is known, while a HAR is still possible */
	struct buf pre;
	bool pre_done;
	/* the line being assembled */
	char  *line;
	size_t len;
	bool   skipping;      /* inside an over-long line */
	uint64_t lineno;
	/* lines kept to replay once the kind is known */
	struct buf sniff;
	size_t nsniff;
	uint64_t sniff_first; /* line number of the first kept line */
	uint32_t weak[EX_KIND_COUNT]; /* weak guesses among the lines seen so far */
	/* HAR: the whole document */
	struct buf har;
	/* counts by (protocol, code) */
	int32_t *hash;
	size_t hcap;
	struct heads_state heads;
	struct ftp_state ftp;
	struct iis_state iis;
	bool finished;
};

/* explain.c */
int  ex_tally(struct explain *ex, const char *protocol, const char *code,
              const char *time, size_t tlen);
struct ex_item *ex_item_add(struct explain *ex, int count);
char *ex_strndup_clean(const char *s, size_t n);  /* cut at EX_VALUE_MAX, cleaned */
void ex_set_time(char *dst, const char *t, size_t n);

/* recog.c */
struct ex_guess ex_guess_line(const char *s, size_t n);
bool ex_har_prefix(const char *s, size_t n, bool *sure);

/* one function per kind: the line is NUL-terminated at s[n] */
void ex_heads_line(struct explain *ex, const char *s, size_t n);
void ex_heads_finish(struct explain *ex);
/* heads.c, also for HAR: note a header's evidence of the hop; the verdict
 * (an advice index or -1); call out a header that matters for status num. */
void ex_hop_note(struct ex_hop *h, const char *name, size_t nlen, const char *v, size_t vlen);
int  ex_hop_verdict(const struct ex_hop *h);
void ex_callout(struct ex_item *it, int num, const char *name, size_t nlen, const char *v, size_t vlen);
void ex_ncsa_line(struct explain *ex, const char *s, size_t n);
void ex_iis_line(struct explain *ex, const char *s, size_t n);
void ex_json_line(struct explain *ex, const char *s, size_t n);
void ex_ftp_line(struct explain *ex, const char *s, size_t n);
void ex_ws_line(struct explain *ex, const char *s, size_t n);
void ex_codes_line(struct explain *ex, const char *s, size_t n);
void ex_har_doc(struct explain *ex, const char *s, size_t n);

/* helpers shared by the line parsers (recog.c) */
/* a[0..k) equals b[0..k), ASCII letters folded. */
bool ex_ncase_eq(const char *a, const char *b, size_t k);
/* "HTTP/1.1 404 Not Found" at s (after any prefix): the code's offset or -1. */
int  ex_status_line(const char *s, size_t n);
/* A WebSocket close code carried by the line (1000-4999), or 0; *at its offset. */
int  ex_ws_code(const char *s, size_t n, size_t *at);
/* Strip the transcript prefixes "< ", "> ", "Response:", "Command:" ... and
 * white space; returns the rest and sets *dir to '<' (from the server),
 * '>' (to it) or 0. */
/* An NCSA common/combined line: 0 and the offsets of the status and the
 * time (inside [...]) and the time's length, or -1. */
int  ex_ncsa_parse(const char *s, size_t n, int *status, int *tlen, int *time);
/* An FTP command word at s (USER, PASV...): copied to out. */
bool ex_ftp_command(const char *s, size_t n, char out[8]);
const char *ex_ftp_strip(const char *s, size_t n, size_t *rest, char *dir);

#endif
