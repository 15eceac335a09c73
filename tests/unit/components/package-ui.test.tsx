import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  defaultExportOptions,
  passwordProblem,
  typedNames,
  type ExportOptionsValue,
} from '../../../components/export-choices';
import { ExportOptions } from '../../../components/ExportOptions';
import { ImportPanel, importErrorKey } from '../../../components/ImportPanel';
import { IdentifierKind } from '../../../lib/export/redact';
import { ImportErrorCode } from '../../../lib/import/import-error';
import en from '../../../public/_locales/en/messages.json';
import es from '../../../public/_locales/es/messages.json';
import { redactKindKey } from '../../../components/export-choices';
import { act } from 'preact/test-utils';
import { click, fire, mount, translate, unlabelledControls } from './render';

const records = [
  { id: 'r1', title: 'CBC with Differential', kind: 'lab' as const },
  { id: 'r2', title: 'CT chest', kind: 'imaging' as const },
];
const open = (value: Partial<ExportOptionsValue> = {}, onChange = vi.fn()) => {
  const host = mount(
    <ExportOptions
      records={records}
      value={{ ...defaultExportOptions(), ...value }}
      onChange={onChange}
      preview={{
        state: 'ready',
        findings: [{ kind: 'name', text: 'Avery Sample', count: 3, where: ['Record 1: page text'] }],
        unredactedFiles: ['scan.pdf'],
      }}
    />,
  );
  return { host, onChange };
};
/** The value the last onChange update produces from the default options. */
const applied = (onChange: ReturnType<typeof vi.fn>, from: Partial<ExportOptionsValue> = {}) =>
  (onChange.mock.lastCall![0] as (v: ExportOptionsValue) => ExportOptionsValue)({ ...defaultExportOptions(), ...from });
const change = (el: Element) => fire(el, new Event('change', { bubbles: true }));

/** requestIdleCallback as a queue the test runs by hand (happy-dom has none). */
let idleCallbacks: (() => void)[] = [];
beforeEach(() => {
  idleCallbacks = [];
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => idleCallbacks.push(callback));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
});
afterAll(() => vi.unstubAllGlobals());
const runIdle = () => act(() => idleCallbacks.splice(0).forEach((callback) => callback()));
/** Opens the options as the user does: the details element opens and fires `toggle`. */
const openDetails = (host: HTMLElement) => {
  const details = host.querySelector<HTMLDetailsElement>('[data-testid="export-options"]')!;
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
};
const recordBoxes = (host: HTMLElement) => [
  ...host.querySelectorAll<HTMLInputElement>('[data-testid="export-record"]'),
];

