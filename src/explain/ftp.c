/* ftp.c: FTP session transcripts: client output (ftp, curl -v, lftp debug,
 * FileZilla's message log) and server logs with reply lines (vsftpd). Each
 * reply is explained once, a multi-line reply (NNN- ... NNN text) as one;
 * the command it answered is kept, and known sequences are judged: 530
 * after PASS, 425/421 after PASV/EPSV or PORT/EPRT. WebSocket close codes are
 * also read here (ex_ws_line), and bare codes (ex_codes_line). */
#include "config.h"
#include "explain_int.h"

#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "codearg.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static int judge(const struct ftp_state *f, int num)
{
	if (num == 530 && strcmp(f->last_cmd, "PASS") == 0)
		return ADV_FTP_BAD_LOGIN;
	if (num == 530 && strcmp(f->last_cmd, "USER") == 0)
		return ADV_FTP_USER_REFUSED;
	if ((num == 500 || num == 502 || num == 522) && strcmp(f->last_cmd, "EPSV") == 0)
		return ADV_FTP_EPSV_REFUSED;
	if (num == 425 || num == 421 || num == 426) {
		if (strcmp(f->data_mode, "PASV") == 0 || strcmp(f->data_mode, "EPSV") == 0)
			return ADV_FTP_PASV_BLOCKED;
		if (strcmp(f->data_mode, "PORT") == 0 || strcmp(f->data_mode, "EPRT") == 0)
			return ADV_FTP_PORT_BLOCKED;
	}
	return -1;
}

static void reply(struct explain *ex, const char *r, size_t k)
{
	struct ftp_state *f = &ex->ftp;
	char code[4] = { r[0], r[1], r[2], 0 };
	int num = (r[0] - '0') * 100 + (r[1] - '0') * 10 + (r[2] - '0');

	if (num == 220)   /* a greeting: a new connection, nothing asked yet */
		f->last_cmd[0] = f->data_mode[0] = '\0';
	int c = ex_tally(ex, "ftp", code, NULL, 0);
	struct ex_item *it = ex_item_add(ex, c);
	if (!it)
		return;
	const char *t = r + 4;
	size_t tl = k > 4 ? k - 4 : 0;
	if (k < 4)
		t = r + k;
	while (tl && *t == ' ')
		t++, tl--;
	if (tl)
		it->text = ex_strndup_clean(t, tl);
	if (f->last_cmd[0])
		it->command = ex_strndup_clean(f->last_cmd, strlen(f->last_cmd));
	it->judgment = judge(f, num);
}

void ex_ftp_line(struct explain *ex, const char *s, size_t n)
{
	struct ftp_state *f = &ex->ftp;
	char dir, cmd[8];
	size_t k;
	const char *r = ex_ftp_strip(s, n, &k, &dir);

	bool is_reply = k >= 3 && is_digit(r[0]) && is_digit(r[1]) && is_digit(r[2]) &&
	                r[0] >= '1' && r[0] <= '6' && (k == 3 || r[3] == ' ' || r[3] == '-');
	if (f->multi) {
		/* inside a multi-line reply: it ends at "NNN " with the same code */
		if (is_reply && k >= 4 && r[3] == ' ' &&
		    (r[0] - '0') * 100 + (r[1] - '0') * 10 + (r[2] - '0') == f->multi)
			f->multi = 0;
		ex->r.st.other++;
		return;
	}
	if (is_reply && dir != '>') {
		reply(ex, r, k);
		if (k >= 4 && r[3] == '-')
			f->multi = (r[0] - '0') * 100 + (r[1] - '0') * 10 + (r[2] - '0');
		return;
	}
	if (ex_ftp_command(r, k, cmd)) {
		memcpy(f->last_cmd, cmd, sizeof f->last_cmd);
		if (!strcmp(cmd, "PASV") || !strcmp(cmd, "EPSV") || !strcmp(cmd, "PORT") ||
		    !strcmp(cmd, "EPRT"))
			memcpy(f->data_mode, cmd, sizeof f->data_mode);
	}
	ex->r.st.other++;
}

/* ---- WebSocket close lines --------------------------------------------------- */

void ex_ws_line(struct explain *ex, const char *s, size_t n)
{
	size_t at;
	int v = ex_ws_code(s, n, &at);
	char code[8];

	if (!v) {
		ex->r.st.other++;
		return;
	}
	snprintf(code, sizeof code, "%d", v);
	int c = ex_tally(ex, "websocket", code, NULL, 0);
	struct ex_item *it = ex_item_add(ex, c);
	if (!it)
		return;
	/* the reason, when the line gives one ("reason: ...", "reason=...") */
	const char *p = s + at + 4, *end = s + n;
	for (; p + 6 <= end; p++)
		if (strncmp(p, "reason", 6) == 0) {
			p += 6;
			while (p < end && (*p == ' ' || *p == ':' || *p == '='))
				p++;
			size_t k = (size_t)(end - p);
			if (k && (*p == '"' || *p == '\'')) {   /* a quoted reason ends at its quote */
				const char *q = memchr(p + 1, *p, k - 1);
				p++;
				k = q ? (size_t)(q - p) : k - 1;
			}
			while (k && (p[k - 1] == '"' || p[k - 1] == '\'' || p[k - 1] == ' ' ||
			             p[k - 1] == ')' || p[k - 1] == '}'))
				k--;
			if (k)
				it->text = ex_strndup_clean(p, k);
			break;
		}
}

/* ---- codes on their own lines (curl -w '%{http_code}', pasted lines) ---------- */

void ex_codes_line(struct explain *ex, const char *s, size_t n)
{
	struct code_arg ca;

	if (!code_arg_parse(s, n, &ca)) {
		bool blank = true;
		for (size_t i = 0; i < n; i++)
			blank = blank && (s[i] == ' ' || s[i] == '\t');
		if (blank)
			ex->r.st.other++;
		else
			ex->r.st.unreadable++;
		return;
	}
	const char *proto = ca.protocol ? ca.protocol : strlen(ca.code) >= 4 &&
	                    ca.code[3] != '.' ? "websocket" : "http";
	ex_tally(ex, proto, ca.code, NULL, 0);
}
