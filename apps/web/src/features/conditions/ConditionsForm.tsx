import {
  type ConditionsSettings,
  MAX_BANDWIDTH_KBPS,
  MAX_CONDITIONS_DELAY_MS,
  MAX_REORDER_DISTANCE,
  MAX_SEGMENT_BYTES,
} from '@playground/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChipGroup } from '../../ui/ChoiceGroup.tsx';
import { PRESET_NAMES, PRESETS, presetOf } from './model/presets.ts';
import '../../ui/fieldGroup.css';
import './conditions.css';

type Key = keyof ConditionsSettings;
export type ConditionsScope = 'both' | 'tcp' | 'udp';

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** Keeps the settings valid as the learner types: in range, and the smallest piece never above the largest. */
export function withSetting(settings: ConditionsSettings, key: Key, raw: number): ConditionsSettings {
  const bounds: Record<Key, [number, number]> = {
    lossPct: [0, 100],
    duplicatePct: [0, 100],
    reorderPct: [0, 100],
    reorderDistance: [1, MAX_REORDER_DISTANCE],
    delayMs: [0, MAX_CONDITIONS_DELAY_MS],
    jitterMs: [0, MAX_CONDITIONS_DELAY_MS],
    bandwidthKbps: [0, MAX_BANDWIDTH_KBPS],
    segmentMin: [0, MAX_SEGMENT_BYTES],
    segmentMax: [0, MAX_SEGMENT_BYTES],
  };
  const [min, max] = bounds[key];
  const value = Number.isFinite(raw) ? clamp(Math.round(raw), min, max) : min;
  const next = { ...settings, [key]: value };
  if (key === 'segmentMin' && next.segmentMax < value) next.segmentMax = value;
  if (key === 'segmentMax' && next.segmentMin > value) next.segmentMin = value;
  return next;
}

/**
 * The network a run goes through. Percentages are sliders (readable from the back of the room);
 * times, bandwidth and piece sizes are numbers. What applies to which transport is said on the spot.
 */
