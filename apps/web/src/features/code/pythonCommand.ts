/**
 * How a learner starts Python in a terminal on their own computer: the `py` launcher on Windows
 * (where `python3` is often missing, or opens the Microsoft Store), `python3` on macOS and Linux.
 */
export function pythonCommand(userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent): string {
  return /\bWindows\b/.test(userAgent) ? 'py' : 'python3';
}
