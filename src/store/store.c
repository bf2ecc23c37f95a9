#include "config.h"
#include "store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema.h"
#include "tokenizer.h"
#include "xmalloc.h"

struct store {
	sqlite3 *db;
	char    *path;
	enum store_mode mode;
	int64_t  nentries;   /* -1 until counted */
};

sqlite3 *store_db(struct store *st) { return st->db; }
const char *store_path(const struct store *st) { return st->path; }

/* The user-facing words for an SQLite result code. */
static const char *store_reason(int rc)
{
	switch (rc & 0xFF) {
	case SQLITE_NOTADB:   return "not an SQLite database";
	case SQLITE_CORRUPT:  return "the database file is damaged";
	case SQLITE_BUSY:
	case SQLITE_LOCKED:   return "the database is locked by another process";
	case SQLITE_READONLY: return "the database is read-only";
	case SQLITE_CANTOPEN: return "cannot open the file";
	case SQLITE_PERM:
	case SQLITE_AUTH:     return "permission denied";
	case SQLITE_FULL:     return "the disk is full";
	case SQLITE_IOERR:    return "a read or write error occurred";
	case SQLITE_NOMEM:    return "out of memory";
	case SQLITE_TOOBIG:   return "a value is too large";
	default:              return "the database cannot be used";
	}
}

char *store_error(struct store *st, const char *what)
{
	int rc = st && st->db ? sqlite3_extended_errcode(st->db) : SQLITE_ERROR;
	const char *path = st ? st->path : "?";

	if ((rc & 0xFF) == SQLITE_ERROR)
		/* a missing table or column: a database of another program or version */
		return xasprintf("%s: %s: not a usable statuscodes database", path, what);
	return xasprintf("%s: %s: %s", path, what, store_reason(rc));
}

/* Checks what can be checked before SQLite touches the file. */
static int store_precheck(const char *path, enum store_mode mode, char **cause)
{
	struct stat sb;

	if (mode == STORE_CREATE) {
		if (lstat(path, &sb) == 0) {
			*cause = xasprintf("%s: already exists; will not overwrite it", path);
			return -1;
		}
		return 0;
	}
	if (stat(path, &sb) != 0) {
		*cause = xasprintf("%s: database not found", path);
		if (errno != ENOENT) {
			free(*cause);
			*cause = xasprintf("%s: cannot open database: %s", path, strerror(errno));
		}
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		*cause = xasprintf("%s: is a directory, not a database", path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf("%s: is not a regular file", path);
		return -1;
	}
	if (sb.st_size == 0) {
		*cause = xasprintf("%s: the database file is empty", path);
		return -1;
	}
	if (access(path, R_OK) != 0) {
		*cause = xasprintf("%s: cannot read the database: permission denied", path);
		return -1;
	}
	/* a file without write permission is read-only, for root too */
	if (mode == STORE_WRITE && (access(path, W_OK) != 0 || (sb.st_mode & 0222) == 0)) {
		*cause = xasprintf("%s: the database is read-only", path);
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
			*cause = xasprintf("%s: not a statuscodes database", st->path);
		free(app);
		return -1;
	}
	free(app);
	if (version > SC_SCHEMA_VERSION) {
		*cause = xasprintf("%s: made by a newer statuscodes (schema %d; this program reads %d)",
		                   st->path, version, SC_SCHEMA_VERSION);
		return -1;
	}
	if (version < SC_SCHEMA_VERSION) {
		*cause = xasprintf("%s: made by an older statuscodes (schema %d; this program reads %d); rebuild it",
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
		*cause = store_error(st, "cannot create the schema");
		return -1;
	}
	return 0;
}

int store_open(const char *path, enum store_mode mode, struct store **out, char **cause)
{
	struct store *st;
	int flags, rc;

	*out = NULL;
	*cause = NULL;
	if (store_precheck(path, mode, cause) != 0)
		return -1;

	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->mode = mode;
	st->nentries = -1;
	switch (mode) {
	case STORE_READ:   flags = SQLITE_OPEN_READONLY; break;
	case STORE_WRITE:  flags = SQLITE_OPEN_READWRITE; break;
	default:           flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
	}
	rc = sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		*cause = xasprintf("%s: %s", path, store_reason(rc));
		store_close(st);
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 2000);
	if (tokenizer_register(st->db) != SQLITE_OK) {
		*cause = xasprintf("%s: cannot set up full-text search", path);
		store_close(st);
		return -1;
	}
	if (mode == STORE_CREATE) {
		if (store_create_schema(st, cause) != 0) {
			store_close(st);
			return -1;
		}
	} else if (store_validate(st, cause) != 0) {
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
		*cause = store_error(st, "cannot compact");
		return -1;
	}
	return 0;
}

void store_close(struct store *st)
{
	if (st == NULL)
		return;
	sqlite3_close_v2(st->db);
	free(st->path);
	free(st);
}
