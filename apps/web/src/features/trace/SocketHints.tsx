import { useTranslation } from 'react-i18next';
import type { SocketEntry } from '../../store/state.ts';
import { hintText } from './describeCall.ts';
import './trace.css';

/** The classic mistakes a program socket's calls showed, each with the line of code it is about. */
export function SocketHints(props: { entry: SocketEntry }) {
  const { t } = useTranslation();
  const hints = props.entry.hints ?? [];
  if (hints.length === 0) return null;
  return (
    <ul className="program-hints" aria-label={t('trace.hints.title')}>
      {hints.map((hint) => {
        const text = hintText(t, hint);
        return (
          <li
            key={`${hint.code}-${hint.line}`}
            className="program-hint"
            data-testid="program-hint"
            data-code={hint.code}
          >
            <strong>
              {t('trace.hints.title')}
              {text.at && ` · ${text.at}`}: {text.short}
            </strong>
            <span>{text.long}</span>
          </li>
        );
      })}
    </ul>
  );
}
