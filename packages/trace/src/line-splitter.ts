/** Lines longer than this are not a tracer's: they are dropped whole. */
const MAX_LINE = 1024 * 1024;

/** Cuts a byte stream into lines, keeping at most one unfinished line (bounded) between chunks. */
export class LineSplitter {
  private rest = '';
  private skipping = false;
  dropped = 0;

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    let text = this.rest + chunk;
    this.rest = '';
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (this.skipping) this.skipping = false;
      else if (end > start) this.onLine(text.slice(start, end));
      start = end + 1;
    }
    text = text.slice(start);
    if (this.skipping) return;
    if (text.length > MAX_LINE) {
      this.skipping = true;
      this.dropped++;
      return;
    }
    this.rest = text;
  }

  end(): void {
    if (!this.skipping && this.rest) this.onLine(this.rest);
    this.rest = '';
  }
}
