#include "config.h"
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema.h"
#include "store_int.h"
#include "tokenizer.h"
#include "say.h"
#include "xmalloc.h"

#define STORE_CACHE 48   /* statements store_cached() keeps */

struct store {
	sqlite3 *db;
	char    *path;
	enum store_mode mode;
	int64_t  nentries;   /* -1 until counted */
	ino_t    ino;        /* of path when opened */
	sqlite3 *src;        /* STORE_IMPORT: the file itself, locked while we work */
	char    *tmp;        /* STORE_IMPORT: the copy, until published */
	void    *search;     /* search.c's state for this connection */
	void   (*search_free)(void *);
	int      reading;    /* depth of store_read_begin() calls */
	struct { char *sql; sqlite3_stmt *s; } cache[STORE_CACHE];
	size_t   ncache;     /* statements kept by store_cached() */
	bool     began;      /* the outermost one began a transaction */
};

/* One read transaction for many statements: each statement on its own
 * takes and drops the file lock and checks the file's header again (about
 * eight system calls), and may see another version of the file than the
 * statement before it. A transaction already open (a write) is used as it
 * is. Failing to begin costs nothing but the saving: the statements then
 * run on their own. */
/* Finalizes the statements store_cached() kept. */
static void cache_drop(struct store *st)
{
	for (size_t i = 0; i < st->ncache; i++) {
		sqlite3_finalize(st->cache[i].s);
		free(st->cache[i].sql);
	}
	st->ncache = 0;
}

sqlite3_stmt *store_cached(struct store *st, const char *sql)
{
	for (size_t i = 0; i < st->ncache; i++)
		if (strcmp(st->cache[i].sql, sql) == 0)
			return st->cache[i].s;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
		return NULL;
	if (st->ncache == STORE_CACHE) {   /* full: the oldest goes */
		sqlite3_finalize(st->cache[0].s);
		free(st->cache[0].sql);
		memmove(&st->cache[0], &st->cache[1], (STORE_CACHE - 1) * sizeof st->cache[0]);
		st->ncache--;
	}
	st->cache[st->ncache].sql = xstrdup(sql);
	st->cache[st->ncache++].s = s;
	return s;
}

