/** The session cookie's name, alone in this file so proxy.ts need not bundle the database layer. */
export const SESSION_COOKIE = "cw_session";
