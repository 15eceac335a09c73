// Bad FHIR input gets a clear message and loses nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import { importFiles } from '../../../lib/import/files';
import { parseXmlDocument } from '../../tools/xml-parser';
import { labObservationBundle } from '../../harness/fhir-lab-bundle';

const file = (name: string, text: string) => new File([text], name);
const json = (value: unknown) => JSON.stringify(value);
const subject = { reference: 'Patient/p1' };

let db: CaseDb;
let caseId: string;
beforeEach(async () => {
  db = new CaseDb(`fhir-bad-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Bad input')).id;
});
const stored = () => db.records.where('caseId').equals(caseId).toArray();

describe('bad FHIR input', () => {
  it('a file that is not JSON is refused by name, and the other files still import', async () => {
    const good = file('ok.json', json({ resourceType: 'Condition', id: 'c1', code: { text: 'Asthma' }, subject }));
    const outcomes = await importFiles(
      db,
      caseId,
      [file('broken.json', '{"resourceType": "Observation", '), good],
      parseXmlDocument,
    );
    expect(outcomes.find((o) => o.name === 'broken.json')!.result).toMatchObject({ ok: false, error: 'bad-json' });
    expect(outcomes.find((o) => o.name === 'ok.json')!.result).toMatchObject({ ok: true, added: 1 });
    const ndjson = await importFiles(
      db,
      caseId,
      [file('x.ndjson', `${json({ resourceType: 'Basic', id: 'b' })}\nnot json\n`)],
      parseXmlDocument,
    );
    expect(ndjson[0]!.result).toMatchObject({ ok: false, error: 'bad-json', detail: 'line 2 is not JSON' });
    const notFhir = await importFiles(db, caseId, [file('coverage.json', json({ family: 'labs' }))], parseXmlDocument);
    expect(notFhir[0]!.result).toMatchObject({ ok: false, error: 'not-fhir' });
  });

  it('invalid base64 in an attachment: reported, the document kept with its other content', async () => {
    const doc = {
      resourceType: 'DocumentReference',
      id: 'd1',
      status: 'current',
      type: { text: 'Clinic letter' },
      subject,
      content: [
        { attachment: { contentType: 'application/pdf', data: 'this is *not* base64!', title: 'letter.pdf' } },
        { attachment: { contentType: 'text/plain', data: btoa('Plain text survives.') } },
        { attachment: { contentType: 'application/pdf', url: 'https://portal.example.org/Binary/9' } },
      ],
    };
    const [outcome] = await importFiles(db, caseId, [file('doc.json', json(doc))], parseXmlDocument);
    const result = outcome!.result as Extract<NonNullable<typeof outcome>['result'], { ok: true }>;
    expect(result.fhir!.problems).toEqual([
      { file: 'doc.json', resource: 'DocumentReference/d1', problem: 'invalid-base64', detail: 'letter.pdf' },
      {
        file: 'doc.json',
        resource: 'DocumentReference/d1',
        problem: 'not-fetched',
        detail: 'https://portal.example.org/Binary/9',
      },
    ]);
    const [record] = await stored();
    expect(record!.structured).toMatchObject({ type: 'note', paragraphs: ['Plain text survives.'] });
    expect(record!.text).toContain('Not fetched (only an address was given): https://portal.example.org/Binary/9');
    expect(record!.text).toContain('Not readable (the data is not valid base64): letter.pdf');
  });

  it('a reference to nothing and an unknown resource type: reported, nothing dropped', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        {
          fullUrl: 'urn:uuid:r1',
          resource: {
            resourceType: 'DiagnosticReport',
            id: 'r1',
            status: 'final',
            category: [{ coding: [{ code: 'LAB' }] }],
            code: { text: 'BMP' },
            subject,
            result: [{ reference: 'Observation/missing' }, { reference: 'urn:uuid:o1' }],
          },
        },
        {
          fullUrl: 'urn:uuid:o1',
          resource: {
            resourceType: 'Observation',
            id: 'o1',
            status: 'final',
            category: [{ coding: [{ code: 'laboratory' }] }],
            code: { text: 'Sodium' },
            subject,
            valueQuantity: { value: 139, unit: 'mmol/L' },
          },
        },
        {
          resource: {
            resourceType: 'Frobnicator',
            id: 'f1',
            text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">A <b>mystery</b> item</div>' },
          },
        },
      ],
    };
    const [outcome] = await importFiles(db, caseId, [file('search.json', json(bundle))], parseXmlDocument);
    const result = outcome!.result as Extract<NonNullable<typeof outcome>['result'], { ok: true }>;
    expect(result.fhir!.problems.map((p) => [p.problem, p.detail])).toEqual([
      ['reference-not-found', 'Observation/missing'],
      ['unknown-type', 'Frobnicator'],
    ]);
    expect(result.fhir!.report).toEqual([
      { resourceType: 'DiagnosticReport', outcome: 'structured', count: 1 },
      { resourceType: 'Frobnicator', outcome: 'verbatim', count: 1 },
      { resourceType: 'Observation', outcome: 'structured', count: 1 },
    ]);
    const records = await stored();
    const bmp = records.find((r) => r.title === 'BMP')!;
    expect(bmp.structured).toMatchObject({
      type: 'lab',
      results: [{ test: 'Sodium', numericValue: 139, unit: 'mmol/L' }],
    });
    const mystery = records.find((r) => r.title.startsWith('Frobnicator'))!;
    expect(mystery.text).toContain('A mystery item');
    expect(mystery.snapshotHtml).not.toContain('<b>');
  });

  it('a Bundle of 200,000 entries imports with progress, in bounded time and memory (streamed)', async () => {
    const text = labObservationBundle(200_000);
    const progress: number[] = [];
    const checked: number[] = [];
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const started = performance.now();
    const big = file('big.json', text);
    const [outcome] = await importFiles(db, caseId, [big], parseXmlDocument, (done, total, phase) => {
      if (phase === 'checking') checked.push(done);
      else progress.push(done);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    });
    const seconds = (performance.now() - started) / 1000;
    expect(outcome!.result).toMatchObject({ ok: true, added: 12 });
    expect(progress.length).toBeGreaterThan(100);
    expect(progress.at(-1)).toBe(200_000);
    // The first pass (checking the file whole before anything is read) reports bytes, a megabyte at a time.
    expect(checked.length).toBeGreaterThan(90);
    expect(checked.at(-1)).toBe(big.size);
    const records = await stored();
    expect(records.reduce((n, r) => n + (r.structured?.type === 'lab' ? r.structured.results.length : 0), 0)).toBe(
      200_000,
    );
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(
      `200,000 entries (${(text.length / 1024 / 1024).toFixed(1)} MB): ${seconds.toFixed(1)} s, heap +${growthMb.toFixed(0)} MB at peak`,
    );
    // The file (~96 MB) is streamed: what is held is the records being built, not the text or the parsed
    // resources (reading the file whole peaked at +355 MB here).
    expect(growthMb).toBeLessThan(256);
  }, 240_000);
});
