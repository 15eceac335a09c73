// @vitest-environment node
// Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDb } from '../../../lib/core/db';
import { sha256Hex } from '../../../lib/core/hash';
import {
  confirmArrival,
  listSentPackages,
  logSentPackage,
  sentLogFromFile,
  awaitingConfirmation,
} from '../../../lib/case/sent-log';
import type { SentPackage } from '../../../lib/core/sent-package';
import { Manifest } from '../../../lib/export/manifest';
import { packageEntries, packageEntryCount } from '../../../lib/export/package';
import { readPackageInput } from '../../../lib/export/package-source';
import { redactedInput } from '../../../lib/export/redact';
import { importCase } from '../../../lib/import/import-case';
import { readPackage } from '../../../lib/import/package-import';
import { nodeSanitizer } from '../../harness/node-sanitizer';
import { collect, packageInput, RECORDS } from '../helpers/synthetic-case';
import { zipEntries } from '../helpers/zip-build';
import { openShipped } from '../fixtures/shipped-schemas';

const dbs: CaseDb[] = [];
const names: string[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
  for (const name of names.splice(0)) await Dexie.delete(name);
});
const newDb = () => {
  const db = new CaseDb(`sent-log-${Math.random()}`);
  dbs.push(db);
  return db;
};
const now = '2026-11-20T09:00:00.000Z';
const sent = {
  sentAt: '2026-11-20T09:00:00.000Z',
  fileName: 'SecondLook_lung-nodule_2026-11-20.zip',
  sha256: 'a'.repeat(64),
  recordCount: 4,
  redacted: false,
  passwordProtected: true,
  recipient: '  Dr. Okafor, University Hospital thoracic clinic ',
};

