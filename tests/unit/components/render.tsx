import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';
import { I18n, type Translate } from '../../../components/i18n';
import en from '../../../public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** Translates like chrome.i18n.getMessage, from the English catalogue, so tests read real text. */
export const translate: Translate = (key, substitutions = []) => {
  const entry = (en as Record<string, Entry>)[key];
  if (!entry) return `??${key}`;
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return String(substitutions[Number(content.slice(1)) - 1] ?? '');
  });
};

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) act(() => render(null, host!));
  host?.remove();
  host = null;
});

export function mount(ui: ComponentChild, wrap: (child: ComponentChild) => ComponentChild = (c) => c): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<I18n.Provider value={translate}>{wrap(ui)}</I18n.Provider>, host!));
  return host;
}

export function rerender(ui: ComponentChild, wrap: (child: ComponentChild) => ComponentChild = (c) => c) {
  act(() => render(<I18n.Provider value={translate}>{wrap(ui)}</I18n.Provider>, host!));
}

export function type(element: Element, value: string) {
  act(() => {
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function fire(element: Element, event: Event) {
  act(() => {
    element.dispatchEvent(event);
  });
}

export function click(element: Element) {
  act(() => (element as HTMLElement).click());
}

/** Every form control has an accessible name from a wrapping label or an aria-label. */
export function unlabelledControls(root: Element): Element[] {
  return [...root.querySelectorAll('input, textarea, select')].filter(
    (control) => !control.closest('label') && !control.getAttribute('aria-label'),
  );
}
