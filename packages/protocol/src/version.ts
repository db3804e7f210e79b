/** Bumped whenever a command, event or reply changes shape; the web app refuses a bridge of another version. */
export const PROTOCOL_VERSION = 1;
