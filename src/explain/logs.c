/* logs.c: access logs, one request a line. NCSA common and combined
 * (Apache, nginx), IIS W3C extended (the #Fields: directive names the
 * columns; sc-status with sc-substatus gives 403.14), and JSON lines with a
 * status field (Caddy, Traefik, nginx JSON formats), parsed with jansson.
 * A line that cannot be read is counted, never fatal. */
#include "config.h"
#include "explain_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

int ex_ncsa_parse(const char *s, size_t n, int *status, int *tlen, int *time)
{
	const char *end = s + n;
	const char *lb = memchr(s, '[', n);

	/* host ident user [time] "request" status bytes ["referer" "agent"] */
	if (!lb || lb == s || lb[-1] != ' ')
		return -1;
	const char *rb = memchr(lb, ']', (size_t)(end - lb));
	if (!rb || rb + 2 >= end || rb[1] != ' ' || rb[2] != '"')
		return -1;
	const char *q = rb + 3;
	for (;;) {   /* the closing quote of the request; \" is an escaped one */
		q = memchr(q, '"', (size_t)(end - q));
		if (!q)
			return -1;
		if (q[-1] != '\\' || (q - 2 >= rb + 3 && q[-2] == '\\'))
			break;
		q++;
	}
	q++;
	if (q + 4 > end || q[0] != ' ' || !is_digit(q[1]) || !is_digit(q[2]) || !is_digit(q[3]))
		return -1;
	if (q + 4 < end && q[4] != ' ')
		return -1;
	*status = (int)(q + 1 - s);
	*time = (int)(lb + 1 - s);
	*tlen = (int)(rb - lb - 1);
	return 0;
}

void ex_ncsa_line(struct explain *ex, const char *s, size_t n)
{
	int st, tl, t;
	char code[4];

	if (ex_ncsa_parse(s, n, &st, &tl, &t) != 0) {
		if (blank(s, n))
			ex->r.st.other++;
		else if (s[0] == '{')
			ex_json_line(ex, s, n);   /* a log that mixes formats */
		else
			ex->r.st.unreadable++;
		return;
	}
	memcpy(code, s + st, 3);
	code[3] = '\0';
	ex_tally(ex, "http", code, s + t, (size_t)tl);
}

/* ---- IIS W3C extended --------------------------------------------------- */

#define IIS_FIELDS_MAX 64

static void iis_fields(struct explain *ex, const char *s, size_t n)
{
	struct iis_state *w = &ex->iis;
	const char *p = s + 8, *end = s + n;
	int i = 0;

	w->have_fields = true;
	w->f_status = w->f_sub = w->f_win32 = w->f_date = w->f_time = -1;
	while (p < end && i < IIS_FIELDS_MAX) {
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		const char *e = p;
		while (e < end && *e != ' ')
			e++;
		size_t k = (size_t)(e - p);
#define IS(name) (k == sizeof name - 1 && memcmp(p, name, k) == 0)
		if (IS("sc-status")) w->f_status = i;
		else if (IS("sc-substatus")) w->f_sub = i;
		else if (IS("sc-win32-status")) w->f_win32 = i;
		else if (IS("date")) w->f_date = i;
		else if (IS("time")) w->f_time = i;
#undef IS
		i++;
		p = e;
	}
	w->nfields = i;
}

