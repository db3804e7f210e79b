/** Clipboard API where allowed (a secure context), else the old select-and-copy. */
export async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied: try the fallback.
  }
  if (!fallback) return false;
  fallback.value = text;
  fallback.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
