import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n/index.ts';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/language.ts';

/** The UI's language: chosen from the browser at first, then whatever the learner picks here (remembered). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        data-testid="language-switch"
        value={current}
        title={t('language.label')}
        onChange={(e) => {
          if (isLanguage(e.target.value)) changeLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {LANGUAGE_NAMES[lng]}
          </option>
        ))}
      </select>
    </div>
  );
}
