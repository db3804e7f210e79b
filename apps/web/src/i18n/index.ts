import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';
import { initialLanguage, type Language, rememberLanguage } from './language.ts';

// Resources are bundled, so initialisation is synchronous and the first render is already translated.
void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'es'],
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** `<html lang>` follows the UI, so screen readers and hyphenation use the right language. */
function markDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
markDocument(i18next.language);
i18next.on('languageChanged', markDocument);

/** Switches the UI (and the lessons) to `language` and remembers the choice. */
export function changeLanguage(language: Language): void {
  rememberLanguage(language);
  void i18next.changeLanguage(language);
}

export { i18next };
