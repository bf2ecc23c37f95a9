/* recog.c: what one line looks like. The recogniser goes by content only:
 * a status line, an NCSA log line, an IIS directive, a JSON object with a
 * status field, an FTP reply or command, a WebSocket close code, or a code
 * on its own. Every function here reads at most n bytes of s. */
#include "config.h"
#include "explain_int.h"

#include <string.h>

#include "codearg.h"
#include "str.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_space(char c) { return c == ' ' || c == '\t'; }

static bool has_prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && memcmp(s, p, k) == 0;
}

bool ex_ncase_eq(const char *a, const char *b, size_t k)
{
	for (size_t i = 0; i < k; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

static bool has_prefix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && ex_ncase_eq(s, p, k);
}

/* Case-insensitive search for needle in s[0..n). */
static const char *find_ci(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (has_prefix_ci(s + i, n - i, needle))
			return s + i;
	return NULL;
}

int ex_status_line(const char *s, size_t n)
{
	size_t i = 5;

	if (!has_prefix(s, n, "HTTP/"))
		return -1;
	if (i >= n || !is_digit(s[i]))
		return -1;
	i++;
	if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1]))
		i += 2;
	if (i >= n || !is_space(s[i]))
		return -1;
	while (i < n && is_space(s[i]))
		i++;
	if (i + 3 > n || !is_digit(s[i]) || !is_digit(s[i + 1]) || !is_digit(s[i + 2]))
		return -1;
	if (i + 3 < n && !is_space(s[i + 3]))
		return -1;
	return (int)i;
}

int ex_ws_code(const char *s, size_t n, size_t *at)
{
	static const char *const keys[] = { "code", "close", NULL };

	for (int k = 0; keys[k]; k++) {
		const char *p = s, *end = s + n;
		while ((p = find_ci(p, (size_t)(end - p), keys[k])) != NULL) {
			const char *q = p + strlen(keys[k]);
			/* "code: 1006", "code=1011", "close 4000", "closed with code 1006" */
			while (q < end && (is_space(*q) || *q == ':' || *q == '=' || *q == '"' || *q == '('))
				q++;
			size_t d = 0;
			while (q + d < end && is_digit(q[d]))
				d++;
			if (d == 4 && (q + d == end || !is_digit(q[d]))) {
				int v = (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
				if (v >= 1000 && v <= 4999) {
					*at = (size_t)(q - s);
					return v;
				}
			}
			p += 1;
		}
	}
	return 0;
}

bool ex_har_prefix(const char *s, size_t n, bool *sure)
{
	static const char want[] = "{\"log\":{";
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		if (k == 0 && i + 3 <= n && (unsigned char)c == 0xEF &&
		    (unsigned char)s[i + 1] == 0xBB && (unsigned char)s[i + 2] == 0xBF) {
			i += 2;   /* a byte order mark */
			continue;
		}
		if (c != want[k]) {
			*sure = true;
			return false;
		}
		if (++k == sizeof want - 1) {
			*sure = true;
			return true;
		}
	}
	*sure = false;
	return false;
}

/* FTP transcript prefixes: curl -v, FileZilla, lftp debug, vsftpd logs. */
static const struct { const char *p; char dir; } ftp_prefixes[] = {
	{ "< ", '<' }, { "> ", '>' }, { "<--- ", '<' }, { "---> ", '>' },
	{ "Response:", '<' }, { "Command:", '>' }, { "ftp> ", '>' },
	{ NULL, 0 },
};

const char *ex_ftp_strip(const char *s, size_t n, size_t *rest, char *dir)
{
	const char *p;

	*dir = 0;
	/* vsftpd: ... FTP response: Client "::1", "530 Login incorrect." */
	if ((p = find_ci(s, n, "FTP response: Client ")) || (p = find_ci(s, n, "FTP command: Client "))) {
		*dir = p[4] == 'r' || p[4] == 'R' ? '<' : '>';
		const char *q = memchr(p, ',', (size_t)(s + n - p));
		if (q && (q = memchr(q, '"', (size_t)(s + n - q))) != NULL) {
			q++;
			size_t k = (size_t)(s + n - q);
			if (k && q[k - 1] == '"')
				k--;
			*rest = k;
			return q;
		}
	}
	while (n && is_space(*s))
		s++, n--;
	for (int i = 0; ftp_prefixes[i].p; i++)
		if (has_prefix(s, n, ftp_prefixes[i].p)) {
			size_t k = strlen(ftp_prefixes[i].p);
			*dir = ftp_prefixes[i].dir;
			s += k;
			n -= k;
			break;
		}
	while (n && is_space(*s))
		s++, n--;
	*rest = n;
	return s;
}