describe('sent-package log', () => {
  it('records an export with everything the patient needs to know, and marks it arrived', async () => {
    const db = newDb();
    await db.cases.add({ id: 'c1', title: 'Lung nodule', createdAt: now, updatedAt: now });
    const first = await logSentPackage(db, 'c1', sent);
    await logSentPackage(db, 'c1', { ...sent, sentAt: '2026-11-10T09:00:00.000Z', recipient: '', redacted: true });
    const log = await listSentPackages(db, 'c1');
    expect(log.map((p) => [p.sentAt.slice(0, 10), p.recipient, p.redacted, p.passwordProtected])).toEqual([
      ['2026-11-10', '', true, true],
      ['2026-11-20', 'Dr. Okafor, University Hospital thoracic clinic', false, true],
    ]);
    expect(awaitingConfirmation(log)).toHaveLength(2);
    await confirmArrival(db, first.id, true, '2026-11-22T12:00:00.000Z');
    const after = await listSentPackages(db, 'c1');
    expect(after[1]!.confirmedAt).toBe('2026-11-22T12:00:00.000Z');
    expect(awaitingConfirmation(after).map((p) => p.id)).toEqual([after[0]!.id]);
    await confirmArrival(db, first.id, false);
    expect((await db.sentPackages.get(first.id))!.confirmedAt).toBeUndefined();
  });

  it('refuses an entry that is not a real export, and a case that does not exist', async () => {
    const db = newDb();
    await db.cases.add({ id: 'c1', title: 'Lung nodule', createdAt: now, updatedAt: now });
    await expect(logSentPackage(db, 'c1', { ...sent, sha256: 'not a hash' })).rejects.toThrow();
    await expect(logSentPackage(db, 'nope', sent)).rejects.toThrow('case-not-found');
    await expect(confirmArrival(db, 'missing')).rejects.toThrow('sent-package-not-found');
    expect(await db.sentPackages.count()).toBe(0);
  });

  it('opens a version-2 database and keeps its rows, with an empty log', async () => {
    const name = `sent-log-upgrade-${Math.random()}`;
    names.push(name);
    const v2 = openShipped(name, 2);
    await v2.open();
    await v2.table('cases').add({ id: 'c1', title: 'Kept', createdAt: now, updatedAt: now });
    await v2.table('questions').add({ id: 'q1', caseId: 'c1', text: 'Kept too' });
    await v2.table('meta').add({ key: 'created', createdAt: now });
    v2.close();
    const db = new CaseDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.cases.get('c1')).toEqual({ id: 'c1', title: 'Kept', createdAt: now, updatedAt: now });
    expect(await db.questions.get('q1')).toEqual({ id: 'q1', caseId: 'c1', text: 'Kept too' });
    expect(await listSentPackages(db, 'c1')).toEqual([]);
    await logSentPackage(db, 'c1', sent);
    expect(await db.sentPackages.where('caseId').equals('c1').count()).toBe(1);
    db.close();
  });

  it('goes out in the package (data/sent-log.json, INDEX.HTM) and comes back with the imported case', async () => {
    const db = newDb();
    const hashed = await Promise.all(
      RECORDS.map(async (r) => ({ ...r, contentHash: await sha256Hex(r.snapshotHtml) })),
    );
    const base = await packageInput({ records: hashed });
    await db.cases.add(base.caseData);
    await db.records.bulkAdd(hashed);
    const logged = await logSentPackage(db, base.caseData.id, sent);
    await confirmArrival(db, logged.id, true, '2026-11-22T12:00:00.000Z');
    const fromDb = await readPackageInput(db, base.caseData.id, {
      generator: base.generator,
      sanitize: (html) => html,
      translate: (key) => key,
    });
    expect(fromDb.sentLog).toHaveLength(1);
    const input = { ...base, sentLog: fromDb.sentLog };
    const entries = await collect(packageEntries(input));
    expect(entries).toHaveLength(packageEntryCount(input));
    const file = entries.find((e) => e.path === 'data/sent-log.json')!;
    const json = JSON.parse(new TextDecoder().decode(file.data)) as { format: string; packages: SentPackage[] };
    expect(json.format).toBe('second-look/sent-log-1');
    expect(json.packages).toEqual([
      {
        id: logged.id,
        sentAt: sent.sentAt,
        fileName: sent.fileName,
        sha256: sent.sha256,
        recordCount: 4,
        redacted: false,
        passwordProtected: true,
        recipient: 'Dr. Okafor, University Hospital thoracic clinic',
        confirmedAt: '2026-11-22T12:00:00.000Z',
      },
    ]);
    const manifest = Manifest.parse(
      JSON.parse(new TextDecoder().decode(entries.find((e) => e.path === 'data/manifest.json')!.data)),
    );
    expect(manifest.files.map((f) => f.path)).toContain('data/sent-log.json');
    const index = new TextDecoder().decode(entries.find((e) => e.path === 'INDEX.HTM')!.data);
    expect(index).toContain('href="#sent-log"');
    expect(index).toContain('Dr. Okafor, University Hospital thoracic clinic');
    expect(index).toContain('arrived (confirmed 2026-11-22)');
    expect(index).toContain(sent.sha256);

    const read = await readPackage(new Blob([(await zipEntries(entries)) as Uint8Array<ArrayBuffer>]));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const target = newDb();
    const imported = await importCase(target, read.data, { sanitize: nodeSanitizer() });
    expect(imported.sentLogDropped).toBe(0);
    const restored = await listSentPackages(target, imported.caseId);
    expect(restored).toHaveLength(1);
    const { id, caseId, ...rest } = restored[0]!;
    expect(id).not.toBe(logged.id);
    expect(caseId).toBe(imported.caseId);
    const { id: _exportedId, ...expected } = json.packages[0]!;
    expect(rest).toEqual(expected);
  });

  it('a package without a log imports with an empty log; a damaged log entry is dropped and counted', async () => {
    expect(
      sentLogFromFile({ format: 'second-look/sent-log-1', packages: [{ ...sent, id: 'x' }, { fileName: 3 }] }, 'c9'),
    ).toMatchObject({
      rows: [{ caseId: 'c9', fileName: sent.fileName }],
      dropped: 1,
    });
    expect(sentLogFromFile(null, 'c9')).toEqual({ rows: [], dropped: 1 });
    expect(sentLogFromFile({ format: 'second-look/sent-log-9', packages: [{}, {}] }, 'c9')).toEqual({
      rows: [],
      dropped: 2,
    });
    const entries = await collect(packageEntries(await packageInput()));
    expect(entries.map((e) => e.path)).not.toContain('data/sent-log.json');
  });

  it('a redacted package carries no typed name in the log', async () => {
    const input = await packageInput({
      sentLog: [{ ...sent, id: 'p1', caseId: 'c1', recipient: 'Alex Testperson at Dr. Okafor' }],
    });
    const redacted = redactedInput(input, { names: ['Alex Testperson'] });
    expect(redacted.sentLog![0]!.recipient).not.toContain('Testperson');
    expect(redacted.sentLog![0]!.recipient).toContain('Dr. Okafor');
  });
});
