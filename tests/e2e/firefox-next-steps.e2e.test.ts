// The patient's next steps in the real Firefox sidebar (firefox-esr): the case timeline after a clip, and a
// records request drafted from the checklist's gaps, marked sent and shown overdue, still there after the
// sidebar's page reloads (Firefox's own IndexedDB, written through the background).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBuild } from '../harness/builds';
import type { DemoPortal } from '../harness/portal-server';
import type { FirefoxSidebar } from '../harness/firefox-sidebar';
import { createCaseInSidebar, startFirefoxSidebar, type FirefoxSidebarSession } from '../harness/firefox-session';

let session: FirefoxSidebarSession | undefined;
let portal: DemoPortal;
let sidebar: FirefoxSidebar;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const q = (selector: string) => JSON.stringify(selector);

/** Types into a field that saves when left, then leaves it, as a user tabbing on would. */
async function fillAndLeave(selector: string, value: string) {
  await sidebar.waitFor(`(w) => !!w.document.querySelector(${q(selector)})`);
  await sidebar.fill(selector, value);
  await sidebar.evaluate(`(w) => w.document.querySelector(${q(selector)}).blur()`);
}

/** A date input takes no typed text: set it as the date picker does (input event), then leave it. */
async function setDate(selector: string, date: string) {
  await sidebar.waitFor(`(w) => !!w.document.querySelector(${q(selector)})`);
  await sidebar.evaluate(`(w) => {
    const input = w.document.querySelector(${q(selector)});
    input.focus();
    input.value = ${JSON.stringify(date)};
    input.dispatchEvent(new w.Event('input', { bubbles: true }));
    input.blur();
  }`);
}

/** Clicks the element once it is there, in one step (a list re-rendering between a look and a click is no failure). */
const press = (selector: string) =>
  sidebar.waitFor(
    `(w) => { const b = w.document.querySelector(${q(selector)}); if (!b || b.disabled) return false; b.click(); return true; }`,
  );

/** The sidebar's page after a reload (the old page was marked), with its views. */
const reloaded = () =>
  sidebar.waitFor(
    `(w) => !w.wrappedJSObject.slOldPage && !!w.document.querySelector('[data-testid="view-checklist"]')`,
    30_000,
  );

const requestState = () =>
  sidebar.evaluate<string | null>(
    `(w) => w.document.querySelector('[data-testid="request-status"]')?.getAttribute('data-state') ?? null`,
  );

beforeAll(async () => {
  session = await startFirefoxSidebar(testBuild('firefox'));
  ({ portal, sidebar } = session);
  await createCaseInSidebar(sidebar, 'Firefox next steps');
  await sidebar.waitFor(
    `(w) => w.document.querySelector('[data-testid="tab-origin"]')?.textContent.includes(${JSON.stringify(portal.origin)})`,
  );
  await sidebar.click('[data-testid="clip-page"]');
  await sidebar.waitFor(`(w) => w.document.querySelectorAll('[data-testid="record-open"]').length > 0`, 60_000);
});
afterAll(() => session?.close());

describe('next steps in the real Firefox sidebar', () => {
  it('the timeline shows the clipped results', async () => {
    await press('[data-testid="view-timeline"]');
    const kinds = await sidebar.waitFor<string[]>(
      `(w) => { const k = [...w.document.querySelectorAll('[data-testid="timeline-entry"]')].map((e) => e.getAttribute('data-kind')); return k.length ? k : null; }`,
    );
    expect(kinds).toContain('result');
    expect(await sidebar.text('[data-testid="timeline-status"]')).toMatch(/\d/);
  });

  it('drafts a records request from the gaps, marks it sent 45 days ago and shows it overdue with its due date', async () => {
    await press('[data-testid="view-checklist"]');
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="check-pathology"]')?.getAttribute('data-status') === 'missing'`,
    );
    await press('[data-testid="request-add"]');
    await fillAndLeave('[data-testid="request-provider"]', 'Valley General Hospital');
    // Saved as typed (an unfocused browser window takes no focus, so the save is the typing's, not the blur's).
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="request-open"]')?.textContent === 'Valley General Hospital'`,
    );
    await setDate('[data-testid="request-sent-on"]', daysAgo(45));
    await press('[data-testid="request-mark-sent"]');
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="request-status"]')?.getAttribute('data-state') === 'overdue'`,
    );
    const status = await sidebar.text('[data-testid="request-status"]');
    expect(status).toContain(`sent ${daysAgo(45)}`);
    expect(status).toContain(`due by ${daysAgo(15)}`);
  });

  it('the request and its state are still there after the sidebar page reloads', async () => {
    await sidebar
      .evaluate(`(w) => { w.wrappedJSObject.slOldPage = true; w.location.reload(); }`)
      .catch(() => undefined);
    await reloaded();
    await press('[data-testid="view-checklist"]');
    await sidebar.waitFor(`(w) => !!w.document.querySelector('[data-testid="request-status"]')`, 30_000);
    expect(await requestState()).toBe('overdue');
    // The request's name button is the provider typed before the reload.
    expect(await sidebar.text('[data-testid="request-open"]')).toBe('Valley General Hospital');
  });

  it('a field typed a moment before the sidebar page goes away is there when it opens again', async () => {
    await press('[data-testid="request-open"]');
    await sidebar.waitFor(`(w) => !!w.document.querySelector('[data-testid="request-department"]')`);
    // Typed, then the page goes away at once: before the save as typed has run.
    await sidebar
      .evaluate(
        `(w) => {
      const input = w.document.querySelector('[data-testid="request-department"]');
      input.value = 'Health Information Management';
      input.dispatchEvent(new w.Event('input', { bubbles: true }));
      w.wrappedJSObject.slOldPage = true;
      w.location.reload();
    }`,
      )
      .catch(() => undefined);
    await reloaded();
    await press('[data-testid="view-checklist"]');
    await press('[data-testid="request-open"]');
    const department = await sidebar.waitFor<string>(
      `(w) => w.document.querySelector('[data-testid="request-department"]')?.value || null`,
    );
    expect(department).toBe('Health Information Management');
  });
});
