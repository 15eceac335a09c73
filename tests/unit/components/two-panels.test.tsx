import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { I18n } from '../../../components/i18n';
import { createCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import { listQuestions } from '../../../lib/case/questions';
import { Workspace, type WorkspaceProps } from '../../../entrypoints/sidepanel/Workspace';
import { translate } from './render';

const hosts: HTMLElement[] = [];
const dbs: CaseDb[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) {
    act(() => render(null, host));
    host.remove();
  }
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function panel(props: WorkspaceProps): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  act(() => render(<I18n.Provider value={translate}>{<Workspace {...props} />}</I18n.Provider>, host));
  return host;
}

async function until(check: () => boolean, ms = 2000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
  }
}

function typeAndLeave(field: HTMLTextAreaElement | HTMLInputElement, value: string) {
  act(() => {
    field.dispatchEvent(new FocusEvent('focus'));
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new FocusEvent('blur'));
  });
}

describe('two panels on the same case', () => {
  it('keep both edits to different story fields and show each other’s through live queries', async () => {
    const name = 'two-panels-story';
    const a = new CaseDb(name);
    const b = new CaseDb(name);
    dbs.push(a, b);
    const c = await createCase(a, 'Case');
    const left = panel({ db: a, caseId: c.id, view: 'story' });
    const right = panel({ db: b, caseId: c.id, view: 'story' });
    const field = (root: HTMLElement, id: string) =>
      root.querySelector<HTMLTextAreaElement>(`[data-testid="story-${id}"]`)!;

    typeAndLeave(field(left, 'goals'), 'Keep running 🏃');
    typeAndLeave(field(right, 'diagnosis'), 'Synthetic diagnosis');
    await until(
      () =>
        field(left, 'diagnosis').value === 'Synthetic diagnosis' && field(right, 'goals').value === 'Keep running 🏃',
    );
    expect((await a.caseDetails.get(c.id))?.story).toEqual({
      goals: 'Keep running 🏃',
      diagnosis: 'Synthetic diagnosis',
    });
  });

  it('add questions from both panels without losing either', async () => {
    const name = 'two-panels-questions';
    const a = new CaseDb(name);
    const b = new CaseDb(name);
    dbs.push(a, b);
    const c = await createCase(a, 'Case');
    const left = panel({ db: a, caseId: c.id, view: 'questions' });
    const right = panel({ db: b, caseId: c.id, view: 'questions' });
    act(() => (left.querySelector('[data-testid="bank-diagnosis/agree"]') as HTMLElement).click());
    act(() => (right.querySelector('[data-testid="bank-next-steps/share"]') as HTMLElement).click());
    await until(
      () =>
        left.querySelectorAll('[data-testid="question"]').length === 2 &&
        right.querySelectorAll('[data-testid="question"]').length === 2,
    );
    expect((await listQuestions(a, c.id)).map((q) => q.family).sort()).toEqual(['diagnosis', 'next-steps']);
  });
});
