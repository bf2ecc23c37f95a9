/* dbpath.h: which reference database the program opens. */
#ifndef SC_DBPATH_H
#define SC_DBPATH_H

/* The database to open: explicit (--db) if given, else $STATUSCODES_DB,
 * else the build tree's when the program runs from it, else the copy
 * installed beside the program (<bindir>/../share/statuscodes, so a moved
 * or DESTDIR-staged install works), else the configured pkgdatadir's.
 * Caller frees. */
char *dbpath_find(const char *explicit_path);

/* The directory for the user's own data ($XDG_DATA_HOME/statuscodes or
 * ~/.local/share/statuscodes), or NULL when there is no home. Not created.
 * Caller frees. */
char *dbpath_user_dir(void);

#endif
