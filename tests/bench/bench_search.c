/* bench_search.c: the measuring half of `make bench` (tests/bench/run.sh
 * prints the table). Links the program's library, so it can time the
 * search in process and build a large database with the store's writer;
 * it also times whole processes (wall time and peak memory through wait4)
 * and the browser's first frame in a pseudo-terminal, so that run.sh needs
 * nothing beyond a POSIX shell. Figures only: nothing here fails because
 * something is slow.
 *
 *   bench_search latency DB [REPEAT]
 *	every prefix of the built-in queries, as typed, through
 *	store_search(prefix=true, limit=$BENCH_LIMIT or 100, as the browser
 *	asks): median, p99 and the slowest prefix
 *   bench_search generate REAL_DB OUT_DB N [zipf]
 *	OUT_DB = a copy of REAL_DB plus N entries whose English and Chinese
 *	text recombines the real entries' phrases, summaries and details
 *	(pessimistic: every word hundreds of times as common as in real
 *	text), or with zipf is drawn from a Zipf-distributed vocabulary
 *	(bench_zipf.c)
 *   bench_search exec RUNS CMD [ARG]...
 *	runs CMD (stdin and stdout /dev/null) RUNS times after 3 warm-ups:
 *	median and p99 wall time, peak RSS, exit status
 *   bench_search ab RUNS DB_A DB_B CMD [ARG]...
 *	CMD with STATUSCODES_DB=DB_A and =DB_B, interleaved: both medians
 *   bench_search judge DB FILE
 *	relevance over a judged query set (bench_judge.c): MRR, nDCG@5
 *   bench_search pty RUNS TEXT CMD [ARG]...
 *	runs CMD in a 100x30 pseudo-terminal until its output shows TEXT and
 *	then goes quiet (the first complete frame), sends q: median time to
 *	that frame and peak RSS; "n/a" when TEXT never appears
 *
 * Every result is one line of key=value pairs on stdout. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "search.h"
#include "store.h"
#include "store_write.h"
#include "text.h"
#include "xmalloc.h"

/* ---- time and statistics ---------------------------------------------------- */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of this thread: the work of a call without the time the
 * scheduler gave other processes (on a shared machine, most of a p99). */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The q-quantile of sorted v (nearest rank). */
