/**
 * The quote-of-the-day service's list, like `fortune`: proverbs and sayings in Spanish (the seeds'
 * language) and English. Every quote with its attribution stays far below RFC 865's 512 characters.
 */
export interface Quote {
  readonly text: string;
  readonly by: string;
}

export const QUOTES: readonly Quote[] = [
  { text: 'Caminante, no hay camino, se hace camino al andar.', by: 'Antonio Machado' },
  { text: 'No por mucho madrugar amanece más temprano.', by: 'Refrán' },
  { text: 'El que lee mucho y anda mucho, ve mucho y sabe mucho.', by: 'Miguel de Cervantes' },
  { text: 'Más vale maña que fuerza.', by: 'Refrán' },
  { text: 'Poco a poco se va lejos.', by: 'Refrán' },
  { text: 'Quien tiene un porqué para vivir puede soportar casi cualquier cómo.', by: 'Friedrich Nietzsche' },
  { text: 'La paciencia es amarga, pero su fruto es dulce.', by: 'Jean-Jacques Rousseau' },
  { text: 'Dime y lo olvido, enséñame y lo recuerdo, involúcrame y lo aprendo.', by: 'Proverbio' },
  { text: 'Be conservative in what you do, be liberal in what you accept from others.', by: 'Jon Postel, RFC 793' },
  { text: 'A journey of a thousand miles begins with a single step.', by: 'Lao Tzu' },
  { text: 'Simplicity is prerequisite for reliability.', by: 'Edsger W. Dijkstra' },
  { text: 'The network is reliable, until it is not.', by: 'Folk wisdom of distributed systems' },
  { text: 'Well begun is half done.', by: 'Aristotle' },
  { text: 'Measure twice, cut once.', by: 'Proverb' },
  { text: 'TCP is a stream of bytes; messages are your business.', by: 'Socket Playground' },
  { text: 'It is not enough to be busy. The question is: what are we busy about?', by: 'Henry David Thoreau' },
];

/** One quote as the service sends it: the text, then the attribution on its own line, CRLF-ended. */
export function formatQuote(quote: Quote): string {
  return `${quote.text}\r\n    — ${quote.by}\r\n`;
}

export function pickQuote(random: () => number): Quote {
  return QUOTES[Math.floor(random() * QUOTES.length) % QUOTES.length] as Quote;
}
