import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import type { InspectorView } from '../../store/labSettings.ts';
import { SegmentedToggle } from '../../ui/ChoiceGroup.tsx';

const VIEWS: InspectorView[] = ['hex', 'ribbon', 'frames', 'struct'];

/** Hex, ribbon, frames or struct: four ways to look at the same bytes of the selected socket. */
export function ViewSwitch() {
  const { t } = useTranslation();
  const view = usePlayground((s) => s.lab.view);
  const showView = usePlayground((s) => s.showView);
  return (
    <SegmentedToggle
      className="inspector__views"
      label={t('lab.views.label')}
      value={view}
      onChange={showView}
      options={VIEWS.map((v) => ({
        value: v,
        label: t(`lab.views.${v}`),
        hint: t(`lab.viewHints.${v}`),
        testId: `inspector-view-${v}`,
      }))}
    />
  );
}
