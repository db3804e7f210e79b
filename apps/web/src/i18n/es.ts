import { en, type Messages } from './en.ts';

// PLACEHOLDER while the UI is being written: replaced by the full Spanish text.
export const es: Messages = en;
