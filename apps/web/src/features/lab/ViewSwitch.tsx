import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import type { InspectorView } from '../../bridge/labSettings.ts';

const VIEWS: InspectorView[] = ['hex', 'ribbon', 'frames', 'struct'];

/** Hex, ribbon, frames or struct: four ways to look at the same bytes of the selected socket. */
export function ViewSwitch() {
  const { t } = useTranslation();
  const view = usePlayground((s) => s.lab.view);
  const showView = usePlayground((s) => s.showView);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset.
    <div className="lab-views" role="group" aria-label={t('lab.views.label')}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          className="lab-views__option"
          aria-pressed={view === v}
          title={t(`lab.viewHints.${v}`)}
          data-view={v}
          onClick={() => showView(v)}
        >
          {t(`lab.views.${v}`)}
        </button>
      ))}
    </div>
  );
}