void store_read_begin(struct store *st)
{
	if (st->reading++ == 0)
		st->began = sqlite3_get_autocommit(st->db) &&
		            sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void store_read_end(struct store *st)
{
	if (st->reading > 0 && --st->reading == 0 && st->began) {
		st->began = false;
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	}
}

void *store_search_state(struct store *st) { return st->search; }

void store_set_search_state(struct store *st, void *state, void (*free_fn)(void *))
{
	if (st->search_free)
		st->search_free(st->search);
	st->search = state;
	st->search_free = free_fn;
}

sqlite3 *store_db(struct store *st) { return st->db; }
const char *store_path(const struct store *st) { return st->path; }

/* The user-facing words for an SQLite result code. */
static const char *store_reason(int rc)
{
	switch (rc & 0xFF) {
	case SQLITE_NOTADB:   return SAY("not an SQLite database");
	case SQLITE_CORRUPT:  return SAY("the database file is damaged");
	case SQLITE_BUSY:
	case SQLITE_LOCKED:   return SAY("the database is locked by another process");
	case SQLITE_READONLY: return SAY("the database is read-only");
	case SQLITE_CANTOPEN: return SAY("cannot open the file");
	case SQLITE_PERM:
	case SQLITE_AUTH:     return SAY("permission denied");
	case SQLITE_FULL:     return SAY("the disk is full");
	case SQLITE_IOERR:    return SAY("a read or write error occurred");
	case SQLITE_NOMEM:    return SAY("out of memory");
	case SQLITE_TOOBIG:   return SAY("a value is too large");
	case SQLITE_CONSTRAINT: return SAY("the database refused the change (a rule of its schema)");
	default:              return SAY("the database cannot be used");
	}
}

/* What to do about a hot journal that a read-only open cannot roll back.
 * This program no longer leaves one (imports rename a finished copy into
 * place), but an older statuscodes or another SQLite program may have. */
static char *hot_journal_cause(const char *path)
{
	return xasprintf(SAY("%s: an interrupted write (by an older statuscodes?) left %s-journal; nothing is "
	                 "lost, but it must be rolled back before the database can be read: run "
	                 "sqlite3 '%s' 'PRAGMA quick_check' as a user who may write to its directory, or "
	                 "import into it with --db (do not delete the journal)"), path, path, path);
}

char *store_error(struct store *st, const char *what)
{
	int rc = st && st->db ? sqlite3_extended_errcode(st->db) : SQLITE_ERROR;
	int syserr = st && st->db ? sqlite3_system_errno(st->db) : 0;
	const char *path = st ? st->path : "?";

	if (syserr == EFBIG)
		return xasprintf(SAY("%s: %s: the file size limit was reached (ulimit -f); the database is as it was"),
		                 path, what);
	if (syserr == ENOSPC || (rc & 0xFF) == SQLITE_FULL)
		return xasprintf(SAY("%s: %s: the disk is full; the database is as it was"), path, what);
	if (rc == SQLITE_READONLY_ROLLBACK)
		return hot_journal_cause(path);
	if ((rc & 0xFF) == SQLITE_ERROR)
		/* a missing table or column: a database of another program or version */
		return xasprintf(SAY("%s: %s: not a usable statuscodes database"), path, what);
	return xasprintf("%s: %s: %s", path, what, store_reason(rc));
}

/* Checks what can be checked before SQLite touches the file; *ino is the
 * file's inode. */
static int store_precheck(const char *path, enum store_mode mode, ino_t *ino, char **cause)
{
	struct stat sb;

	if (mode == STORE_CREATE) {
		if (lstat(path, &sb) == 0) {
			*cause = xasprintf(SAY("%s: already exists; will not overwrite it"), path);
			return -1;
		}
		return 0;
	}
	if (stat(path, &sb) != 0) {
		*cause = xasprintf(SAY("%s: database not found"), path);
		if (errno != ENOENT) {
			free(*cause);
			*cause = xasprintf(SAY("%s: cannot open database: %s"), path, say_errno(errno));
		}
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		*cause = xasprintf(SAY("%s: is a directory, not a database"), path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf(SAY("%s: is not a regular file"), path);
		return -1;
	}
	*ino = sb.st_ino;
	if (sb.st_size == 0) {
		*cause = xasprintf(SAY("%s: the database file is empty"), path);
		return -1;
	}
	if (access(path, R_OK) != 0) {
		*cause = xasprintf(SAY("%s: cannot read the database: permission denied"), path);
		return -1;
	}
	/* a file without write permission is read-only, for root too */
	if ((mode == STORE_WRITE || mode == STORE_IMPORT) && (access(path, W_OK) != 0 || (sb.st_mode & 0222) == 0)) {
		*cause = xasprintf(SAY("%s: the database is read-only"), path);
		return -1;
	}
	return 0;
}

/* Proves that db is a statuscodes database of a schema this program reads. */
static int store_validate(struct store *st, char **cause)
{
	sqlite3_stmt *stmt = NULL;
	int rc, version = -1;
	char *app = NULL;

	rc = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &stmt, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (version < 0 && sqlite3_extended_errcode(st->db) == SQLITE_READONLY_ROLLBACK) {
		*cause = hot_journal_cause(st->path);
		return -1;
	}
	if (version < 0) {
		*cause = xasprintf("%s: %s", st->path, store_reason(rc == SQLITE_ROW ? SQLITE_ERROR : rc));
		return -1;
	}
	rc = sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = 'application'", -1, &stmt, NULL);
	if (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		app = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	rc = sqlite3_errcode(st->db);
	sqlite3_finalize(stmt);
	if (app == NULL || strcmp(app, SC_APPLICATION) != 0) {
		int base = rc & 0xFF;
		if (base == SQLITE_NOTADB || base == SQLITE_CORRUPT || base == SQLITE_BUSY ||
		    base == SQLITE_LOCKED || base == SQLITE_IOERR)
			*cause = xasprintf("%s: %s", st->path, store_reason(rc));
		else
			*cause = xasprintf(SAY("%s: not a statuscodes database"), st->path);
		free(app);
		return -1;
	}
	free(app);
	if (version > SC_SCHEMA_VERSION) {
		*cause = xasprintf(SAY("%s: made by a newer statuscodes (schema %d; this program reads %d)"),
		                   st->path, version, SC_SCHEMA_VERSION);
		return -1;
	}
	if (version < SC_SCHEMA_VERSION) {
		*cause = xasprintf(SAY("%s: made by an older statuscodes (schema %d; this program reads %d); rebuild it"),
		                   st->path, version, SC_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

static int store_create_schema(struct store *st, char **cause)
{
	/* sql-lint: constants: the schema text and its version number */
	char *sql = xasprintf("PRAGMA journal_mode = DELETE;"
	                      "BEGIN;%s"
	                      "INSERT INTO meta VALUES('application', '" SC_APPLICATION "');"
	                      "INSERT INTO meta VALUES('schema', '%d');"
	                      "PRAGMA user_version = %d;"
	                      "COMMIT;",
	                      schema_sql, SC_SCHEMA_VERSION, SC_SCHEMA_VERSION);
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL); /* sql-lint: constants */

	free(sql);
	if (rc != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot create the schema"));
		return -1;
	}
	return 0;
}

/* The folder path is in (malloc'd) and its last component (in path). */
static char *dir_of(const char *path, const char **base)
{
	const char *slash = strrchr(path, '/');

	*base = slash ? slash + 1 : path;
	if (slash == NULL)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

/* Removes the copies that killed imports left beside path. Called only
 * while holding the file's write lock, so no other import is using them. */
static void remove_stale_copies(const char *dir, const char *base)
{
	char *prefix = xasprintf(".%s.import-", base);
	DIR *d = opendir(dir);
	struct dirent *de;

	while (d && (de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0) {
			char *p = xasprintf("%s/%s", dir, de->d_name);
			unlink(p);
			free(p);
		}
	}
	if (d)
		closedir(d);
	free(prefix);
}

/* STORE_IMPORT: takes the file's write lock on a second connection
 * (st->src; readers go on reading), makes an empty copy file beside it
 * with the same mode, and sets st->tmp. */
static int store_lock_and_name_copy(struct store *st, char **cause)
{
	const char *base;
	char *dir = dir_of(st->path, &base);
	struct stat sb;
	int fd;

	if (sqlite3_open_v2(st->path, &st->src, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(st->src, 2000) != SQLITE_OK ||
	    sqlite3_exec(st->src, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		*cause = xasprintf(SAY("%s: cannot lock it for writing: %s"), st->path,
		                   store_reason(st->src ? sqlite3_errcode(st->src) : SQLITE_NOMEM));
		free(dir);
		return -1;
	}
	if (stat(st->path, &sb) != 0 || sb.st_ino != st->ino) {
		*cause = xasprintf(SAY("%s: another import replaced it just now; run this one again"), st->path);
		free(dir);
		return -1;
	}
	remove_stale_copies(dir, base);
	st->tmp = xasprintf("%s/.%s.import-XXXXXX", dir, base);
	if ((fd = mkstemp(st->tmp)) < 0 || fchmod(fd, sb.st_mode & 07777) != 0) {
		*cause = xasprintf(SAY("%s: cannot write a copy beside it in %s: %s"), st->path, dir, say_errno(errno));
		if (fd >= 0)
			close(fd);
		free(dir);
		return -1;
	}
	close(fd);
	free(dir);
	return 0;
}

/* STORE_IMPORT and STORE_DRYRUN: moves the work (st->db) to a copy of the
 * file, on disk beside it or in memory; the file's own connection is
 * closed. An import keeps the file locked (st->src) until it is closed. */
static int store_copy(struct store *st, char **cause)
{
	sqlite3 *dst = NULL, *file = st->db;
	sqlite3_backup *bk;
	int rc;

	if (st->mode == STORE_IMPORT && store_lock_and_name_copy(st, cause) != 0)
		return -1;
	rc = sqlite3_open_v2(st->tmp ? st->tmp : ":memory:", &dst,
	                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK && (bk = sqlite3_backup_init(dst, "main", file, "main")) != NULL) {
		rc = sqlite3_backup_step(bk, -1);
		sqlite3_backup_finish(bk);
	}
	cache_drop(st);   /* prepared on the file, not on the copy */
	st->db = dst;
	sqlite3_close_v2(file);
	if (dst == NULL || rc != SQLITE_DONE) {
		*cause = store_error(st, SAY("cannot make a working copy"));
		return -1;
	}
	sqlite3_extended_result_codes(dst, 1);
	/* the copy is private until renamed: no journal on disk, one fsync */
	sqlite3_exec(dst, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF", NULL, NULL, NULL);
	return 0;
}

/* fsync of path (a file or a folder); 0 or -1 with errno. */
static int sync_path(const char *path, int flags)
{
	int fd = open(path, flags), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int store_publish(struct store *st, char **cause)
{
	const char *base;
	char *dir;

	if (st->mode != STORE_IMPORT || st->tmp == NULL)
		return 0;
	if (!sqlite3_get_autocommit(st->db)) {
		*cause = xasprintf(SAY("%s: internal error: publishing an unfinished import"), st->path);
		return -1;
	}
	dir = dir_of(st->path, &base);
	if (sync_path(st->tmp, O_RDONLY) != 0 || rename(st->tmp, st->path) != 0) {
		*cause = errno == EFBIG ? xasprintf(SAY("%s: %s: the file size limit was reached (ulimit -f); the database is as it was"),
		                                    st->path, SAY("cannot replace it with the new copy"))
		                        : xasprintf(SAY("%s: cannot replace it with the new copy: %s; the database is as it was"),
		                                    st->path, say_errno(errno));
		free(dir);
		return -1;
	}
	sync_path(dir, O_RDONLY | O_DIRECTORY);
	free(dir);
	free(st->tmp);
	st->tmp = NULL;
	return 0;
}

int store_open(const char *path, enum store_mode mode, struct store **out, char **cause)
{
	struct store *st;
	int flags, rc;

	*out = NULL;
	*cause = NULL;
	st = xcalloc(1, sizeof *st);
	if (store_precheck(path, mode, &st->ino, cause) != 0) {
		free(st);
		return -1;
	}
	st->path = xstrdup(path);
	st->mode = mode;
	st->nentries = -1;
	switch (mode) {
	case STORE_READ:
	case STORE_DRYRUN: flags = SQLITE_OPEN_READONLY; break;
	case STORE_WRITE:
	case STORE_IMPORT: flags = SQLITE_OPEN_READWRITE; break;
	default:           flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
	}
	/* a write past `ulimit -f` fails with EFBIG and a message, instead of
	 * the signal ending the process with no word */
	if (mode != STORE_READ)
		signal(SIGXFSZ, SIG_IGN);
	rc = sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		*cause = xasprintf("%s: %s", path, store_reason(rc));
		store_close(st);
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 2000);
	if (tokenizer_register(st->db) != SQLITE_OK) {
		*cause = xasprintf(SAY("%s: cannot set up full-text search"), path);
		store_close(st);
		return -1;
	}
	if (mode == STORE_CREATE) {
		if (store_create_schema(st, cause) != 0) {
			store_close(st);
			return -1;
		}
	} else if (store_validate(st, cause) != 0 ||
	           ((mode == STORE_IMPORT || mode == STORE_DRYRUN) &&
	            (store_copy(st, cause) != 0 || tokenizer_register(st->db) != SQLITE_OK))) {
		if (*cause == NULL)
			*cause = xasprintf(SAY("%s: cannot set up full-text search"), path);
		store_close(st);
		return -1;
	}
	if (mode == STORE_READ)
		sqlite3_exec(st->db, "PRAGMA query_only = 1", NULL, NULL, NULL);
	*out = st;
	return 0;
}

int64_t store_entry_count(struct store *st)
{
	sqlite3_stmt *s;

	if (st->nentries >= 0 && st->mode == STORE_READ)
		return st->nentries;
	st->nentries = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM entry", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			st->nentries = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	return st->nentries;
}

int store_compact(struct store *st, char **cause)
{
	if (sqlite3_exec(st->db, "VACUUM; PRAGMA optimize;", NULL, NULL, NULL) != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot compact"));
		return -1;
	}
	return 0;
}

void store_close(struct store *st)
{
	if (st == NULL)
		return;
	store_set_search_state(st, NULL, NULL);
	cache_drop(st);
	sqlite3_close_v2(st->db);
	if (st->tmp) {
		unlink(st->tmp);
		free(st->tmp);
	}
	sqlite3_close_v2(st->src); /* releases the lock an import held */
	free(st->path);
	free(st);
}
