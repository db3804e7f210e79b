import type { ReactNode } from 'react';

/** Lesson text: `code` and **bold**, nothing else, so a lesson file cannot inject markup. */
export function MiniMarkdown(props: { text: string; className?: string; inline?: boolean }) {
  const nodes: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const match of props.text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) nodes.push(props.text.slice(last, at));
    if (match[1] !== undefined) nodes.push(<code key={at}>{match[1]}</code>);
    else nodes.push(<strong key={at}>{match[2]}</strong>);
    last = at + match[0].length;
  }
  if (last < props.text.length) nodes.push(props.text.slice(last));
  return props.inline ? <span className={props.className}>{nodes}</span> : <p className={props.className}>{nodes}</p>;
}
