/*
 * Numbers of the class's joins that the bridge needs at start, before it loads any schema: this
 * module imports nothing, so a bundle can start without zod (the package is free of side effects).
 */

/** Student tokens one class holds at most: a full class refuses joins until the teacher removes some. */
export const MAX_JOINS = 1000;

/** Characters in a join code. */
export const JOIN_CODE_LENGTH = 6;
