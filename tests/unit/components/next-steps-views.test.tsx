import { describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '../../../components/ImportPanel';
import { SentLogView } from '../../../components/SentLogView';
import { TimelineView } from '../../../components/TimelineView';
import { VisitSheetPanel } from '../../../components/VisitSheetPanel';
import { caseTimeline } from '../../../lib/case/timeline';
import type { SentPackage } from '../../../lib/core/sent-package';
import { caseRecord, labRecord } from '../fixtures/records';
import { click, mount, unlabelledControls } from './render';

const many = Array.from({ length: 10_000 }, (_, i) =>
  i % 2
    ? labRecord(`l${i}`, `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, [
        { test: 'Glucose', value: String(i), unit: 'mg/dL' },
      ])
    : caseRecord({ id: `n${i}`, kind: 'note', title: `Note ${i}`, clinicalDate: '2025-06-01' }),
);

describe('TimelineView', () => {
  it('renders one page of a 10,000-entry timeline, filters by kind and pages', () => {
    const root = mount(<TimelineView entries={caseTimeline(many)} />);
    expect(root.querySelectorAll('[data-testid="timeline-entry"]')).toHaveLength(100);
    expect(root.querySelector('[data-testid="timeline-status"]')!.textContent).toBe(
      'Entries 1–100 of 10000 (page 1 of 100)',
    );
    expect(unlabelledControls(root)).toEqual([]);
    // The notes are dated before the results: the first page is notes.
    expect(root.querySelector('[data-testid="timeline-entry"]')!.getAttribute('data-kind')).toBe('note');
    click(root.querySelector('[data-testid="timeline-kind-result"]')!);
    const kinds = [...root.querySelectorAll('[data-testid="timeline-entry"]')].map((e) => e.getAttribute('data-kind'));
    expect(new Set(kinds)).toEqual(new Set(['result']));
    expect(root.querySelector('[data-testid="timeline-status"]')!.textContent).toBe(
      'Entries 1–100 of 5000 (page 1 of 50)',
    );
    click(root.querySelector('[data-testid="timeline-next"]')!);
    expect(root.querySelector('[data-testid="timeline-status"]')!.textContent).toBe(
      'Entries 101–200 of 5000 (page 2 of 50)',
    );
    expect(root.querySelector('[data-testid="timeline-previous"]')!.hasAttribute('disabled')).toBe(false);
    click(root.querySelector('[data-testid="timeline-all"]')!);
    expect(root.querySelector('[data-testid="timeline-status"]')!.textContent).toContain('of 10000 (page 1 of 100)');
  });

  it('says when the case has nothing yet', () => {
    const root = mount(<TimelineView entries={[]} />);
    expect(root.querySelector('[data-testid="timeline-empty"]')).not.toBeNull();
  });
});

describe('SentLogView', () => {
  const entry = (id: string, extra: Partial<SentPackage> = {}): SentPackage => ({
    id,
    caseId: 'c1',
    sentAt: '2026-11-20T09:00:00.000Z',
    fileName: `SecondLook_case_${id}.zip`,
    sha256: 'b'.repeat(64),
    recordCount: 3,
    redacted: true,
    passwordProtected: false,
    recipient: 'Dr. Okafor',
    ...extra,
  });

  it('lists exports newest first and asks whether each arrived until confirmed', () => {
    const onConfirm = vi.fn();
    const root = mount(
      <SentLogView
        log={[
          entry('a', { confirmedAt: '2026-11-22T10:00:00.000Z' }),
          entry('b', { sentAt: '2026-11-24T09:00:00.000Z', recipient: '' }),
        ]}
        onConfirm={onConfirm}
      />,
    );
    const items = root.querySelectorAll('[data-testid="sent-log-entry"]');
    expect(items[0]!.textContent).toContain('2026-11-24: SecondLook_case_b.zip, 3 record(s)');
    expect(items[0]!.textContent).toContain('Recipient not given');
    expect(items[1]!.textContent).toContain('For: Dr. Okafor');
    expect(items[1]!.textContent).toContain('Redacted');
    expect(items[1]!.textContent).toContain('Arrived (confirmed 2026-11-22)');
    expect(root.querySelector('[data-testid="sent-log-reminder"]')!.textContent).toBe(
      '1 package(s) sent but not yet confirmed as arrived.',
    );
    click(items[0]!.querySelector('[data-testid="sent-log-confirm"]')!);
    expect(onConfirm).toHaveBeenCalledWith('b', true);
  });
});

describe('VisitSheetPanel', () => {
  it('offers both document languages and says when there are no questions', () => {
    const onMake = vi.fn();
    const root = mount(
      <VisitSheetPanel state={{ phase: 'idle' }} hasQuestions={false} defaultLanguage="es" onMake={onMake} />,
    );
    expect(unlabelledControls(root)).toEqual([]);
    expect(root.querySelector('[data-testid="visit-no-questions"]')).not.toBeNull();
    const select = root.querySelector<HTMLSelectElement>('[data-testid="visit-language"]')!;
    expect([...select.options].map((o) => o.value)).toEqual(['en', 'es']);
    click(root.querySelector('[data-testid="visit-download"]')!);
    expect(onMake).toHaveBeenCalledWith('es');
  });
});

describe('ImportPanel and the sent log', () => {
  it('says how many sent-log entries of an imported package were left out', () => {
    const root = mount(
      <ImportPanel
        state={{ phase: 'done', title: 'Lung nodule', count: 4, sentLogDropped: 2 }}
        onFile={vi.fn()}
        onPassword={vi.fn()}
        onCancelPassword={vi.fn()}
      />,
    );
    expect(root.querySelector('[data-testid="import-sent-log-dropped"]')!.textContent).toBe(
      "2 entries of the package's sent-package log could not be read and were left out; everything else was imported.",
    );
  });
});
