import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../lib/case/cases';
import { classifyStorageError, clipTab, type ClipDeps } from '../../lib/clip/clip';
import { CaseDb } from '../../lib/core/db';
import { capturedRecord } from './factories';

let db: CaseDb;
let caseId: string | undefined;
const deps = (overrides: Partial<ClipDeps> = {}): ClipDeps => ({
  db,
  activeCaseId: async () => caseId,
  tabUrl: async () => 'https://portal.example.org/MyChart/results',
  runCapture: async () => ({ ok: true, records: [capturedRecord()], warnings: [] }),
  ...overrides,
});

beforeEach(async () => {
  db = new CaseDb(`clip-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Case')).id;
});

describe('clipTab', () => {
  it('stores what the page returned and reports it', async () => {
    const result = await clipTab(deps(), 1, false);
    expect(result).toMatchObject({ ok: true, data: { caseId, titles: ['CBC with Differential'], duplicates: [] } });
    expect(await db.records.count()).toBe(1);
  });

  it('needs an active case', async () => {
    caseId = undefined;
    expect(await clipTab(deps(), 1, false)).toEqual({ ok: false, error: 'no-active-case' });
  });

  it('explains pages that cannot be scripted without trying', async () => {
    let tried = false;
    const result = await clipTab(
      deps({ tabUrl: async () => 'chrome://settings', runCapture: async () => ((tried = true), null) }),
      1,
      false,
    );
    expect(result).toEqual({ ok: false, error: 'not-scriptable' });
    expect(tried).toBe(false);
  });

  it('reports a tab closed mid-clip and stores nothing', async () => {
    let open = true;
    const result = await clipTab(
      deps({
        tabUrl: async () => (open ? 'https://portal.example.org/' : null),
        runCapture: async () => {
          open = false;
          throw new Error('Frame with ID 0 was removed.');
        },
      }),
      1,
      false,
    );
    expect(result).toEqual({ ok: false, error: 'tab-closed' });
    expect(await db.records.count()).toBe(0);
  });

  it('maps the browser refusing access', async () => {
    const result = await clipTab(
      deps({
        runCapture: async () => {
          throw new Error(
            'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
          );
        },
      }),
      1,
      false,
    );
    expect(result).toEqual({ ok: false, error: 'no-site-access' });
  });

  it('treats what the page returns as untrusted and stores nothing malformed', async () => {
    for (const raw of [
      null,
      'x',
      { ok: true, records: [] },
      { ok: true, records: [{ ...capturedRecord(), kind: 'virus' }], warnings: [] },
      // The capture script's real answer is a JSON string: malformed or invalid ones are refused too.
      '{"ok": true, "records": [',
      JSON.stringify({ ok: true, records: [{ ...capturedRecord(), kind: 'virus' }], warnings: [] }),
      '"just a string"',
    ]) {
      expect(await clipTab(deps({ runCapture: async () => raw }), 1, false)).toEqual({
        ok: false,
        error: 'invalid-page-data',
      });
    }
    expect(await db.records.count()).toBe(0);
  });

  it('reads the capture script JSON-string answer like the object it encodes', async () => {
    const raw = JSON.stringify({ ok: true, records: [capturedRecord({ title: 'From JSON' })], warnings: [] });
    const result = await clipTab(deps({ runCapture: async () => raw }), 1, false);
    expect(result).toMatchObject({ ok: true, data: { added: [expect.any(String)], titles: ['From JSON'] } });
    expect((await db.records.toArray()).map((r) => r.title)).toEqual(['From JSON']);
  });

  it('passes on the page being too large', async () => {
    expect(await clipTab(deps({ runCapture: async () => ({ ok: false, error: 'page-too-large' }) }), 1, false)).toEqual(
      { ok: false, error: 'page-too-large' },
    );
  });

  it('reports a full disk and keeps earlier records', async () => {
    await clipTab(deps(), 1, false);
    const full = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const original = db.records.add.bind(db.records);
    db.records.add = (() => Promise.reject(full)) as unknown as typeof db.records.add;
    const result = await clipTab(
      deps({
        runCapture: async () => ({ ok: true, records: [capturedRecord({ snapshotHtml: 'other' })], warnings: [] }),
      }),
      1,
      false,
    );
    db.records.add = original;
    expect(result).toEqual({ ok: false, error: 'storage-full' });
    expect(await db.records.count()).toBe(1);
  });
});

describe('classifyStorageError', () => {
  it('tells a full quota and a full disk apart from other failures', () => {
    const named = (name: string, message = '') => Object.assign(new Error(message), { name });
    expect(classifyStorageError(named('QuotaExceededError'))).toBe('storage-full');
    expect(classifyStorageError(Object.assign(named('AbortError'), { inner: named('QuotaExceededError') }))).toBe(
      'storage-full',
    );
    // What Chromium reports when the disk itself is full (unlimitedStorage): measured, see lib/clip/clip.ts.
    expect(classifyStorageError(named('DataError', 'Failed to write blobs (IOError)'))).toBe('storage-full');
    expect(
      classifyStorageError(named('UnknownError', 'Internal error: IO error: /x/000003.log: No space left on device')),
    ).toBe('storage-full');
    expect(
      classifyStorageError(
        Object.assign(named('AbortError'), { inner: named('UnknownError', 'Corruption detected, unable to continue') }),
      ),
    ).toBe('storage-failed');
    expect(
      classifyStorageError(named('UnknownError', 'Internal error opening backing store for indexedDB.open.')),
    ).toBe('storage-failed');
    expect(classifyStorageError(named('ConstraintError', 'Key already exists'))).toBe('unknown');
    expect(classifyStorageError('weird')).toBe('unknown');
  });
});
