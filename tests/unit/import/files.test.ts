import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import { sha256Hex } from '../../../lib/core/hash';
import { importFiles, recordsFromFile } from '../../../lib/import/files';
import { THIRD_PARTY } from '../../harness/shared';
import { parseXmlDocument } from '../../tools/xml-parser';

const CCDA_DIR = `${THIRD_PARTY}/ccda`;
const file = (name: string, data: Uint8Array | string, type = '') => new File([data as BlobPart], name, { type });
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let db: CaseDb;
let caseId: string;
beforeEach(async () => {
  db = new CaseDb(`files-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Files')).id;
});

describe('records from files', () => {
  it('keeps every lab panel of a C-CDA, even panels that share a title and section narrative', async () => {
    // Two "Troponin T" panels (2012-10-02 and -03) in one results section, and two "Chemistry" panels
    // with the same date in Cerner's sample: once deduplicated as one record, losing rows.
    for (const name of [
      'hl7_BMP_with_Troponin.xml',
      'sample_ccdas_Cerner_Samples_Transition_of_Care_Referral_Summary.xml',
    ]) {
      const xml = readFileSync(`${CCDA_DIR}/${name}`, 'utf8');
      const parsed = await recordsFromFile(file(name, xml, 'text/xml'), parseXmlDocument);
      if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
      const expectedRows = parsed.records.reduce(
        (n, r) => n + (r.structured?.type === 'lab' ? r.structured.results.length : 0),
        0,
      );
      const own = (await createCase(db, name)).id;
      const [outcome] = await importFiles(db, own, [file(name, xml, 'text/xml')], parseXmlDocument);
      expect(outcome!.result).toMatchObject({ ok: true, duplicates: 0, added: parsed.records.length });
      const stored = await db.records.where('caseId').equals(own).toArray();
      const storedRows = stored.reduce(
        (n, r) => n + (r.structured?.type === 'lab' ? r.structured.results.length : 0),
        0,
      );
      expect(storedRows).toBe(expectedRows);
    }
  });

  it('turns a PDF into a record with the file attached byte-identical, kind guessed from the name', async () => {
    const outcome = await importFiles(
      db,
      caseId,
      [file('CT_chest_report_2026-10-29.pdf', PDF, 'application/pdf')],
      parseXmlDocument,
    );
    expect(outcome).toEqual([
      {
        name: 'CT_chest_report_2026-10-29.pdf',
        result: { ok: true, added: 1, duplicates: 0, titles: ['CT chest report 2026 10 29'] },
      },
    ]);
    const [record] = await db.records.toArray();
    expect(record).toMatchObject({ kind: 'imaging', provenance: { portal: 'file' } });
    const [attachment] = await db.attachments.toArray();
    expect(attachment).toMatchObject({
      recordId: record!.id,
      caseId,
      name: 'CT_chest_report_2026-10-29.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: await sha256Hex(PDF),
    });
    // fake-indexeddb does not keep Blob contents: check the bytes handed to the transaction instead.
    const parsed = await recordsFromFile(file('x.pdf', PDF), parseXmlDocument);
    expect(parsed.ok && new Uint8Array(await parsed.attachments[0]![0]!.blob.arrayBuffer())).toEqual(PDF);
    // The same file again is a duplicate; another file with the same name is not.
    const again = await importFiles(
      db,
      caseId,
      [
        file('CT_chest_report_2026-10-29.pdf', PDF),
        file('CT_chest_report_2026-10-29.pdf', new Uint8Array([...PDF, 0x0a])),
      ],
      parseXmlDocument,
    );
    expect(again.map((o) => o.result)).toMatchObject([
      { ok: true, added: 0, duplicates: 1 },
      { ok: true, added: 1 },
    ]);
    expect(await db.attachments.count()).toBe(2);
  });

  it('knows images by their bytes, not their name', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const result = await recordsFromFile(file('biopsy-slide.bin', png), parseXmlDocument);
    expect(result).toMatchObject({
      ok: true,
      records: [{ kind: 'pathology' }],
      attachments: [[{ mediaType: 'image/png', size: png.length }]],
    });
  });

  it('parses a C-CDA into lab records with structured rows', async () => {
    const xml = readFileSync(`${CCDA_DIR}/hl7_BMP_with_Troponin.xml`);
    const [outcome] = await importFiles(
      db,
      caseId,
      [file('hl7_BMP_with_Troponin.xml', new Uint8Array(xml), 'text/xml')],
      parseXmlDocument,
    );
    expect(outcome!.result.ok).toBe(true);
    const labs = await db.records.where({ caseId, kind: 'lab' }).toArray();
    expect(labs.length).toBeGreaterThan(0);
    const rows = labs.flatMap((r) => (r.structured?.type === 'lab' ? r.structured.results : []));
    expect(rows.some((r) => /troponin/i.test(r.test))).toBe(true);
    expect(await db.attachments.count()).toBe(0);
  });

  it('reads an XDM zip', async () => {
    const xml = readFileSync(`${CCDA_DIR}/sample_ccdas_HL7_Samples_CCD.sample.xml`, 'utf8');
    const zip = zipSync({
      'IHE_XDM/SUBSET01/METADATA.XML': strToU8('<x/>'),
      'IHE_XDM/SUBSET01/DOC0001.XML': strToU8(xml),
      'INDEX.HTM': strToU8('<p>index</p>'),
    });
    const result = await recordsFromFile(file('HealthSummary.zip', zip), parseXmlDocument);
    expect(
      result.ok &&
        result.records.length > 0 &&
        result.records.every((r) => r.provenance.path === 'HealthSummary.zip!IHE_XDM/SUBSET01/DOC0001.XML'),
    ).toBe(true);
    expect(
      result.ok &&
        result.records.some((r) => r.kind === 'lab' && r.structured?.type === 'lab' && r.structured.results.length > 0),
    ).toBe(true);
  });

  it('refuses bad files with a reason and writes nothing for them', async () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><ClinicalDocument>&lol2;</ClinicalDocument>';
    const outcomes = await importFiles(
      db,
      caseId,
      [
        file('lolz.xml', lol),
        file('broken.xml', '<?xml version="1.0"?><ClinicalDocument><title>x</tit'),
        file('photos.zip', zipSync({ 'DCIM/IMG_0001.JPG': new Uint8Array([0xff, 0xd8, 0xff]) })),
        file('not-a-zip.zip', new Uint8Array([0x50, 0x4b, 1, 2, 3])),
        file('notes.txt', 'hello'),
        file('empty.pdf', new Uint8Array(0)),
        file('report.pdf', '<!DOCTYPE html><html><title>Sign in</title></html>'),
      ],
      parseXmlDocument,
    );
    expect(outcomes.map((o) => (o.result.ok ? 'ok' : o.result.error))).toEqual([
      'bad-xml',
      'not-xml',
      'not-xdm',
      'not-xdm',
      'unsupported',
      'empty',
      'unsupported',
    ]);
    expect(await db.records.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
  });

  it('a page its reader cannot cope with is reported as unreadable, and the files after it are still imported', async () => {
    const failingReader = {
      win: window,
      parseHtml: (html: string) => new DOMParser().parseFromString(html, 'text/html'),
      readPage: () => Promise.reject(new TypeError('the reader met something it cannot handle')),
    };
    const outcomes = await importFiles(
      db,
      caseId,
      [file('results.html', '<!DOCTYPE html><html><body><h1>Results</h1></body></html>'), file('report.pdf', PDF)],
      parseXmlDocument,
      undefined,
      failingReader,
    );
    expect(outcomes[0]).toMatchObject({
      name: 'results.html',
      result: { ok: false, error: 'unreadable', detail: 'TypeError' },
    });
    expect(outcomes[1]).toMatchObject({ name: 'report.pdf', result: { ok: true, added: 1 } });
    expect(await db.records.count()).toBe(1);
  });

  it('refuses files past the size limit before reading them', async () => {
    const huge = {
      name: 'huge.pdf',
      size: 600 * 1024 * 1024,
      slice: () => new Blob([PDF]),
      arrayBuffer: async () => {
        throw new Error('must not read');
      },
    };
    expect(await recordsFromFile(huge, parseXmlDocument)).toEqual({ ok: false, error: 'too-large' });
  });
});
