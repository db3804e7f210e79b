// The generators behind "show me the code", for the browser tests that run what they write.
export { nodeCode } from './nodeCode.ts';
export { pythonCode } from './pythonCode.ts';
export type { ServerBehaviour, SnippetSpec, TcpServerSpec } from './snippets.ts';
