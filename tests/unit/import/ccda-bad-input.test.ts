import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import { importFiles } from '../../../lib/import/files';
import { readXdmPackage } from '../../../lib/import/xdm';
import { THIRD_PARTY } from '../../harness/shared';
import { parseXmlDocument } from '../../tools/xml-parser';

/** Bad C-CDA and XDM input: a clear message, nothing lost, and the case's existing records untouched. */
const CCDA = `${THIRD_PARTY}/ccda`;
const file = (name: string, data: Uint8Array | string) => new File([data as BlobPart], name);
const sample = (name: string) => readFileSync(`${CCDA}/${name}`, 'utf8');

let db: CaseDb;
let caseId: string;
beforeEach(async () => {
  db = new CaseDb(`bad-input-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Bad input')).id;
  // What the case already holds before the bad file arrives.
  const first = 'hl7_BMP_with_Troponin.xml';
  await importFiles(db, caseId, [file(first, sample(first))], parseXmlDocument);
});

const snapshot = async () =>
  (await db.records.toArray()).map((r) => ({ id: r.id, hash: r.contentHash, updatedAt: r.updatedAt }));

describe('a C-CDA that is not XML', () => {
  it('says the file is not XML and touches nothing in the case', async () => {
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    const outcomes = await importFiles(
      db,
      caseId,
      [
        file('record.xml', 'Patient summary\nAllergies: penicillin\n(this was saved as text, not XML)'),
        file('truncated.xml', sample('sample_ccdas_HL7_Samples_CCD.sample.xml').slice(0, 5000)),
        file('page.xml', '<?xml version="1.0"?><html><body><p>Sign in</p></body></html>'),
      ],
      parseXmlDocument,
    );
    expect(outcomes.map((o) => (o.result.ok ? 'ok' : o.result.error))).toEqual(['not-xml', 'not-xml', 'not-ccda']);
    for (const o of outcomes) expect(!o.result.ok && o.result.detail).toMatch(/not well-formed XML|Not a C-CDA/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('an XDM zip whose METADATA.XML names a document it does not hold', () => {
  const metadata = `<?xml version="1.0"?>
<SubmitObjectsRequest xmlns="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
  <rim:RegistryObjectList>
    <rim:ExtrinsicObject id="Document01"><rim:Slot name="URI"><rim:ValueList><rim:Value>DOC0001.XML</rim:Value></rim:ValueList></rim:Slot></rim:ExtrinsicObject>
    <rim:ExtrinsicObject id="Document02"><rim:Slot name="URI"><rim:ValueList><rim:Value>DOC0002.XML</rim:Value></rim:ValueList></rim:Slot></rim:ExtrinsicObject>
  </rim:RegistryObjectList>
</SubmitObjectsRequest>`;
  const zip = zipSync({
    'IHE_XDM/SUBSET01/METADATA.XML': strToU8(metadata),
    'IHE_XDM/SUBSET01/DOC0001.XML': strToU8(sample('sample_ccdas_HL7_Samples_CCD.sample.xml')),
  });

  it('reads the document that is there and names the one that is missing', async () => {
    const { documents, missing } = await readXdmPackage(zip, parseXmlDocument);
    expect(documents.map((d) => d.path)).toEqual(['IHE_XDM/SUBSET01/DOC0001.XML']);
    expect(missing).toEqual(['IHE_XDM/SUBSET01/DOC0002.XML']);
  });

  it('imports what is there, reports the missing document, and keeps the case as it was', async () => {
    const before = await snapshot();
    const [outcome] = await importFiles(db, caseId, [file('HealthSummary.zip', zip)], parseXmlDocument);
    expect(outcome?.result.ok).toBe(true);
    if (!outcome?.result.ok) return;
    expect(outcome.result.missing).toEqual(['IHE_XDM/SUBSET01/DOC0002.XML']);
    expect(outcome.result.report?.map((r) => r.source)).toEqual(['HealthSummary.zip!IHE_XDM/SUBSET01/DOC0001.XML']);
    expect(outcome.result.added).toBeGreaterThan(0);
    const after = await snapshot();
    // Every earlier record is still there, unchanged.
    expect(after.filter((r) => before.some((b) => b.id === r.id))).toEqual(before);
  });

  it('refuses clearly when none of the listed documents is there', async () => {
    const before = await snapshot();
    const empty = zipSync({ 'IHE_XDM/SUBSET01/METADATA.XML': strToU8(metadata) });
    const [outcome] = await importFiles(db, caseId, [file('Empty.zip', empty)], parseXmlDocument);
    expect(outcome?.result).toMatchObject({ ok: false, error: 'no-records' });
    expect(outcome?.result.ok === false && outcome.result.detail).toMatch(
      /DOC0001\.XML, IHE_XDM\/SUBSET01\/DOC0002\.XML/,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('an XDM zip with one document that is not XML', () => {
  it('imports the readable documents and names the unreadable one', async () => {
    const before = await snapshot();
    const zip = zipSync({
      'IHE_XDM/SUBSET01/METADATA.XML': strToU8('<x/>'),
      'IHE_XDM/SUBSET01/DOC0001.XML': strToU8(sample('sample_ccdas_HL7_Samples_CCD.sample.xml')),
      'IHE_XDM/SUBSET01/DOC0002.XML': strToU8('<ClinicalDocument xmlns="urn:hl7-org:v3"><title>cut sh'),
    });
    const [outcome] = await importFiles(db, caseId, [file('Record.zip', zip)], parseXmlDocument);
    if (!outcome?.result.ok) throw new Error(JSON.stringify(outcome?.result));
    expect(outcome.result.added).toBeGreaterThan(0);
    expect(outcome.result.unreadable).toEqual([
      { path: 'IHE_XDM/SUBSET01/DOC0002.XML', error: 'not-xml', detail: expect.stringMatching(/not well-formed XML/) },
    ]);
    const after = await snapshot();
    expect(after.filter((r) => before.some((b) => b.id === r.id))).toEqual(before);
  });
});