export function ConditionsForm(props: {
  value: ConditionsSettings;
  onChange: (settings: ConditionsSettings) => void;
  scope?: ConditionsScope;
  seed?: number;
  onSeed?: (seed: number) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { value, onChange, disabled } = props;
  const scope = props.scope ?? 'both';
  const set = (key: Key) => (raw: number) => onChange(withSetting(value, key, raw));
  const preset = presetOf(value);

  return (
    <div className="conditions-form" data-testid="conditions-form">
      <ChipGroup
        className="conditions-form__presets"
        label={t('netlab.conditions.presets')}
        value={preset}
        disabled={disabled}
        onChange={(name) => onChange(PRESETS[name])}
        options={PRESET_NAMES.map((name) => ({
          value: name,
          label: t(`netlab.conditions.presetNames.${name}`),
          hint: t(`netlab.conditions.presetHints.${name}`),
          testId: `preset-${name}`,
        }))}
      />

      <fieldset className="field-group">
        <legend>{t('netlab.conditions.groups.both')}</legend>
        <div className="conditions-form__row">
          <NumberSetting
            id={`${id}-delay`}
            name="delayMs"
            label={t('netlab.conditions.delay')}
            unit="ms"
            value={value.delayMs}
            max={MAX_CONDITIONS_DELAY_MS}
            onChange={set('delayMs')}
            disabled={disabled}
          />
          <NumberSetting
            id={`${id}-jitter`}
            name="jitterMs"
            label={t('netlab.conditions.jitter')}
            unit="ms"
            value={value.jitterMs}
            max={MAX_CONDITIONS_DELAY_MS}
            onChange={set('jitterMs')}
            disabled={disabled}
          />
          <NumberSetting
            id={`${id}-bandwidth`}
            name="bandwidthKbps"
            label={t('netlab.conditions.bandwidth')}
            unit={t('netlab.conditions.kbps')}
            value={value.bandwidthKbps}
            max={MAX_BANDWIDTH_KBPS}
            step={100}
            hint={value.bandwidthKbps === 0 ? t('netlab.conditions.unlimited') : undefined}
            onChange={set('bandwidthKbps')}
            disabled={disabled}
          />
        </div>
      </fieldset>

      {scope !== 'tcp' && (
        <fieldset className="field-group conditions-form__group--udp">
          <legend>{t('netlab.conditions.groups.udp')}</legend>
          <PercentSetting
            id={`${id}-loss`}
            name="lossPct"
            label={t('netlab.conditions.loss')}
            value={value.lossPct}
            onChange={set('lossPct')}
            disabled={disabled}
          />
          <PercentSetting
            id={`${id}-dup`}
            name="duplicatePct"
            label={t('netlab.conditions.duplicate')}
            value={value.duplicatePct}
            onChange={set('duplicatePct')}
            disabled={disabled}
          />
          <PercentSetting
            id={`${id}-reorder`}
            name="reorderPct"
            label={t('netlab.conditions.reorder')}
            value={value.reorderPct}
            onChange={set('reorderPct')}
            disabled={disabled}
          />
          {value.reorderPct > 0 && (
            <NumberSetting
              id={`${id}-distance`}
              name="reorderDistance"
              label={t('netlab.conditions.reorderDistance')}
              value={value.reorderDistance}
              min={1}
              max={MAX_REORDER_DISTANCE}
              onChange={set('reorderDistance')}
              disabled={disabled}
            />
          )}
        </fieldset>
      )}

      {scope !== 'udp' && (
        <fieldset className="field-group conditions-form__group--tcp">
          <legend>{t('netlab.conditions.groups.tcp')}</legend>
          <div className="conditions-form__row">
            <NumberSetting
              id={`${id}-segmin`}
              name="segmentMin"
              label={t('netlab.conditions.segmentMin')}
              unit={t('netlab.conditions.bytes')}
              value={value.segmentMin}
              max={MAX_SEGMENT_BYTES}
              onChange={set('segmentMin')}
              disabled={disabled}
            />
            <NumberSetting
              id={`${id}-segmax`}
              name="segmentMax"
              label={t('netlab.conditions.segmentMax')}
              unit={t('netlab.conditions.bytes')}
              value={value.segmentMax}
              max={MAX_SEGMENT_BYTES}
              onChange={set('segmentMax')}
              disabled={disabled}
            />
          </div>
          <p className="conditions-form__note" data-testid="tcp-guarantee">
            {t('netlab.conditions.tcpNote')}
          </p>
        </fieldset>
      )}

      {props.onSeed && (
        <NumberSetting
          id={`${id}-seed`}
          name="seed"
          label={t('netlab.conditions.seed')}
          hint={t('netlab.conditions.seedHint')}
          value={props.seed ?? 0}
          max={0xffff_ffff}
          onChange={(n) => props.onSeed?.(clamp(Math.round(n) || 0, 0, 0xffff_ffff))}
          disabled={disabled}
        />
      )}
    </div>
  );
}

function PercentSetting(props: {
  id: string;
  name: string;
  label: string;
  value: number;
  onChange: (n: number) => void;
  disabled?: boolean | undefined;
}) {
  return (
    <div className="percent-setting">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="range"
        min={0}
        max={100}
        step={1}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <output htmlFor={props.id} className="percent-setting__value">
        {props.value} %
      </output>
    </div>
  );
}

function NumberSetting(props: {
  id: string;
  name: string;
  label: string;
  value: number;
  unit?: string | undefined;
  min?: number;
  max: number;
  step?: number;
  hint?: string | undefined;
  onChange: (n: number) => void;
  disabled?: boolean | undefined;
}) {
  return (
    <div className="field number-setting">
      <label htmlFor={props.id}>{props.label}</label>
      <span className="number-setting__input">
        <input
          id={props.id}
          name={props.name}
          type="number"
          inputMode="numeric"
          min={props.min ?? 0}
          max={props.max}
          step={props.step ?? 1}
          value={props.value}
          disabled={props.disabled}
          aria-describedby={props.hint ? `${props.id}-hint` : undefined}
          onChange={(e) => props.onChange(e.target.value === '' ? 0 : Number(e.target.value))}
        />
        {props.unit && <span className="number-setting__unit">{props.unit}</span>}
      </span>
      {props.hint && (
        <p id={`${props.id}-hint`} className="field__hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
