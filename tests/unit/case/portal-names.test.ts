import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture-page';
import { createCase } from '../../../lib/case/cases';
import { namePortal } from '../../../lib/case/records';
import { clipTab, type ClipDeps } from '../../../lib/clip/clip';
import { CaseDb } from '../../../lib/core/db';
import { portalLabel } from '../../../lib/core/model';
import { capturedRecord } from '../factories';

let db: CaseDb;
let caseId: string;
beforeEach(async () => {
  db = new CaseDb(`portal-names-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Case')).id;
});

/** A golden portal fixture, optionally with a site name in its head. */
const page = (fixture: string, siteName?: string) => {
  const html = readFileSync(join(import.meta.dirname, '../../fixtures/portals', fixture), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.innerHTML = parsed.documentElement.innerHTML;
  if (siteName) {
    const meta = document.createElement('meta');
    meta.setAttribute('property', 'og:site_name');
    meta.setAttribute('content', siteName);
    document.head.append(meta);
  }
};
const capture = (url: string) =>
  capturePage(window as unknown as Window, document, url, { inlineImage: async () => null });

describe('portal names', () => {
  it('come from the adapter, with the organisation the page names itself after', async () => {
    page('epic-mychart/two-panels.html', 'Example Health');
    const outcome = await capture('https://portal.example.org/MyChart/app/test-results');
    expect(outcome.ok && outcome.records[0]!.provenance.portalName).toBe('Epic MyChart (Example Health)');
  });

  it('stay unset for a page no adapter knows and that names no site', async () => {
    page('generic/pathology-report.html');
    const outcome = await capture('https://records.example.net/view');
    expect(outcome.ok && outcome.records[0]!.provenance.portalName).toBeUndefined();
  });

  it('given by the patient apply to every record of that origin and to later clips', async () => {
    const other = capturedRecord();
    other.provenance = { ...other.provenance, origin: 'https://other.example.com' };
    other.snapshotHtml = '<p>other portal</p>';
    const clipDeps = (records = [capturedRecord()], names: Record<string, string> = {}): ClipDeps => ({
      db,
      activeCaseId: async () => caseId,
      tabUrl: async () => 'https://portal.example.org/x',
      runCapture: async () => ({ ok: true, records, warnings: [] }),
      portalNames: async () => names,
    });
    await clipTab(clipDeps([capturedRecord(), other]), 1, false);
    const origin = capturedRecord().provenance.origin;
    expect(await namePortal(db, caseId, origin, '  Valley Clinic portal ')).toBe(1);
    const stored = await db.records.toArray();
    expect(stored.find((r) => r.provenance.origin === origin)!.provenance.portalName).toBe('Valley Clinic portal');
    expect(stored.find((r) => r.provenance.origin === other.provenance.origin)!.provenance.portalName).toBeUndefined();

    const later = {
      ...capturedRecord(),
      title: 'Later clip',
      text: 'another page',
      snapshotHtml: '<p>another page</p>',
    };
    await clipTab(clipDeps([later], { [origin]: 'Valley Clinic portal' }), 1, false);
    const saved = (await db.records.toArray()).find((r) => r.title === 'Later clip')!;
    expect(portalLabel(saved.provenance)).toBe(`Valley Clinic portal (${origin})`);
  });

  it('refuse an empty name', async () => {
    await expect(namePortal(db, caseId, 'https://portal.example.org', '   ')).rejects.toThrow('portal-name-empty');
  });
});
