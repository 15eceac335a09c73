import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type catalogue from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof catalogue;
export type Translate = (key: MessageKey, substitutions?: (string | number)[]) => string;

/** Components translate through context so they never read the browser API themselves. */
export const I18n = createContext<Translate>((key) => key);
export const useT = (): Translate => useContext(I18n);