void ex_iis_line(struct explain *ex, const char *s, size_t n)
{
	struct iis_state *w = &ex->iis;
	const char *f[IIS_FIELDS_MAX];
	size_t fl[IIS_FIELDS_MAX];
	int nf = 0;

	if (n && s[0] == '#') {
		if (n >= 8 && memcmp(s, "#Fields:", 8) == 0)
			iis_fields(ex, s, n);
		ex->r.st.other++;
		return;
	}
	if (blank(s, n)) {
		ex->r.st.other++;
		return;
	}
	if (!w->have_fields || w->f_status < 0) {
		ex->r.st.unreadable++;
		return;
	}
	for (const char *p = s, *end = s + n; p < end && nf < IIS_FIELDS_MAX; ) {
		const char *e = memchr(p, ' ', (size_t)(end - p));
		if (!e)
			e = end;
		f[nf] = p;
		fl[nf++] = (size_t)(e - p);
		p = e + 1;
	}
	if (nf != w->nfields || fl[w->f_status] != 3 || !is_digit(f[w->f_status][0]) ||
	    !is_digit(f[w->f_status][1]) || !is_digit(f[w->f_status][2])) {
		ex->r.st.unreadable++;
		return;
	}
	char code[16], when[EX_TIME_MAX];
	int sub = 0;
	if (w->f_sub >= 0 && fl[w->f_sub] >= 1 && fl[w->f_sub] <= 3 && is_digit(f[w->f_sub][0]))
		sub = atoi(f[w->f_sub]);
	if (sub)
		snprintf(code, sizeof code, "%.3s.%d", f[w->f_status], sub);
	else
		snprintf(code, sizeof code, "%.3s", f[w->f_status]);
	size_t tl = 0;
	if (w->f_date >= 0 && w->f_time >= 0)
		tl = (size_t)snprintf(when, sizeof when, "%.*s %.*s", (int)(fl[w->f_date] & 15),
		                      f[w->f_date], (int)(fl[w->f_time] & 15), f[w->f_time]);
	int c = ex_tally(ex, "http", code, tl ? when : NULL, tl);
	if (c >= 0 && w->f_win32 >= 0 && fl[w->f_win32] < sizeof ex->r.counts[c].win32 &&
	    !(fl[w->f_win32] == 1 && f[w->f_win32][0] == '0'))
		snprintf(ex->r.counts[c].win32, sizeof ex->r.counts[c].win32, "%.*s",
		         (int)fl[w->f_win32], f[w->f_win32]);
}

/* ---- JSON lines ------------------------------------------------------------ */

/* The field that holds the status, in the names Caddy, Traefik, nginx JSON
 * log formats and Elastic's common schema use. */
static json_t *json_status(json_t *o)
{
	static const char *const names[] = {
		"status", "DownstreamStatus", "status_code", "statusCode", "response_status",
		"sc-status", "http_status", NULL,
	};
	json_t *v;

	for (int i = 0; names[i]; i++)
		if ((v = json_object_get(o, names[i])) != NULL)
			return v;
	v = json_object_get(json_object_get(json_object_get(o, "http"), "response"), "status_code");
	return v;
}

static size_t json_time(json_t *o, char *out, size_t outsz)
{
	static const char *const names[] = {
		"ts", "time", "timestamp", "@timestamp", "time_iso8601", "time_local", "StartUTC",
		"StartLocal", NULL,
	};
	for (int i = 0; names[i]; i++) {
		json_t *v = json_object_get(o, names[i]);
		if (json_is_string(v)) {
			return (size_t)snprintf(out, outsz, "%.*s", (int)(outsz - 1), json_string_value(v));
		} else if (json_is_number(v)) {   /* Caddy: seconds since the epoch */
			double d = json_number_value(v);
			if (d < 0 || d > 32503680000.0)
				return 0;
			time_t t = (time_t)d;
			struct tm tm;
			gmtime_r(&t, &tm);
			return strftime(out, outsz, "%Y-%m-%dT%H:%M:%SZ", &tm);
		}
	}
	return 0;
}

void ex_json_line(struct explain *ex, const char *s, size_t n)
{
	json_error_t err;
	json_t *o, *v;
	long long num = -1;
	char code[8], when[EX_TIME_MAX];

	if (blank(s, n)) {
		ex->r.st.other++;
		return;
	}
	o = json_loadb(s, n, JSON_REJECT_DUPLICATES, &err);
	if (!json_is_object(o)) {
		json_decref(o);
		if (ex->r.kind == EX_JSONL && ex_ncsa_parse(s, n, &(int){0}, &(int){0}, &(int){0}) == 0)
			ex_ncsa_line(ex, s, n);   /* a log that mixes formats */
		else
			ex->r.st.unreadable++;
		return;
	}
	v = json_status(o);
	if (json_is_integer(v)) {
		num = json_integer_value(v);
	} else if (json_is_string(v)) {
		const char *t = json_string_value(v);
		if (strlen(t) == 3 && is_digit(t[0]) && is_digit(t[1]) && is_digit(t[2]))
			num = atoi(t);
	} else if (!v) {
		ex->r.st.other++;   /* a log line that is not about a request */
		json_decref(o);
		return;
	}
	if (num < 0 || num > 999) {
		ex->r.st.unreadable++;
		json_decref(o);
		return;
	}
	snprintf(code, sizeof code, "%03lld", num);
	size_t tl = json_time(o, when, sizeof when);
	ex_tally(ex, "http", code, tl ? when : NULL, tl);
	json_decref(o);
}
