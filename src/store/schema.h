/* schema.h: the reference database's schema (see docs/DATA-MODEL.md). */
#ifndef SC_SCHEMA_H
#define SC_SCHEMA_H

/* Bumped whenever a table or column changes; stored in PRAGMA user_version.
 * A database with a higher number was made by a newer statuscodes. */
#define SC_SCHEMA_VERSION 9
/* meta.application of every database this program made. */
#define SC_APPLICATION "statuscodes"

/* All CREATE statements, in order. */
extern const char schema_sql[];

#endif
