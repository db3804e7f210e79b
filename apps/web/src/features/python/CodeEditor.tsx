import { python } from '@codemirror/lang-python';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

/**
 * The program's editor: CodeMirror 6 with Python highlighting. The text lives in the editor; the
 * panel reads it through `onChange` and replaces it by changing `loadKey` (an example was loaded).
 */
export function CodeEditor(props: { text: string; loadKey: number; label: string; onChange(text: string): void }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new editor only when an example is loaded
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: props.text,
        extensions: [
          basicSetup,
          python(),
          EditorView.contentAttributes.of({ 'aria-label': props.label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
  }, [props.loadKey]);

  return <div className="python-editor" ref={host} data-testid="python-editor" />;
}
