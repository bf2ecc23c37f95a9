/* advice.h: the one table of what explain says about a header, a hop, an
 * FTP sequence or a rule, in English and Chinese. Reports refer to rows by
 * index; the view layer shows them. */
#ifndef SC_ADVICE_H
#define SC_ADVICE_H

struct ex_advice {
	const char *id;   /* stable name, used in JSON */
	const char *en, *zh;
};

enum ex_advice_id {
	/* headers */
	ADV_LOCATION, ADV_LOCATION_CREATED, ADV_RETRY_AFTER, ADV_RATELIMIT,
	ADV_WWW_AUTHENTICATE, ADV_PROXY_AUTHENTICATE, ADV_ALLOW,
	ADV_CONTENT_RANGE, ADV_CONTENT_RANGE_416, ADV_UPGRADE, ADV_CONNECTION,
	ADV_SERVER, ADV_CF_RAY, ADV_X_CACHE, ADV_VIA, ADV_CDN_ID,
	/* who answered */
	ADV_HOP_CACHE, ADV_HOP_CDN, ADV_HOP_PROXY, ADV_HOP_ORIGIN,
	/* FTP sequences */
	ADV_FTP_BAD_LOGIN, ADV_FTP_USER_REFUSED, ADV_FTP_PASV_BLOCKED, ADV_FTP_PORT_BLOCKED,
	ADV_FTP_EPSV_REFUSED,
	/* how a meaning was found */
	ADV_RULE_PARENT, ADV_RULE_CLASS, ADV_RULE_RANGE, ADV_RULE_NO_RESPONSE,
	ADV_RULE_INVALID, ADV_WS_PRIVATE, ADV_WS_REGISTERED,
	ADV_COUNT
};

extern const struct ex_advice explain_advice[ADV_COUNT];

#endif
