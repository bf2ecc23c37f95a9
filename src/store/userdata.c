/* userdata.c: the browser's own small database (see userdata.h). All the
 * SQL the browser needs for user data lives here, so src/tui holds none. */
#include "config.h"
#include "userdata.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "say.h"
#include "xmalloc.h"

struct userdata {
	sqlite3 *db;
	bool     writable;
	char    *why;        /* why it is read-only, or NULL */
};

#define USERDATA_VERSION 2
#define SC_STR_(x) #x
#define SC_STRINGIFY(x) SC_STR_(x)

/* Each step from version i to i + 1, run in one transaction that ends by
 * setting the new version. A file from any earlier version of the program
 * is brought up to date when it is opened read-write. */
static const char *const migrations[] = {
	/* 0 -> 1: the browser's tables */
	"CREATE TABLE IF NOT EXISTS setting("
	" key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS visit("
	" id INTEGER PRIMARY KEY, protocol TEXT NOT NULL, code TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS bookmark("
	" id INTEGER PRIMARY KEY, protocol TEXT NOT NULL, code TEXT NOT NULL, at INTEGER NOT NULL,"
	" UNIQUE(protocol, code));"
	"PRAGMA user_version=1;",
	/* 1 -> 2: study progress, one row per card the user has answered and
	 * one per answer */
	"CREATE TABLE IF NOT EXISTS study_card("
	" card TEXT PRIMARY KEY, state INTEGER NOT NULL, step INTEGER NOT NULL,"
	" stability REAL NOT NULL, difficulty REAL NOT NULL, due INTEGER NOT NULL,"
	" last INTEGER NOT NULL, first INTEGER NOT NULL, reps INTEGER NOT NULL,"
	" lapses INTEGER NOT NULL, rights INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS study_review("
	" id INTEGER PRIMARY KEY, card TEXT NOT NULL, at INTEGER NOT NULL,"
	" grade INTEGER NOT NULL, right INTEGER NOT NULL);"
	"PRAGMA user_version=2;",
};
_Static_assert(sizeof migrations / sizeof *migrations == USERDATA_VERSION,
               "one migration per schema version");

/* ---- reference lists ----------------------------------------------------- */

void userdata_refs_push(struct userdata_refs *r, const char *protocol, const char *code)
{
	r->v = xgrow(r->v, r->n, &r->cap, sizeof *r->v);
	r->v[r->n].protocol = xstrdup(protocol ? protocol : "");
	r->v[r->n].code = xstrdup(code ? code : "");
	r->n++;
}

void userdata_refs_remove(struct userdata_refs *r, size_t i)
{
	if (i >= r->n)
		return;
	free(r->v[i].protocol);
	free(r->v[i].code);
	memmove(r->v + i, r->v + i + 1, (r->n - i - 1) * sizeof *r->v);
	r->n--;
}

long userdata_refs_find(const struct userdata_refs *r, const char *protocol, const char *code)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].protocol, protocol) == 0 && strcmp(r->v[i].code, code) == 0)
			return (long)i;
	return -1;
}

void userdata_refs_free(struct userdata_refs *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].protocol);
		free(r->v[i].code);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* ---- opening ------------------------------------------------------------- */

/* mkdir -p with mode 0700 for what it creates. 0 when dir exists after. */
static int make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	struct stat sb;
	int rc = 0;

	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	if (rc == 0 && (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)))
		rc = -1;
	free(p);
	return rc;
}