describe('export options', () => {
  it('builds the per-record checkboxes when opened, or once the panel is idle, not in the first render', () => {
    const first = open();
    expect(recordBoxes(first.host)).toEqual([]);
    expect(first.host.querySelector('legend')!.textContent).toContain('2');
    openDetails(first.host);
    expect(recordBoxes(first.host).map((b) => b.value)).toEqual(['r1', 'r2']);

    const second = open();
    expect(recordBoxes(second.host)).toEqual([]);
    runIdle();
    expect(recordBoxes(second.host).map((b) => b.value)).toEqual(['r1', 'r2']);
  });

  it('includes every record by default and reports an untick', () => {
    const { host, onChange } = open();
    openDetails(host);
    const boxes = [...host.querySelectorAll<HTMLInputElement>('[data-testid="export-record"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, true]);
    click(boxes[1]!);
    expect(applied(onChange).excluded).toEqual(['r2']);
    expect(unlabelledControls(host)).toEqual([]);
  });

  it('offers Letter and A4, Letter chosen', () => {
    const { host, onChange } = open();
    expect(host.querySelector<HTMLInputElement>('[data-testid="export-page-letter"]')!.checked).toBe(true);
    click(host.querySelector('[data-testid="export-page-a4"]')!);
    expect(applied(onChange).pageSize).toBe('a4');
  });

  it('previews what redaction removes; a finding can be unticked; unredactable files are named', () => {
    const { host, onChange } = open({ redact: true, names: 'Avery Sample' });
    const finding = host.querySelector<HTMLInputElement>('[data-testid="redact-finding"]')!;
    expect(finding.checked).toBe(true);
    expect(finding.closest('label')!.textContent).toContain('Avery Sample');
    expect(finding.closest('label')!.textContent).toContain('name, 3 times');
    click(finding);
    expect(applied(onChange).rejected).toEqual(['avery sample']);
    expect(host.querySelector('[data-testid="redact-unredacted-files"]')!.textContent).toContain('scan.pdf');
    expect(unlabelledControls(host)).toEqual([]);
  });

  it('explains the password format, warns that file names stay visible, and checks the two fields', () => {
    const { host } = open({ protect: true, password: 'short', confirm: 'short' });
    expect(host.querySelector('[data-testid="password-format"]')!.textContent).toMatch(/AES-256.*7-Zip/);
    expect(host.querySelector('[data-testid="password-names-visible"]')!.textContent).toContain(
      'File names stay visible',
    );
    expect(host.querySelector('[data-testid="password-problem"]')!.textContent).toContain('at least 10');
    expect(passwordProblem({ protect: true, password: 'long enough!', confirm: 'long enough?' })).toBe(
      'passwordMismatch',
    );
    expect(passwordProblem({ protect: true, password: 'long enough!', confirm: 'long enough!' })).toBeNull();
    expect(passwordProblem({ protect: false, password: '', confirm: 'x' })).toBeNull();
  });

  it('splits typed names on commas and new lines', () => {
    expect(typedNames(' Avery Sample, Rowan Example\nDana  ,')).toEqual(['Avery Sample', 'Rowan Example', 'Dana']);
  });
});

describe('import panel', () => {
  it('hands the chosen file over', () => {
    const onFile = vi.fn();
    const host = mount(
      <ImportPanel state={{ phase: 'idle' }} onFile={onFile} onPassword={vi.fn()} onCancelPassword={vi.fn()} />,
    );
    const input = host.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
    const file = new File(['x'], 'p.zip', { type: 'application/zip' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    change(input);
    expect(onFile).toHaveBeenCalledWith(file);
  });

  it('asks for the password of a protected package and says when it was wrong', () => {
    const onPassword = vi.fn();
    const host = mount(
      <ImportPanel
        state={{ phase: 'password', wrong: true }}
        onFile={vi.fn()}
        onPassword={onPassword}
        onCancelPassword={vi.fn()}
      />,
    );
    expect(host.textContent).toContain('That password is not right.');
    const field = host.querySelector<HTMLInputElement>('[data-testid="import-password"]')!;
    field.value = 'secret words';
    fire(field, new Event('input', { bubbles: true }));
    fire(host.querySelector('form')!, new Event('submit', { bubbles: true, cancelable: true }));
    expect(onPassword).toHaveBeenCalledWith('secret words');
  });

  it('says clearly why a newer package is refused', () => {
    const host = mount(
      <ImportPanel
        state={{ phase: 'failed', code: 'newer-format', detail: 'second-look/2' }}
        onFile={vi.fn()}
        onPassword={vi.fn()}
        onCancelPassword={vi.fn()}
      />,
    );
    expect(host.querySelector('[data-testid="import-status"]')!.textContent).toContain('newer version of Second Look');
  });

  it('has English and Spanish text for every import error and every kind of redaction finding', () => {
    const keys = [...ImportErrorCode.options, 'unexpected' as const]
      .map(importErrorKey)
      .concat(IdentifierKind.options.map(redactKindKey));
    expect(keys.filter((k) => !(k in en) || !(k in es))).toEqual([]);
    expect(keys.map((k) => translate(k)).filter((text) => text.startsWith('??'))).toEqual([]);
  });
});