static double quantile(const double *v, size_t n, double q)
{
	if (n == 0)
		return 0;
	size_t k = (size_t)(q * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

static double median(const double *v, size_t n)
{
	if (n == 0)
		return 0;
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- latency: every prefix as typed ------------------------------------------ */

/* Twenty things people type, in both languages. */
static const char *const queries[] = {
	"缓存", "代理服务器", "超时", "未授权", "重定向",
	"authentication", "not found", "gateway timeout", "Retry-After", "Content-Length",
	"proxy", "too many requests", "404", "40x", "403.14",
	"payload too large", "Upgrade 消息头", "websocket close", "登录", "ftp passive",
};
#define NQUERIES (sizeof queries / sizeof queries[0])

struct sample {
	const char *prefix;
	double ms;
	size_t hits;
};

static int cmd_latency(int argc, char **argv)
{
	struct store *st;
	char *cause = NULL;
	int repeat = argc > 3 ? atoi(argv[3]) : 20;
	const char *lim = getenv("BENCH_LIMIT");
	size_t limit = lim && atoi(lim) > 0 ? (size_t)atoi(lim) : 100;  /* the browser's */
	char *prefixes[512];
	size_t nprefixes = 0;

	if (argc < 3) {
		fputs("usage: bench_search latency DB [REPEAT]\n", stderr);
		return 2;
	}
	if (repeat < 1)
		repeat = 1;
	if (store_open(argv[2], STORE_READ, &st, &cause) != 0) {
		fprintf(stderr, "bench_search: %s\n", cause);
		free(cause);
		return 3;
	}
	/* every prefix, one character (not byte) at a time */
	for (size_t q = 0; q < NQUERIES; q++) {
		const char *s = queries[q];
		size_t len = strlen(s), i = 0;
		while (i < len && nprefixes < sizeof prefixes / sizeof prefixes[0]) {
			uint32_t cp;
			int n = utf8_decode(s + i, len - i, &cp);
			i += n > 0 ? (size_t)n : 1;
			prefixes[nprefixes++] = xstrndup(s, i);
		}
	}

	size_t nsamples = nprefixes * (size_t)repeat, k = 0;
	struct sample *samples = xcalloc(nsamples, sizeof *samples);
	double *ms = xcalloc(nsamples, sizeof *ms), *cpu = xcalloc(nsamples, sizeof *cpu);
	double t_open = now_ms();

	/* one warm-up pass: the page cache and SQLite's own cache, as in a
	 * browser that has been open for a second */
	for (size_t p = 0; p < nprefixes; p++) {
		struct sc_hits h = {0};
		if (store_search(st, prefixes[p], NULL, limit, SEARCH_PREFIX, &h, &cause) != 0) {
			fprintf(stderr, "bench_search: %s: %s\n", prefixes[p], cause);
			return 3;
		}
		sc_hits_free(&h);
	}
	double warm = now_ms() - t_open;
	for (int r = 0; r < repeat; r++) {
		for (size_t p = 0; p < nprefixes; p++) {
			struct sc_hits h = {0};
			double c0 = cpu_ms(), t0 = now_ms();
			int rc = store_search(st, prefixes[p], NULL, limit, SEARCH_PREFIX, &h, &cause);
			double t1 = now_ms(), c1 = cpu_ms();
			if (rc != 0) {
				fprintf(stderr, "bench_search: %s: %s\n", prefixes[p], cause);
				return 3;
			}
			samples[k] = (struct sample){ prefixes[p], t1 - t0, h.n };
			cpu[k] = c1 - c0;
			ms[k++] = t1 - t0;
			sc_hits_free(&h);
		}
	}
	/* the slowest prefix by its median over the repeats */
	const char *worst = "";
	double worst_ms = -1;
	size_t worst_hits = 0;
	double *per = xcalloc((size_t)repeat, sizeof *per);
	for (size_t p = 0; p < nprefixes; p++) {
		for (int r = 0; r < repeat; r++)
			per[r] = samples[(size_t)r * nprefixes + p].ms;
		qsort(per, (size_t)repeat, sizeof *per, cmp_double);
		double m = median(per, (size_t)repeat);
		if (m > worst_ms) {
			worst_ms = m;
			worst = prefixes[p];
			worst_hits = samples[p].hits;
		}
	}
	if (getenv("BENCH_VERBOSE")) {
		for (size_t p = 0; p < nprefixes; p++) {
			for (int r = 0; r < repeat; r++)
				per[r] = samples[(size_t)r * nprefixes + p].ms;
			qsort(per, (size_t)repeat, sizeof *per, cmp_double);
			fprintf(stderr, "%8.3f ms (max %8.3f) %3zu hits  %s\n", median(per, (size_t)repeat),
			        per[repeat - 1], samples[p].hits, prefixes[p]);
		}
	}
	qsort(ms, nsamples, sizeof *ms, cmp_double);
	qsort(cpu, nsamples, sizeof *cpu, cmp_double);
	double load = -1;
	FILE *la = fopen("/proc/loadavg", "r");
	if (la) {
		if (fscanf(la, "%lf", &load) != 1)
			load = -1;
		fclose(la);
	}
	printf("prefixes=%zu samples=%zu limit=%zu median_ms=%.3f p99_ms=%.3f max_ms=%.3f "
	       "cpu_median_ms=%.3f cpu_p99_ms=%.3f load=%.2f "
	       "warmup_ms=%.1f worst_ms=%.3f worst_hits=%zu worst=\"%s\"\n",
	       nprefixes, nsamples, limit, median(ms, nsamples), quantile(ms, nsamples, 0.99),
	       ms[nsamples - 1], median(cpu, nsamples), quantile(cpu, nsamples, 0.99), load,
	       warm, worst_ms, worst_hits, worst);
	free(per);
	free(cpu);
	free(ms);
	free(samples);
	for (size_t p = 0; p < nprefixes; p++)
		free(prefixes[p]);
	store_close(st);
	return 0;
}

/* ---- generate: a large database with realistic bilingual text ---------------- */

struct pool {
	char **v;
	size_t n, cap;
};

/* Trims spaces and newlines; false when less than two bytes remain. */
static bool pool_trim(const char **s, size_t *n)
{
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\n'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\n'))
		(*n)--;
	return *n >= 2;
}

static void pool_push(struct pool *p, const char *s, size_t n)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n++] = xstrndup(s, n);
}

static void pool_add(struct pool *p, const char *s, size_t n)
{
	if (pool_trim(&s, &n))
		pool_push(p, s, n);
}

