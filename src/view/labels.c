/* labels.c: the program's own words (see labels.h). */
#include "config.h"
#include "labels.h"

#include <stddef.h>
#include <string.h>

const struct label_section label_sections[VS_COUNT] = {
#define VS_LABEL(id, name, xref, en, zh) [id] = { name, xref, en, zh },
	VIEW_SECTIONS(VS_LABEL)
#undef VS_LABEL
};

enum view_section_kind label_xref_section(const char *kind)
{
	for (int i = 0; kind && i < VS_COUNT; i++)
		if (label_sections[i].xref_kind && strcmp(label_sections[i].xref_kind, kind) == 0)
			return (enum view_section_kind)i;
	return VS_COUNT;
}

const char *label_status_zh(const char *status)
{
	static const struct { const char *en, *zh; } names[] = {
		{ "standard", "标准" }, { "unofficial", "非官方" }, { "obsolete", "已废弃" },
		{ "unused", "未使用" }, { "reserved", "保留" }, { "unverified", "未经核实" },
	};
	for (size_t i = 0; status && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(status, names[i].en) == 0)
			return names[i].zh;
	return status;
}

const char *label_protocol(const char *id)
{
	if (id == NULL)
		return "?";
	if (strcmp(id, "http") == 0) return "HTTP";
	if (strcmp(id, "ftp") == 0) return "FTP";
	if (strcmp(id, "websocket") == 0) return "WebSocket";
	return id;
}
