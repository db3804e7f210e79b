import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';

// Resources are bundled, so initialisation is synchronous and the first render is already translated.
void i18next.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { i18next };
