/**
 * Bumped whenever a command, event or reply changes shape; the web app refuses a bridge of another
 * version. 2: replies travel inside `events` messages (`replies`), with what their commands set off.
 */
export const PROTOCOL_VERSION = 2;