/* Adds a name in both languages, or neither, so that en->v[i] and
 * zh->v[i] always name the same thing. */
static void pool_add_pair(struct pool *en, struct pool *zh, const char *e, const char *z)
{
	size_t ne, nz;

	if (e == NULL || z == NULL)
		return;
	ne = strlen(e);
	nz = strlen(z);
	if (pool_trim(&e, &ne) && pool_trim(&z, &nz)) {
		pool_push(en, e, ne);
		pool_push(zh, z, nz);
	}
}

/* Adds each sentence of s: English ends at ". ", Chinese at "。". */
static void pool_sentences(struct pool *p, const char *s)
{
	const char *start = s;

	if (s == NULL)
		return;
	while (*s) {
		size_t end = 0;
		if (strncmp(s, "。", 3) == 0 || strncmp(s, "！", 3) == 0 || strncmp(s, "？", 3) == 0)
			end = 3;
		else if ((*s == '.' || *s == '!' || *s == '?') && (s[1] == ' ' || s[1] == '\0'))
			end = 1;
		if (end) {
			pool_add(p, start, (size_t)(s + end - start));
			s += end;
			start = s;
		} else {
			s++;
		}
	}
	pool_add(p, start, (size_t)(s - start));
}

static void pool_free(struct pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

static uint64_t rng = 0x9E3779B97F4A7C15u;
static size_t rnd(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (size_t)(rng % n) : 0;
}

static const char *pick(const struct pool *p)
{
	return p->n ? p->v[rnd(p->n)] : "";
}

static int copy_file(const char *from, const char *to)
{
	char buf[1 << 16];
	ssize_t n;
	int in = open(from, O_RDONLY), out;

	if (in < 0)
		return -1;
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (out < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	close(in);
	if (close(out) != 0 || n < 0)
		return -1;
	return 0;
}

static int sql_fail(struct store *st, const char *what)
{
	fprintf(stderr, "bench_search: %s: %s\n", what, sqlite3_errmsg(store_db(st)));
	return 3;
}

static int cmd_generate(int argc, char **argv)
{
	struct store *st;
	char *cause = NULL, *tmp;
	struct sc_entries all = {0};
	struct pool ph_en = {0}, ph_zh = {0}, s_en = {0}, s_zh = {0}, d_en = {0}, d_zh = {0},
	            alias = {0};
	sqlite3_stmt *ins_entry, *ins_index, *sel;
	long n;
	double t0 = now_ms();

	if (argc < 5 || (n = atol(argv[4])) < 1 || (argc > 5 && strcmp(argv[5], "zipf") != 0)) {
		fputs("usage: bench_search generate REAL_DB OUT_DB N [zipf]\n", stderr);
		return 2;
	}
	bool zipf = argc > 5;
	tmp = xasprintf("%s.tmp", argv[3]);
	if (copy_file(argv[2], tmp) != 0) {
		fprintf(stderr, "bench_search: cannot copy %s to %s\n", argv[2], tmp);
		return 3;
	}
	if (store_open(tmp, STORE_WRITE, &st, &cause) != 0 || store_begin(st, &cause) != 0 ||
	    store_list(st, NULL, NULL, &all, &cause) != 0) {
		fprintf(stderr, "bench_search: %s\n", cause);
		return 3;
	}
	for (size_t i = 0; i < all.n; i++) {
		const struct sc_entry *e = &all.v[i];
		pool_add_pair(&ph_en, &ph_zh, e->phrase_en, e->phrase_zh);
		pool_sentences(&s_en, e->summary_en);
		pool_sentences(&s_zh, e->summary_zh);
		pool_sentences(&d_en, e->detail_en);
		pool_sentences(&d_zh, e->detail_zh);
	}
	if (sqlite3_prepare_v2(store_db(st), "SELECT name FROM alias", -1, &sel, NULL) != SQLITE_OK)
		return sql_fail(st, "alias");
	while (sqlite3_step(sel) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(sel, 0);
		if (a)
			pool_add(&alias, a, strlen(a));
	}
	sqlite3_finalize(sel);
	if (ph_en.n == 0) {
		fputs("bench_search: the real database has no entries named in both languages\n", stderr);
		return 3;
	}
	if (d_en.n == 0)
		d_en = s_en;
	if (d_zh.n == 0)
		d_zh = s_zh;

	/* The new entries are sub-status codes (as IIS has: 404.1013) of the
	 * real plain codes, numbered from 1000 so that none clashes. The
	 * writer API prepares a statement per call; the same statements are
	 * prepared once here, which makes 100,000 entries a matter of seconds. */
	if (sqlite3_prepare_v2(store_db(st),
	        "INSERT INTO entry(protocol, code, num, sub, hi, sort_key, parent, class,"
	        " phrase_en, phrase_zh, summary_en, summary_zh, detail_en, detail_zh,"
	        " origin_en, origin_zh, status, spec)"
	        " VALUES(?1, ?2, ?3, ?4, ?3, ?3 * 10000 + ?4 + 1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	        " 'bench', 'bench', 'unofficial', NULL)", -1, &ins_entry, NULL) != SQLITE_OK)
		return sql_fail(st, "entry");
	if (sqlite3_prepare_v2(store_db(st),
	        "INSERT INTO search(rowid, code, phrase, alias, summary, detail)"
	        " VALUES(?1, ?2, ?3, ?4, ?5, ?6)", -1, &ins_index, NULL) != SQLITE_OK)
		return sql_fail(st, "search");

	/* the Zipf vocabulary comes from every real text */
	struct zipf *zf = NULL;
	if (zipf) {
		const char **texts = xcalloc(all.n * 6 + 1, sizeof *texts);
		size_t nt = 0;
		for (size_t i = 0; i < all.n; i++) {
			const struct sc_entry *e = &all.v[i];
			const char *f[] = { e->phrase_en, e->phrase_zh, e->summary_en, e->summary_zh,
			                    e->detail_en, e->detail_zh };
			for (size_t k = 0; k < 6; k++)
				if (f[k])
					texts[nt++] = f[k];
		}
		zf = zipf_new(texts, nt);
		free(texts);
	}

	size_t nbase = 0;
	const struct sc_entry **base = xcalloc(all.n, sizeof *base);
	for (size_t i = 0; i < all.n; i++)
		if (all.v[i].sub < 0 && all.v[i].hi == all.v[i].num)
			base[nbase++] = &all.v[i];
	if (nbase == 0) {
		fputs("bench_search: the real database has no plain codes\n", stderr);
		return 3;
	}
	for (long i = 0; i < n; i++) {
		const struct sc_entry *b = base[(size_t)i % nbase];
		int sub = 1000 + (int)((size_t)i / nbase);
		char code[32];
		struct buf pen = {0}, pzh = {0}, sen = {0}, szh = {0}, den = {0}, dzh = {0};
		struct buf iph = {0}, isum = {0}, idet = {0};
		const char *al = rnd(5) == 0 ? pick(&alias) : NULL;

		snprintf(code, sizeof code, "%d.%d", b->num, sub);
		/* a real name in both languages, half the time with a second one
		 * in parentheses (as the documents write an older name) */
		size_t a = rnd(ph_en.n), c = rnd(ph_en.n);
		buf_adds(&pen, ph_en.v[a]);
		buf_adds(&pzh, ph_zh.v[a]);
		if (rnd(2)) {
			buf_addf(&pen, " (%s)", ph_en.v[c]);
			buf_addf(&pzh, "（%s）", ph_zh.v[c]);
		}
		if (zf) {
			/* names of 2-5 words (2-6 characters), a summary of 12-30 words
			 * (20-50 characters), details of none to 60 words */
			buf_reset(&pen);
			buf_reset(&pzh);
			zipf_text(zf, false, zipf_range(zf, 2, 5), &pen);
			zipf_text(zf, true, zipf_range(zf, 2, 6), &pzh);
			pen.s[--pen.len] = '\0';
			pzh.len -= 3;
			pzh.s[pzh.len] = '\0';
			zipf_text(zf, false, zipf_range(zf, 12, 30), &sen);
			zipf_text(zf, true, zipf_range(zf, 20, 50), &szh);
			size_t d = zipf_range(zf, 0, 60);
			if (d) {
				zipf_text(zf, false, d, &den);
				zipf_text(zf, true, d * 3 / 2, &dzh);
			}
		} else {
			for (size_t k = 0, m = 1 + rnd(3); k < m; k++) {
				buf_adds(&sen, k ? " " : "");
				buf_adds(&sen, pick(&s_en));
				buf_adds(&szh, pick(&s_zh));
			}
			for (size_t k = 0, m = rnd(4); k < m; k++) {
				buf_adds(&den, k ? " " : "");
				buf_adds(&den, pick(&d_en));
				buf_adds(&dzh, pick(&d_zh));
			}
		}
		sqlite3_reset(ins_entry);
		sqlite3_bind_text(ins_entry, 1, b->protocol, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_entry, 2, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(ins_entry, 3, b->num);
		sqlite3_bind_int(ins_entry, 4, sub);
		sqlite3_bind_int64(ins_entry, 5, b->id);
		sqlite3_bind_text(ins_entry, 6, b->class_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_entry, 7, buf_str(&pen), -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_entry, 8, buf_str(&pzh), -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_entry, 9, buf_str(&sen), -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_entry, 10, buf_str(&szh), -1, SQLITE_STATIC);
		if (den.len) {
			sqlite3_bind_text(ins_entry, 11, buf_str(&den), -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_entry, 12, buf_str(&dzh), -1, SQLITE_STATIC);
		} else {
			sqlite3_bind_null(ins_entry, 11);
			sqlite3_bind_null(ins_entry, 12);
		}
		if (sqlite3_step(ins_entry) != SQLITE_DONE)
			return sql_fail(st, "insert entry");
		int64_t id = sqlite3_last_insert_rowid(store_db(st));

		/* the index's columns as import_finish fills them */
		buf_adds(&iph, buf_str(&pen));
		buf_addc(&iph, '\n');
		buf_adds(&iph, buf_str(&pzh));
		buf_adds(&isum, buf_str(&sen));
		buf_addc(&isum, '\n');
		buf_adds(&isum, buf_str(&szh));
		if (den.len) {
			buf_adds(&idet, buf_str(&den));
			buf_addc(&idet, '\n');
			buf_adds(&idet, buf_str(&dzh));
		}
		sqlite3_reset(ins_index);
		sqlite3_bind_int64(ins_index, 1, id);
		sqlite3_bind_text(ins_index, 2, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_index, 3, buf_str(&iph), -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_index, 4, al ? al : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_index, 5, buf_str(&isum), -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_index, 6, buf_str(&idet), -1, SQLITE_STATIC);
		if (sqlite3_step(ins_index) != SQLITE_DONE)
			return sql_fail(st, "insert index");
		buf_free(&pen); buf_free(&pzh); buf_free(&sen); buf_free(&szh);
		buf_free(&den); buf_free(&dzh); buf_free(&iph); buf_free(&isum); buf_free(&idet);
	}
	sqlite3_finalize(ins_entry);
	sqlite3_finalize(ins_index);
	/* the term statistics and the prior, as import_finish leaves them */
	if (store_index_stats(st, &cause) != 0 || store_commit(st, &cause) != 0) {
		fprintf(stderr, "bench_search: %s\n", cause);
		return 3;
	}
	/* as sc-mkdb leaves a database */
	sqlite3_exec(store_db(st), "VACUUM; PRAGMA optimize;", NULL, NULL, NULL);
	store_close(st);
	if (rename(tmp, argv[3]) != 0) {
		fprintf(stderr, "bench_search: cannot rename %s\n", tmp);
		return 3;
	}
	printf("entries=%zu added=%ld vocabulary=%s phrases=%zu+%zu sentences=%zu+%zu seconds=%.1f\n",
	       all.n, n, zf ? "zipf" : "real-sentences", ph_en.n, ph_zh.n, s_en.n, s_zh.n,
	       (now_ms() - t0) / 1e3);
	if (zf)
		zipf_free(zf);
	free(base);
	free(tmp);
	sc_entries_free(&all);
	if (d_en.v != s_en.v)
		pool_free(&d_en);
	if (d_zh.v != s_zh.v)
		pool_free(&d_zh);
	pool_free(&ph_en); pool_free(&ph_zh); pool_free(&s_en); pool_free(&s_zh); pool_free(&alias);
	return 0;
}

/* ---- exec: whole processes ----------------------------------------------------- */

/* Runs argv once with stdin and stdout on /dev/null (stderr kept).
 * Returns the wall time in ms; *rss_kib gets the peak RSS, *status the
 * exit status (128+signal when killed). */
static double run_once(char **argv, long *rss_kib, int *status)
{
	struct rusage ru;
	int st = 0;
	double t0 = now_ms();
	pid_t pid = fork();

	if (pid < 0) {
		perror("bench_search: fork");
		exit(70);
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "bench_search: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) < 0 && errno == EINTR)
		;
	double t = now_ms() - t0;
	*rss_kib = ru.ru_maxrss;
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return t;
}

static int cmd_exec(int argc, char **argv)
{
	int runs = argc > 2 ? atoi(argv[2]) : 0, status = 0;
	long rss = 0, maxrss = 0;

	if (argc < 4 || runs < 1) {
		fputs("usage: bench_search exec RUNS CMD [ARG]...\n", stderr);
		return 2;
	}
	double *ms = xcalloc((size_t)runs, sizeof *ms);
	for (int i = 0; i < 3; i++)
		run_once(argv + 3, &rss, &status);
	for (int i = 0; i < runs; i++) {
		ms[i] = run_once(argv + 3, &rss, &status);
		if (rss > maxrss)
			maxrss = rss;
	}
	qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
	printf("runs=%d median_ms=%.3f p99_ms=%.3f min_ms=%.3f maxrss_kib=%ld status=%d\n", runs,
	       median(ms, (size_t)runs), quantile(ms, (size_t)runs, 0.99), ms[0], maxrss, status);
	free(ms);
	return 0;
}

/* ab RUNS DB_A DB_B CMD...: CMD with STATUSCODES_DB=DB_A and with DB_B,
 * interleaved (A, B, A, B, ...) after 3 warm-ups of each, so that a change
 * in the machine's load falls on both: both medians and their ratio. */
static int cmd_ab(int argc, char **argv)
{
	int runs = argc > 2 ? atoi(argv[2]) : 0, status = 0;
	long rss = 0;

	if (argc < 6 || runs < 1) {
		fputs("usage: bench_search ab RUNS DB_A DB_B CMD [ARG]...\n", stderr);
		return 2;
	}
	double *a = xcalloc((size_t)runs, sizeof *a), *b = xcalloc((size_t)runs, sizeof *b);
	for (int i = 0; i < 3 + runs; i++) {
		setenv("STATUSCODES_DB", argv[3], 1);
		double ta = run_once(argv + 5, &rss, &status);
		setenv("STATUSCODES_DB", argv[4], 1);
		double tb = run_once(argv + 5, &rss, &status);
		if (i >= 3) {
			a[i - 3] = ta;
			b[i - 3] = tb;
		}
	}
	qsort(a, (size_t)runs, sizeof *a, cmp_double);
	qsort(b, (size_t)runs, sizeof *b, cmp_double);
	double ma = median(a, (size_t)runs), mb = median(b, (size_t)runs);
	printf("runs=%d median_a_ms=%.3f median_b_ms=%.3f ratio=%.2f status=%d\n", runs, ma, mb,
	       ma > 0 ? mb / ma : 0, status);
	free(a);
	free(b);
	return 0;
}

/* ---- pty: the browser's first frame ----------------------------------------- */

struct frame {
	double ms;        /* start to the last byte of the frame; < 0: none */
	long rss_kib;
	int status;
	int not_built;    /* the placeholder said so */
	char tail[200];   /* the last output, for a message */
};

/* Does the haystack (not NUL-terminated) contain needle? */
static int contains(const char *h, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; m <= n && i <= n - m; i++)
		if (memcmp(h + i, needle, m) == 0)
			return 1;
	return 0;
}

static void pty_once(char **argv, const char *want, struct frame *f)
{
	struct winsize ws = { .ws_row = 30, .ws_col = 100 };
	struct rusage ru;
	int master, st = 0;
	char *name;
	size_t cap = 1 << 20, len = 0;
	char *out = xmalloc(cap);
	double t0, seen = -1, last = -1;

	memset(f, 0, sizeof *f);
	f->ms = -1;
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 ||
	    (name = ptsname(master)) == NULL) {
		perror("bench_search: pseudo-terminal");
		exit(70);
	}
	ioctl(master, TIOCSWINSZ, &ws);
	t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("bench_search: fork");
		exit(70);
	}
	if (pid == 0) {
		setsid();
		int slave = open(name, O_RDWR);
		if (slave < 0)
			_exit(127);
		ioctl(slave, TIOCSCTTY, 0);
		dup2(slave, 0);
		dup2(slave, 1);
		dup2(slave, 2);
		if (slave > 2)
			close(slave);
		close(master);
		const char *term = getenv("TERM");
		if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0)
			setenv("TERM", "xterm-256color", 1);
		if (!getenv("LANG") && !getenv("LC_ALL"))
			setenv("LANG", "C.UTF-8", 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	/* read until the wanted text was seen and the output then stayed
	 * quiet for 100 ms (the frame is complete), or 3 s passed */
	for (;;) {
		double t = now_ms();
		int timeout = seen >= 0 ? (int)(last + 100 - t) : (int)(t0 + 3000 - t);
		if (timeout <= 0)
			break;
		struct pollfd pfd = { .fd = master, .events = POLLIN };
		int r = poll(&pfd, 1, timeout);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		char buf[4096];
		ssize_t n = read(master, buf, sizeof buf);
		if (n <= 0)
			break;            /* EIO: the child closed the terminal */
		last = now_ms();
		if (len + (size_t)n > cap) {
			/* keep the last half */
			memmove(out, out + len - cap / 2, cap / 2);
			len = cap / 2;
		}
		memcpy(out + len, buf, (size_t)n);
		len += (size_t)n;
		if (seen < 0 && contains(out, len, want))
			seen = last;
		if (len > 0 && seen >= 0 && last - t0 > 3000)
			break;              /* never quiet: take the time it was seen */
	}
	if (seen >= 0)
		f->ms = last - t0;
	/* quit as a user would, then less politely */
	if (write(master, "q", 1) < 0)
		(void)0;
	for (int i = 0; i < 200; i++) {
		pid_t w = wait4(pid, &st, WNOHANG, &ru);
		if (w == pid)
			goto reaped;
		if (i == 100)
			kill(pid, SIGTERM);
		/* drain so the child never blocks on a full terminal */
		char buf[4096];
		struct pollfd pfd = { .fd = master, .events = POLLIN };
		if (poll(&pfd, 1, 10) > 0 && read(master, buf, sizeof buf) < 0)
			(void)0;
	}
	kill(pid, SIGKILL);
	wait4(pid, &st, 0, &ru);
reaped:
	close(master);
	f->rss_kib = ru.ru_maxrss;
	f->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	f->not_built = contains(out, len, "not built");
	/* a printable tail for messages */
	size_t k = 0;
	for (size_t i = len > 400 ? len - 400 : 0; i < len && k + 1 < sizeof f->tail; i++)
		if (out[i] >= 0x20 && out[i] < 0x7f && out[i] != '"')
			f->tail[k++] = out[i];
	f->tail[k] = '\0';
	free(out);
}

static int cmd_pty(int argc, char **argv)
{
	int runs = argc > 2 ? atoi(argv[2]) : 0, got = 0;
	long maxrss = 0;
	struct frame f;

	if (argc < 5 || runs < 1) {
		fputs("usage: bench_search pty RUNS TEXT CMD [ARG]...\n", stderr);
		return 2;
	}
	double *ms = xcalloc((size_t)runs, sizeof *ms);
	pty_once(argv + 4, argv[3], &f);       /* warm-up */
	if (f.ms < 0) {
		printf("na=1 not_built=%d status=%d maxrss_kib=%ld tail=\"%s\"\n", f.not_built, f.status,
		       f.rss_kib, f.tail);
		free(ms);
		return 0;
	}
	for (int i = 0; i < runs; i++) {
		pty_once(argv + 4, argv[3], &f);
		if (f.ms >= 0)
			ms[got++] = f.ms;
		if (f.rss_kib > maxrss)
			maxrss = f.rss_kib;
	}
	qsort(ms, (size_t)got, sizeof *ms, cmp_double);
	printf("na=0 runs=%d median_ms=%.3f p99_ms=%.3f maxrss_kib=%ld status=%d\n", got,
	       median(ms, (size_t)got), quantile(ms, (size_t)got, 0.99), maxrss, f.status);
	free(ms);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "latency") == 0)
		return cmd_latency(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "generate") == 0)
		return cmd_generate(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "exec") == 0)
		return cmd_exec(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "ab") == 0)
		return cmd_ab(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "judge") == 0)
		return cmd_judge(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "pty") == 0)
		return cmd_pty(argc, argv);
	fputs("usage: bench_search latency DB [REPEAT]\n"
	      "       bench_search generate REAL_DB OUT_DB N\n"
	      "       bench_search exec RUNS CMD [ARG]...\n"
	      "       bench_search pty RUNS TEXT CMD [ARG]...\n", stderr);
	return 2;
}
