import { beforeEach, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../lib/attachments/chunks';
import { createCase } from '../../lib/case/cases';
import { captureTab, clipTab, savePending, type ClipDeps } from '../../lib/clip/clip';
import { PendingClips, summarize } from '../../lib/clip/clip-pending';
import { CaseDb } from '../../lib/core/db';
import { sha256Hex } from '../../lib/core/hash';
import { capturedRecord } from './factories';

const PDF = new TextEncoder().encode(`%PDF-1.4\n${'synthetic '.repeat(300)}\n%%EOF`);
let db: CaseDb;
let caseId: string;
let pdfHash: string;

beforeEach(async () => {
  db = new CaseDb(`preview-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Case')).id;
  pdfHash = await sha256Hex(PDF);
});

/** A page with three records; the first links a PDF, the second a login page. Chunks of 1000 bytes. */
function deps(
  overrides: Partial<ClipDeps> = {},
  bytes = PDF,
): ClipDeps & { pulls: { tabId: number; offset: number }[]; released: boolean } {
  const state = { pulls: [] as { tabId: number; offset: number }[], released: false };
  return Object.assign(state, {
    db,
    activeCaseId: async () => caseId,
    tabUrl: async () => 'https://portal.example.org/MyChart/results',
    runCapture: async () => ({
      ok: true,
      records: [
        capturedRecord({ title: 'Lipid Panel' }),
        capturedRecord({ title: 'Urinalysis', snapshotHtml: '<p>UA</p>' }),
        capturedRecord({ title: 'A1c', snapshotHtml: '<p>A1c</p>' }),
      ],
      warnings: ['frames-unreadable:1'],
      attachments: [
        {
          record: 0,
          ok: true,
          transferId: 't1',
          name: 'lipid.pdf',
          mediaType: 'application/pdf',
          size: PDF.length,
          sha256: pdfHash,
        },
        { record: 1, ok: false, name: 'session-expired.pdf', reason: 'login-page' },
      ],
    }),
    readChunk: async (tabId: number, _id: string, offset: number) => {
      state.pulls.push({ tabId, offset });
      return { offset, data: bytesToBase64(bytes.subarray(offset, offset + 1000)) };
    },
    release: async () => void (state.released = true),
    ...overrides,
  });
}

describe('clip preview and attachments', () => {
  it('does not ask the tab to release files when it fetched none (one executeScript fewer per clip)', async () => {
    const d = deps({
      runCapture: async () => ({
        ok: true,
        records: [capturedRecord({ title: 'A1c' })],
        warnings: [],
        attachments: [{ record: 0, ok: false, name: 'session-expired.pdf', reason: 'login-page' }],
      }),
    });
    const pending = await captureTab(d, 7, false);
    expect(pending.ok).toBe(true);
    expect(d.pulls).toEqual([]);
    expect(d.released).toBe(false);
  });

  it('pulls a file chunk by chunk from the clipped tab, and saves only the chosen records with their files', async () => {
    const d = deps();
    const pending = await captureTab(d, 7, false);
    expect(pending.ok).toBe(true);
    if (!pending.ok) return;
    expect(d.pulls.map((p) => p.tabId)).toEqual([7, 7, 7, 7]);
    expect(d.released).toBe(true);
    expect(summarize(pending.data)).toMatchObject([
      { title: 'Lipid Panel', kind: 'lab', attachments: [{ name: 'lipid.pdf', size: PDF.length }], failed: [] },
      { title: 'Urinalysis', attachments: [], failed: [{ name: 'session-expired.pdf', reason: 'login-page' }] },
      { title: 'A1c', attachments: [], failed: [] },
    ]);
    const saved = await savePending(db, pending.data, [0, 2]);
    expect(saved).toMatchObject({
      ok: true,
      data: {
        titles: ['Lipid Panel', 'A1c'],
        attachmentsSaved: 1,
        attachmentProblems: [],
        warnings: ['frames-unreadable:1'],
      },
    });
    expect((await db.records.toArray()).map((r) => r.title).sort()).toEqual(['A1c', 'Lipid Panel']);
    const [file] = await db.attachments.toArray();
    const lipid = (await db.records.toArray()).find((r) => r.title === 'Lipid Panel')!;
    expect(file).toMatchObject({ name: 'lipid.pdf', size: PDF.length, sha256: pdfHash, caseId });
    expect(file!.recordId).toBe(lipid.id);
  });

  it('reports the failures of the saved records per attachment', async () => {
    const result = await clipTab(deps(), 7, false);
    expect(result).toMatchObject({
      ok: true,
      data: { attachmentsSaved: 1, attachmentProblems: [{ name: 'session-expired.pdf', reason: 'login-page' }] },
    });
  });

  it('refuses a file whose bytes changed in transit, keeping the records', async () => {
    const altered = PDF.slice();
    altered[100] = altered[100]! ^ 1;
    const result = await clipTab(deps({}, altered), 7, false);
    expect(result).toMatchObject({
      ok: true,
      data: {
        attachmentsSaved: 0,
        attachmentProblems: [{ name: 'lipid.pdf', reason: 'transfer-failed' }, { name: 'session-expired.pdf' }],
      },
    });
    expect(await db.attachments.count()).toBe(0);
  });

  it('writes nothing at all when storing fails midway', async () => {
    const full = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    db.attachments.add = (() => Promise.reject(full)) as unknown as typeof db.attachments.add;
    expect(await clipTab(deps(), 7, false)).toEqual({ ok: false, error: 'storage-full' });
    expect(await db.records.count()).toBe(0);
  });

  it('keeps one pending capture, for a while, for whoever holds its token', async () => {
    let now = 1000;
    const store = new PendingClips(60_000, () => now);
    const pending = await captureTab(deps(), 7, false);
    if (!pending.ok) throw new Error('capture failed');
    const token = store.put(pending.data);
    expect(store.take('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(store.has(token)).toBe(true);
    expect(store.take(token)).toBe(pending.data);
    expect(store.take(token)).toBeUndefined();
    const late = store.put(pending.data);
    now += 60_001;
    expect(store.has(late)).toBe(false);
    expect(store.take(late)).toBeUndefined();
  });
});