static int exec_sql(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* The schema version of db: PRAGMA user_version, or -1 when db is not a
 * database. A read: no lock held after it. */
static int user_version(sqlite3 *db)
{
	sqlite3_stmt *s = NULL;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Brings db from version to USERDATA_VERSION, one transaction per step;
 * the first open of a new file sets WAL up before. 0 when done. */
static int migrate(sqlite3 *db, int version)
{
	if (version == 0 && exec_sql(db, "PRAGMA journal_mode=WAL") != 0)
		return -1;
	for (; version < USERDATA_VERSION; version++) {
		if (exec_sql(db, "BEGIN IMMEDIATE") != 0)
			return -1;
		/* sql-lint: constants: migrations[] holds literals only */
		if (exec_sql(db, migrations[version]) != 0 || exec_sql(db, "COMMIT") != 0) {
			exec_sql(db, "ROLLBACK");
			return -1;
		}
	}
	return 0;
}

/* Opens path read-write when possible (*writable tells). Nothing is written
 * unless the file is new or from an older version: WAL and the schema are
 * set up once, so a normal start costs no fsync. */
static sqlite3 *open_db(const char *path, bool *writable)
{
	sqlite3 *db = NULL;
	int version;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK)
		goto fail;
	sqlite3_busy_timeout(db, 250);
	*writable = sqlite3_db_readonly(db, "main") == 0;
	if ((version = user_version(db)) < 0)
		goto fail;
	if (version < USERDATA_VERSION) {
		if (!*writable || migrate(db, version) != 0)
			goto fail;
	} else if (version > USERDATA_VERSION) {
		*writable = false;  /* a newer program's file: read what we know, change nothing */
	}
	exec_sql(db, "PRAGMA synchronous=NORMAL");
	return db;
fail:
	sqlite3_close(db);
	return NULL;
}

/* path as an SQLite URI with ?immutable=1 (RFC 3986: %, ?, # and
 * non-ASCII bytes escaped). Caller frees. */
static char *immutable_uri(const char *path)
{
	size_t n = strlen(path);
	char *u = xmalloc(3 * n + 32), *o = u;

	o += sprintf(o, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p >= 0x7F)
			o += sprintf(o, "%%%02X", *p);
		else
			*o++ = (char)*p;
	}
	strcpy(o, "?immutable=1");
	return u;
}

static sqlite3 *open_ro_flags(const char *name, int flags)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    exec_sql(db, "SELECT count(*) FROM setting, visit, bookmark WHERE 0") != 0) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 250);
	return db;
}

/* Read-only, when the file exists and holds our tables. A WAL database in
 * a folder that cannot be written cannot get its -shm file: when no -wal
 * file holds changes, everything is in the main file and it is read as
 * immutable (issue 15 item 9: a read-only folder hid the user's data). */
static sqlite3 *open_ro(const char *path)
{
	sqlite3 *db;
	struct stat sb;
	char *wal, *uri;

	if (access(path, R_OK) != 0)
		return NULL;
	if ((db = open_ro_flags(path, 0)) != NULL)
		return db;
	wal = xasprintf("%s-wal", path);
	if (stat(wal, &sb) != 0 || sb.st_size == 0) {
		uri = immutable_uri(path);
		db = open_ro_flags(uri, SQLITE_OPEN_URI);
		free(uri);
	}
	free(wal);
	return db;
}

/* Why a user database at path opened read-only cannot be written. */
static char *readonly_reason(const char *dir, const char *path, bool newer)
{
	if (newer)
		return xasprintf(SAY("%s was made by a newer statuscodes"), path);
	if (access(dir, W_OK) != 0)
		return xasprintf(SAY("the folder %s cannot be written"), dir);
	if (access(path, W_OK) != 0)
		return xasprintf(SAY("%s cannot be written"), path);
	return xasprintf(SAY("%s cannot be written (locked or damaged)"), path);
}

struct userdata *userdata_open(const char *dir)
{
	struct userdata *u;
	sqlite3 *db;
	bool writable = true;

	if (dir == NULL || *dir != '/')
		return NULL;
	char *path = xasprintf("%s/user.db", dir);
	db = make_dirs(dir) == 0 ? open_db(path, &writable) : NULL;
	if (db == NULL) {
		writable = false;
		db = open_ro(path);
	}
	if (db == NULL) {
		free(path);
		return NULL;
	}
	u = xcalloc(1, sizeof *u);
	u->db = db;
	u->writable = writable;
	if (!writable)
		u->why = readonly_reason(dir, path, user_version(db) > USERDATA_VERSION);
	free(path);
	return u;
}

void userdata_close(struct userdata *u)
{
	if (u == NULL)
		return;
	sqlite3_close(u->db);
	free(u->why);
	free(u);
}

