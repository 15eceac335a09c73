import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ChecklistView } from '../../../components/ChecklistView';
import { LabTrendsView } from '../../../components/LabTrendsView';
import { OpinionCompare } from '../../../components/OpinionCompare';
import { OpinionsView } from '../../../components/OpinionsView';
import { QuestionsView, type QuestionsViewProps } from '../../../components/QuestionsView';
import { ViewTabs } from '../../../components/ViewTabs';
import { completeness } from '../../../lib/case/completeness';
import { labTrends } from '../../../lib/labs/lab-trends';
import type { Opinion, Question } from '../../../lib/core/workspace-model';
import { caseRecord, labRecord } from '../fixtures/records';
import { click, fire, mount, type, unlabelledControls } from './render';
import { blankOpinion } from '../../../lib/case/opinions';

const now = '2026-11-01T10:00:00.000Z';
const question = (id: string, priority: number, extra: Partial<Question> = {}): Question => ({
  id,
  caseId: 'c1',
  family: 'diagnosis',
  text: `Question ${id}?`,
  priority,
  linkedRecordIds: [],
  answered: false,
  answer: '',
  createdAt: now,
  updatedAt: now,
  ...extra,
});

function questionsProps(overrides: Partial<QuestionsViewProps> = {}): QuestionsViewProps {
  return {
    questions: [question('a', 1), question('b', 2, { linkedRecordIds: ['gone', 'r-kept'] })],
    records: [{ id: 'r-kept', title: 'Biopsy report' }],
    onAdd: vi.fn(),
    onEdit: vi.fn(),
    onMove: vi.fn(),
    onDelete: vi.fn(),
    onLink: vi.fn(),
    ...overrides,
  };
}

describe('ChecklistView', () => {
  it('shows holdings, calls out imaging reports without images with a concrete hint, and marks not applicable', () => {
    const onNotApplicable = vi.fn();
    const items = completeness([caseRecord({ id: 'i', kind: 'imaging' })], { notApplicable: { operative: true } });
    const root = mount(
      <ChecklistView
        items={items}
        holdings={{ 'imaging-reports': ['CT chest ‏تقرير'] }}
        onNotApplicable={onNotApplicable}
      />,
    );
    expect(root.querySelector('[data-testid="check-imaging-reports"]')?.getAttribute('data-status')).toBe('present');
    expect(root.querySelector('[data-testid="check-imaging-reports"] li')?.textContent).toBe('CT chest ‏تقرير');
    const images = root.querySelector('[data-testid="check-imaging-images"]')!;
    expect(images.textContent).toContain('You have imaging reports but not the images');
    expect(images.textContent).toContain('DICOM');
    expect(root.querySelector('[data-testid="check-operative"]')?.textContent).toContain('Not applicable');
    expect(unlabelledControls(root)).toEqual([]);
    const labs = root.querySelector<HTMLInputElement>('[data-testid="check-labs"] input[type="checkbox"]')!;
    labs.checked = true;
    fire(labs, new Event('change', { bubbles: true }));
    expect(onNotApplicable).toHaveBeenCalledWith('labs', true);
  });
});

