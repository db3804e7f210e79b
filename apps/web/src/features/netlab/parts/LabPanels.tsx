import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollBody } from '../../../ui/ScrollBody.tsx';
import { useCompareStore } from '../../compare/model/compareRun.ts';
import { ConditionsForm } from '../../conditions/ConditionsForm.tsx';
import { useNetLab } from '../model/labStore.ts';
import '../../../ui/labPage.css';

/**
 * The controls column of a lab page: a form whose submit starts the run, the run's own fields, and
 * last the network the run goes through.
 */
export function LabControls(props: { title: string; intro: string; onStart(): void; children: ReactNode }) {
  const id = useId();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    props.onStart();
  };
  return (
    <form className="netlab-page__controls panel" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <div className="panel__header">
        <h2 id={`${id}-title`}>{props.title}</h2>
      </div>
      <div className="panel__body netlab-controls">
        <p className="netlab-controls__intro">{props.intro}</p>
        {props.children}
        <NetworkConditions />
      </div>
    </form>
  );
}

/** The network every lab page's runs go through: one setting for all, changed live while they run. */
function NetworkConditions() {
  const { t } = useTranslation();
  const settings = useNetLab((s) => s.settings);
  const seed = useNetLab((s) => s.seed);
  const setSettings = useNetLab((s) => s.setSettings);
  const compare = useCompareStore();
  const change = (settings: Parameters<typeof setSettings>[0]) => {
    // Results measured on another network would sit under the new one's name: a finished run is cleared.
    const { status, reset } = compare.getState();
    if (status === 'done' || status === 'failed') void reset();
    setSettings(settings);
  };
  const setSeed = useNetLab((s) => s.setSeed);
  return (
    <>
      <h3 className="netlab-controls__heading">{t('netlab.conditions.title')}</h3>
      <ConditionsForm value={settings} onChange={change} seed={seed} onSeed={setSeed} />
    </>
  );
}

/** The results column of a lab page; `beside` stands next to its title (the run's progress, a picker). */
export function LabResults(props: { title: string; beside: ReactNode; children: ReactNode }) {
  return (
    <section className="netlab-page__results panel" aria-label={props.title}>
      <div className="panel__header">
        <h2>{props.title}</h2>
        {props.beside}
      </div>
      <ScrollBody className="netlab-results">{props.children}</ScrollBody>
    </section>
  );
}
