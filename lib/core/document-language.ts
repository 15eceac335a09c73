/**
 * The language of a document the patient hands to someone else (package, letter, visit sheet). It is chosen per
 * document and is independent of the panel's own language: a Spanish-speaking patient may write to an English-speaking clinic.
 */
export type DocumentLanguage = 'en' | 'es';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['en', 'es'];