describe('QuestionsView', () => {
  it('reorders by buttons and by Alt+Arrow, with the ends disabled', () => {
    const props = questionsProps();
    const root = mount(<QuestionsView {...props} />);
    const [first, second] = [...root.querySelectorAll('[data-testid="question"]')];
    expect(first!.querySelector<HTMLButtonElement>('[data-move="up"]')!.disabled).toBe(true);
    expect(second!.querySelector<HTMLButtonElement>('[data-move="down"]')!.disabled).toBe(true);
    click(first!.querySelector('[data-move="down"]')!);
    expect(props.onMove).toHaveBeenCalledWith('a', 1);
    fire(
      second!.querySelector('[data-move="up"]')!,
      new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }),
    );
    expect(props.onMove).toHaveBeenCalledWith('b', -1);
    fire(
      first!.querySelector('[data-move="down"]')!,
      new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }),
    );
    expect(props.onMove).toHaveBeenCalledTimes(2); // already first
    expect(unlabelledControls(root)).toEqual([]);
  });

  it('shows a link to a deleted record as removed, and can unlink it', () => {
    const props = questionsProps();
    const root = mount(<QuestionsView {...props} />);
    const removed = root.querySelectorAll('[data-testid="question-link-removed"]');
    expect(removed).toHaveLength(1);
    expect(removed[0]!.textContent).toContain('deleted');
    click(removed[0]!.querySelector('button')!);
    expect(props.onLink).toHaveBeenCalledWith('b', 'gone', false);
  });

  it('adds custom and suggested questions; suggestions already asked are disabled', () => {
    const props = questionsProps({
      questions: [question('a', 1, { text: 'Do you agree with the diagnosis, and why?' })],
    });
    const root = mount(<QuestionsView {...props} />);
    type(root.querySelector('[data-testid="question-new"]')!, '¿Cuántas sesiones? 🙂');
    fire(root.querySelector('form')!, new Event('submit', { bubbles: true, cancelable: true }));
    expect(props.onAdd).toHaveBeenCalledWith('diagnosis', '¿Cuántas sesiones? 🙂');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="bank-diagnosis/agree"]')!.disabled).toBe(true);
    click(root.querySelector('[data-testid="bank-treatment/options"]')!);
    expect(props.onAdd).toHaveBeenCalledWith(
      'treatment',
      'Are there options I was not offered, including clinical trials?',
    );
  });

  it('marks a question answered and shows the answer field', () => {
    const props = questionsProps({ questions: [question('a', 1, { answered: true, answer: 'Yes' })] });
    const root = mount(<QuestionsView {...props} />);
    expect(root.querySelector<HTMLTextAreaElement>('[data-testid="question-answer"]')!.value).toBe('Yes');
    const box = root.querySelector<HTMLInputElement>('[data-testid="question-answered"]')!;
    box.checked = false;
    fire(box, new Event('change', { bubbles: true }));
    expect(props.onEdit).toHaveBeenCalledWith('a', { answered: false });
  });
});

describe('LabTrendsView', () => {
  it('shows one row per test, converts g/L to g/dL with the printed value kept, marks out-of-range values and draws a sparkline', () => {
    const trends = labTrends([
      labRecord('a', '2026-09-01', [
        { test: 'Hemoglobin', value: '12.5', numericValue: 12.5, unit: 'g/dL', low: 12, high: 16 },
      ]),
      labRecord('b', '2026-10-01', [
        { test: 'Hemoglobin', value: '11.2', numericValue: 11.2, unit: 'g/dL', flag: 'L' },
      ]),
      labRecord('c', '2026-10-15', [{ test: 'HGB', value: '112', numericValue: 112, unit: 'g/L' }]),
      labRecord('d', '2026-10-01', [{ test: 'Hemoglobin A1c', value: '7.2', numericValue: 7.2, unit: '%' }]),
      labRecord('e', '2026-10-02', [{ test: 'Hemoglobin A1c', value: '55', numericValue: 55, unit: 'mmol/mol' }]),
    ]);
    const root = mount(<LabTrendsView trends={trends} />);
    const rows = Array.from(root.querySelectorAll('[data-testid="lab-trend"]'));
    expect(rows).toHaveLength(3);
    const hb = rows.find((r) => /^Hemoglobinalso printed as HGBg\/dL/.test(r.querySelector('th')!.textContent!))!;
    expect(hb.querySelectorAll('li')).toHaveLength(3);
    expect(hb.querySelectorAll('li')[2]!.textContent).toContain('11.2 (converted from 112 g/L)');
    expect(root.textContent).toContain('another unit');
    expect(root.querySelectorAll('[data-out="true"]')).toHaveLength(1);
    expect(root.querySelector('[data-out="true"]')?.textContent).toContain('out of range (L)');
    expect(hb.querySelectorAll('svg.sparkline polyline')).toHaveLength(1);
  });

  it('shows a result found in two records once, naming both portals, and marks sources that differ', () => {
    const trends = labTrends([
      labRecord('a', '2026-09-01', [{ test: 'Potassium', value: '4.1', numericValue: 4.1, unit: 'mmol/L' }]),
      labRecord('b', '2026-09-01', [{ test: 'K', value: '4.1', numericValue: 4.1, unit: 'mmol/L' }], 'ccda'),
      labRecord('c', '2026-09-02', [{ test: 'Sodium', value: '140', numericValue: 140, unit: 'mmol/L' }]),
      labRecord('d', '2026-09-02', [{ test: 'Na', value: '128', numericValue: 128, unit: 'mmol/L' }], 'ccda'),
    ]);
    const root = mount(<LabTrendsView trends={trends} />);
    const [k, na] = ['Potassium', 'Sodium'].map((name) =>
      Array.from(root.querySelectorAll('[data-testid="lab-trend"]')).find((r) =>
        r.querySelector('th')!.textContent!.startsWith(name),
      )!,
    );
    expect(k!.querySelectorAll('li')).toHaveLength(1);
    expect(k!.textContent).toContain('mychart, ccda (2)');
    expect(na!.querySelectorAll('li')).toHaveLength(2);
    expect(na!.querySelectorAll('[data-conflict="true"]')).toHaveLength(2);
    expect(na!.textContent).toContain('140');
    expect(na!.textContent).toContain('128');
  });

  it('says so when there are no lab values', () => {
    expect(mount(<LabTrendsView trends={[]} />).textContent).toContain('No lab results');
  });
});