static const char *const ftp_commands[] = {
	"USER", "PASS", "ACCT", "CWD", "CDUP", "QUIT", "PORT", "PASV", "EPSV", "EPRT", "TYPE",
	"RETR", "STOR", "LIST", "NLST", "MLSD", "MLST", "PWD", "MKD", "RMD", "DELE", "SIZE",
	"AUTH", "PBSZ", "PROT", "FEAT", "SYST", "REST", "RNFR", "RNTO", "NOOP", "OPTS", "MDTM",
	NULL,
};

/* Is s an FTP command word (upper case) followed by the end or a space? */
bool ex_ftp_command(const char *s, size_t n, char out[8])
{
	for (int i = 0; ftp_commands[i]; i++) {
		size_t k = strlen(ftp_commands[i]);
		if (has_prefix(s, n, ftp_commands[i]) && (n == k || is_space(s[k]))) {
			memcpy(out, ftp_commands[i], k + 1);
			return true;
		}
	}
	return false;
}

static struct ex_guess guess_ftp(const char *s, size_t n)
{
	struct ex_guess g = { EX_NONE, false };
	char dir, cmd[8];
	size_t k;
	const char *r = ex_ftp_strip(s, n, &k, &dir);

	if (k >= 4 && is_digit(r[0]) && is_digit(r[1]) && is_digit(r[2]) && r[0] >= '1' &&
	    r[0] <= '6' && (r[3] == ' ' || r[3] == '-')) {
		/* a prefix that only transcripts use, a multi-line reply, a
		 * greeting; else a reply is a sentence ("530 Login incorrect.")
		 * where an HTTP status line has a bare phrase ("404 Not Found") */
		g.strong = dir == '<' || r[3] == '-' || has_prefix(r, k, "220 ") ||
		           has_prefix(r, k, "331 ");
		if (g.strong || r[k - 1] == '.' || r[k - 1] == ')')
			g.kind = EX_FTP;
		return g;
	}
	if (ex_ftp_command(r, k, cmd)) {
		g.kind = EX_FTP;
		g.strong = dir != 0 || strcmp(cmd, "USER") == 0 || strcmp(cmd, "PASS") == 0 ||
		           strcmp(cmd, "PASV") == 0 || strcmp(cmd, "EPSV") == 0;
	}
	return g;
}

struct ex_guess ex_guess_line(const char *s, size_t n)
{
	struct ex_guess g = { EX_NONE, false };
	size_t i = 0, at;
	int st, end, tl;

	while (i < n && is_space(s[i]))
		i++;
	if (i == n)
		return g;
	/* curl -v "< HTTP/1.1 200", wget -S "  HTTP/1.1 200", a raw head */
	size_t j = i;
	if (has_prefix(s + j, n - j, "< "))
		j += 2;
	if (ex_status_line(s + j, n - j) >= 0)
		return (struct ex_guess){ EX_HEADS, true };
	if (has_prefix(s + i, n - i, "#Fields:") || has_prefix(s + i, n - i, "#Software:") ||
	    has_prefix(s + i, n - i, "#Version:"))
		return (struct ex_guess){ EX_IIS, true };
	if (s[i] == '{') {
		if (find_ci(s + i, n - i, "status"))
			return (struct ex_guess){ EX_JSONL, true };
		return g;
	}
	if (ex_ncsa_parse(s, n, &st, &tl, &end) == 0)
		return (struct ex_guess){ EX_NCSA, true };
	if (ex_ws_code(s, n, &at) && (find_ci(s, n, "close") || find_ci(s, n, "websocket") ||
	                              find_ci(s, n, "code")))
		return (struct ex_guess){ EX_WS, true };
	g = guess_ftp(s, n);
	if (g.kind != EX_NONE)
		return g;
	struct code_arg ca;
	if (code_arg_parse(s, n, &ca))
		return (struct ex_guess){ EX_CODES, false };
	return (struct ex_guess){ EX_NONE, false };
}
