/* mark.c: the standard / vendor / obsolete mark of an entry (mark.h). */
#include "config.h"
#include "mark.h"

#include <string.h>

#include "labels.h"

static bool status_is(const struct sc_entry *e, const char *s)
{
	return e->status && strcmp(e->status, s) == 0;
}

struct view_mark view_mark(const struct sc_entry *e, enum lang lang)
{
	struct view_mark m;
	const char *status = e->status ? e->status : "unverified";

	if (status_is(e, "unofficial") && e->vendor && *e->vendor) {
		m.text = e->vendor;
		m.compact = "V";
		m.color = PAL_VENDOR;
		return m;
	}
	m.text = lang == LANG_ZH ? label_status_zh(status) : status;
	if (status_is(e, "standard") || status_is(e, "reserved")) {
		m.compact = "S";
		m.color = PAL_STANDARD;
	} else if (status_is(e, "obsolete") || status_is(e, "unused")) {
		m.compact = "O";
		m.color = PAL_OBSOLETE;
	} else if (status_is(e, "unofficial")) {
		m.compact = "V";
		m.color = PAL_VENDOR;
	} else {
		m.compact = "?";
		m.color = PAL_WARN;
	}
	return m;
}