describe('OpinionCompare', () => {
  const opinion = (id: string, diagnosis: string, recommendedTreatment: string): Opinion => ({
    id,
    caseId: 'c1',
    clinician: `Dr ${id}`,
    institution: '',
    date: '',
    diagnosis,
    recommendedTreatment,
    reasoning: 'Size',
    answers: '',
    notes: '',
    createdAt: now,
    updatedAt: now,
  });

  it('compares field by field and explains the text-equality method', () => {
    const root = mount(
      <OpinionCompare opinions={[opinion('A', 'Stage II.', 'Surgery'), opinion('B', 'stage ii', 'Chemo')]} />,
    );
    expect(root.querySelector('[data-testid="compare-diagnosis"]')?.getAttribute('data-agreement')).toBe('agree');
    expect(root.querySelector('[data-testid="compare-recommendedTreatment"]')?.getAttribute('data-agreement')).toBe(
      'differ',
    );
    expect(root.textContent).toContain('Two wordings of the same idea');
    expect(root.querySelectorAll('thead th')).toHaveLength(4);
  });

  it('asks for two opinions', () => {
    expect(mount(<OpinionCompare opinions={[opinion('A', 'x', 'y')]} />).textContent).toContain('at least two');
  });
});

describe('OpinionsView', () => {
  it('opens a new opinion for entry, saves fields and the decision', async () => {
    const blank = blankOpinion('c1', 'new', now);
    const onDecision = vi.fn();
    const root = mount(
      <OpinionsView
        opinions={[blank]}
        decision={{}}
        onAdd={() => Promise.resolve('new')}
        onField={vi.fn()}
        onDelete={vi.fn()}
        onDecision={onDecision}
      />,
    );
    expect(root.querySelector('[data-testid="opinion-form"]')).toBeNull();
    click(root.querySelector('[data-testid="opinion-add"]')!);
    await act(() => Promise.resolve());
    expect(root.querySelector('[data-testid="opinion-form"]')).not.toBeNull();
    expect(unlabelledControls(root)).toEqual([]);
    expect(root.querySelector<HTMLInputElement>('input[name="decision-choice"][value="undecided"]')!.checked).toBe(
      true,
    );
    act(() => root.querySelector<HTMLInputElement>('input[value="third-opinion"]')!.click());
    expect(onDecision).toHaveBeenCalledWith('choice', 'third-opinion');
  });
});

describe('ViewTabs', () => {
  it('is a keyboard-operable tab list', () => {
    const onSelect = vi.fn();
    const root = mount(<ViewTabs active="records" onSelect={onSelect} />);
    const tabs = root.querySelectorAll('[role="tab"]');
    expect([...tabs].map((t) => t.textContent)).toEqual([
      'Records',
      'Checklist',
      'Story',
      'Questions',
      'Labs',
      'Opinions',
      'Timeline',
    ]);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    fire(tabs[0]!, new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith('checklist');
    fire(tabs[0]!, new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith('timeline');
  });
});
