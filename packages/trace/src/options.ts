/** What `socket-playground trace` was asked to do. */
export interface TraceOptions {
  url: string;
  code: string | undefined;
  tracer: 'auto' | 'python' | 'strace';
  quiet: boolean;
  /** Where the Python shim is (a published package ships it beside its code); default: this package's. */
  shimDir?: string;
}
