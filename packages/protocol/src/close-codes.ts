/**
 * The WebSocket close codes the bridge uses beyond the standard ones (1001 going away, 1007 invalid
 * UTF-8, 1009 too big); the page says why in the learner's words.
 */

/** The same session was resumed by another page (tab), which now has it. */
export const CLOSE_RESUMED_ELSEWHERE = 4001;

/** The teacher removed this student from the class: the token no longer works; join again to come back. */
export const CLOSE_REMOVED_FROM_CLASS = 4003;

/**
 * The page read so little of what the bridge sent that more than the output budget's hard cap
 * (32 MiB by default) waited for it; the session ended, with every socket it had.
 */
export const CLOSE_TOO_FAR_BEHIND = 4008;