bool userdata_writable(const struct userdata *u)
{
	return u && u->writable;
}

const char *userdata_readonly_reason(const struct userdata *u)
{
	return u && !u->writable ? u->why : NULL;
}

/* ---- statements ---------------------------------------------------------- */

static sqlite3_stmt *prep(struct userdata *u, const char *sql)
{
	sqlite3_stmt *s = NULL;

	if (u == NULL || sqlite3_prepare_v2(u->db, sql, -1, &s, NULL) != SQLITE_OK) {
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

/* Runs a statement that returns no rows; finalizes it. */
static int run(sqlite3_stmt *s)
{
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

char *userdata_get(struct userdata *u, const char *key)
{
	sqlite3_stmt *s = prep(u, "SELECT value FROM setting WHERE key = ?1");
	char *v = NULL;

	if (s == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

char *userdata_peek(const char *dir, const char *key)
{
	if (dir == NULL || *dir != '/')
		return NULL;
	char *path = xasprintf("%s/user.db", dir);
	/* Where the file can be written, open it for writing (never creating
	 * it, writing nothing): the last connection to close then checkpoints
	 * and removes the -wal and -shm files, which a read-only connection
	 * would leave beside the user's database. */
	sqlite3 *db = NULL;
	if (access(path, W_OK) != 0 ||
	    sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    exec_sql(db, "SELECT count(*) FROM setting WHERE 0") != 0) {
		sqlite3_close(db);
		db = open_ro(path);
	} else {
		sqlite3_busy_timeout(db, 250);
	}
	struct userdata u = { db, false, NULL };
	free(path);
	if (u.db == NULL)
		return NULL;
	char *v = userdata_get(&u, key);
	sqlite3_close(u.db);
	return v;
}

int userdata_set(struct userdata *u, const char *key, const char *value)
{
	if (!userdata_writable(u))
		return -1;
	sqlite3_stmt *s = prep(u, "INSERT INTO setting(key, value) VALUES(?1, ?2)"
	                          " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
	return run(s);
}

int userdata_visit(struct userdata *u, const char *protocol, const char *code)
{
	sqlite3_stmt *s;

	if (!userdata_writable(u) || exec_sql(u->db, "BEGIN IMMEDIATE") != 0)
		return -1;
	s = prep(u, "INSERT INTO visit(protocol, code, at) VALUES(?1, ?2, ?3)");
	if (s) {
		sqlite3_bind_text(s, 1, protocol, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)time(NULL));
	}
	if (run(s) != 0 ||
	    exec_sql(u->db, "DELETE FROM visit WHERE id <= (SELECT max(id) FROM visit) - "
	                    SC_STRINGIFY(USERDATA_HISTORY_MAX)) != 0 ||
	    exec_sql(u->db, "COMMIT") != 0) {
		exec_sql(u->db, "ROLLBACK");
		return -1;
	}
	return 0;
}

/* Appends the (protocol, code) rows of s to out; skips a row equal to the
 * one before it when fold is set. Finalizes s. */
static int collect_refs(sqlite3_stmt *s, bool fold, struct userdata_refs *out)
{
	int rc;
	size_t first = out->n;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(s, 0);
		const char *c = (const char *)sqlite3_column_text(s, 1);
		if (p == NULL || c == NULL)
			continue;
		if (fold && out->n > first && strcmp(out->v[out->n - 1].protocol, p) == 0 &&
		    strcmp(out->v[out->n - 1].code, c) == 0)
			continue;
		userdata_refs_push(out, p, c);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int userdata_history(struct userdata *u, size_t max, struct userdata_refs *out)
{
	sqlite3_stmt *s = prep(u, "SELECT protocol, code FROM"
	                          " (SELECT id, protocol, code FROM visit ORDER BY id DESC LIMIT ?1)"
	                          " ORDER BY id");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)max);
	return collect_refs(s, true, out);
}

int userdata_bookmark(struct userdata *u, const char *protocol, const char *code, bool on)
{
	sqlite3_stmt *s;

	if (!userdata_writable(u))
		return -1;
	s = prep(u, on ? "INSERT OR IGNORE INTO bookmark(protocol, code, at) VALUES(?1, ?2, ?3)"
	               : "DELETE FROM bookmark WHERE protocol = ?1 AND code = ?2");
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, protocol, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, code, -1, SQLITE_TRANSIENT);
	if (on)
		sqlite3_bind_int64(s, 3, (sqlite3_int64)time(NULL));
	return run(s);
}

int userdata_bookmarks(struct userdata *u, struct userdata_refs *out)
{
	return collect_refs(prep(u, "SELECT protocol, code FROM bookmark ORDER BY id"), false, out);
}

/* ---- study progress ------------------------------------------------------ */

void userdata_cards_free(struct userdata_cards *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].card);
	free(l->v);
	memset(l, 0, sizeof *l);
}

int userdata_study_cards(struct userdata *u, struct userdata_cards *out)
{
	sqlite3_stmt *s = prep(u, "SELECT card, state, step, stability, difficulty, due, last, first,"
	                          " reps, lapses, rights FROM study_card ORDER BY card");
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_text(s, 0) == NULL)
			continue;
		out->v = xgrow(out->v, out->n, &out->cap, sizeof *out->v);
		struct userdata_card *c = &out->v[out->n++];
		c->card = xstrdup((const char *)sqlite3_column_text(s, 0));
		c->state = sqlite3_column_int(s, 1);
		c->step = sqlite3_column_int(s, 2);
		c->stability = sqlite3_column_double(s, 3);
		c->difficulty = sqlite3_column_double(s, 4);
		c->due = sqlite3_column_int64(s, 5);
		c->last = sqlite3_column_int64(s, 6);
		c->first = sqlite3_column_int64(s, 7);
		c->reps = sqlite3_column_int(s, 8);
		c->lapses = sqlite3_column_int(s, 9);
		c->rights = sqlite3_column_int(s, 10);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int userdata_study_answer(struct userdata *u, const struct userdata_card *c, int grade, bool right,
                          int64_t at)
{
	sqlite3_stmt *s;

	if (!userdata_writable(u) || c == NULL || c->card == NULL || exec_sql(u->db, "BEGIN IMMEDIATE") != 0)
		return -1;
	s = prep(u, "INSERT OR REPLACE INTO study_card(card, state, step, stability, difficulty, due,"
	            " last, first, reps, lapses, rights) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
	if (s) {
		sqlite3_bind_text(s, 1, c->card, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 2, c->state);
		sqlite3_bind_int(s, 3, c->step);
		sqlite3_bind_double(s, 4, c->stability);
		sqlite3_bind_double(s, 5, c->difficulty);
		sqlite3_bind_int64(s, 6, (sqlite3_int64)c->due);
		sqlite3_bind_int64(s, 7, (sqlite3_int64)c->last);
		sqlite3_bind_int64(s, 8, (sqlite3_int64)c->first);
		sqlite3_bind_int(s, 9, c->reps);
		sqlite3_bind_int(s, 10, c->lapses);
		sqlite3_bind_int(s, 11, c->rights);
	}
	if (run(s) != 0)
		goto fail;
	s = prep(u, "INSERT INTO study_review(card, at, grade, right) VALUES(?1, ?2, ?3, ?4)");
	if (s) {
		sqlite3_bind_text(s, 1, c->card, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)at);
		sqlite3_bind_int(s, 3, grade);
		sqlite3_bind_int(s, 4, right);
	}
	if (run(s) != 0 || exec_sql(u->db, "COMMIT") != 0)
		goto fail;
	return 0;
fail:
	exec_sql(u->db, "ROLLBACK");
	return -1;
}

int64_t userdata_study_review_count(struct userdata *u, const char *card)
{
	sqlite3_stmt *s = prep(u, card ? "SELECT count(*) FROM study_review WHERE card = ?1"
	                               : "SELECT count(*) FROM study_review");
	int64_t n = -1;

	if (s == NULL)
		return -1;
	if (card)
		sqlite3_bind_text(s, 1, card, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}
