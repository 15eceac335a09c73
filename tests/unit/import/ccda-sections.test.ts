import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { completeness } from '../../../lib/case/completeness';
import { CaseDb } from '../../../lib/core/db';
import { importFiles } from '../../../lib/import/files';
import { sectionsOf } from '../../harness/ccda-sections';
import { THIRD_PARTY } from '../../harness/shared';
import { parseXmlDocument } from '../../tools/xml-parser';

/**
 * Every section of every vendor C-CDA sample reaches the import report and the case. The expected
 * sections are read here from the XML with a plain DOM walk (ClinicalDocument / component /
 * structuredBody / component / section), independently of lib/import.
 */
const CCDA = `${THIRD_PARTY}/ccda`;
const samples = readdirSync(CCDA).filter((f) => f.endsWith('.xml'));

let db: CaseDb;
let caseId: string;
beforeEach(async () => {
  db = new CaseDb(`sections-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Sections')).id;
});

describe('every C-CDA section is kept', () => {
  it('finds the sections of the vendor samples (the walk itself)', () => {
    const ccd = sectionsOf(readFileSync(join(CCDA, 'sample_ccdas_HL7_Samples_CCD.sample.xml'), 'utf8'));
    expect(ccd).toHaveLength(14);
    expect(ccd.map((s) => s.code)).toEqual(expect.arrayContaining(['48765-2', '47519-4', '10157-6', '18776-5']));
  });

  it.each(samples)('%s: in the report and in the case, structured or verbatim', async (name) => {
    const xml = readFileSync(join(CCDA, name), 'utf8');
    const expected = sectionsOf(xml);
    expect(expected.length).toBeGreaterThan(0);
    const [outcome] = await importFiles(db, caseId, [new File([xml], name)], parseXmlDocument);
    if (!outcome?.result.ok) throw new Error(`import failed: ${JSON.stringify(outcome?.result)}`);
    const report = outcome.result.report ?? [];
    expect(report).toHaveLength(1);
    const sections = report[0]!.sections;
    // Every section, in document order, with its title and LOINC code.
    expect(sections.map((s) => [s.title, s.code])).toEqual(expected.map((s) => [s.title, s.code]));

    const stored = await db.records.where('caseId').equals(caseId).toArray();
    const texts = stored.map((r) => r.text.replace(/\s+/g, ''));
    for (const [i, xmlSection] of expected.entries()) {
      const got = sections[i]!;
      if (!xmlSection.narrative && xmlSection.entries === 0) {
        expect(got.outcome, got.title).toBe('empty');
        continue;
      }
      expect(got.outcome, got.title).not.toBe('empty');
      // The case holds it: its narrative (or, without narrative, its coded identifiers) in a stored record.
      if (xmlSection.narrative)
        expect(
          texts.some((t) => t.includes(xmlSection.narrative)),
          got.title,
        ).toBe(true);
      else
        expect(
          texts.some((t) => xmlSection.ids.every((id) => t.includes(id))),
          got.title,
        ).toBe(true);
      // A record of the reported kind exists, from this file.
      expect(
        stored.some((r) => r.kind === got.kind && r.provenance.path === name),
        `${got.title}: ${got.kind}`,
      ).toBe(true);
      if (got.outcome === 'structured') expect(got.records).toBeGreaterThan(0);
    }
  });

  it('reads the allergies of the HL7 CCD sample (substance, reaction, severity, status)', async () => {
    const name = 'sample_ccdas_HL7_Samples_CCD.sample.xml';
    await importFiles(db, caseId, [new File([readFileSync(join(CCDA, name))], name)], parseXmlDocument);
    const allergy = (await db.records.toArray()).find((r) => r.kind === 'allergy');
    // By hand from the sample: three allergy observations, each active and "Moderate to severe".
    expect(allergy?.structured?.type === 'allergies' && allergy.structured.allergies).toEqual([
      expect.objectContaining({ reaction: 'Hives', severity: 'Moderate to severe', status: 'Active' }),
      expect.objectContaining({ substance: 'ASPIRIN', reaction: 'Wheezing', severity: 'Moderate to severe' }),
      expect.objectContaining({ substance: 'Codeine', reaction: 'Nausea', status: 'Active' }),
    ]);
    expect(allergy?.structured?.type === 'allergies' && allergy.structured.allergies[0]?.substance).toMatch(
      /penicillin/i,
    );
  });

  it('counts imported family history, plan of care, procedures and medications on the checklist', async () => {
    const name = 'sample_ccdas_HL7_Samples_CCD.sample.xml';
    await importFiles(db, caseId, [new File([readFileSync(join(CCDA, name))], name)], parseXmlDocument);
    const items = completeness(await db.records.toArray(), { notApplicable: {} });
    const status = Object.fromEntries(items.map((i) => [i.family, i.status]));
    expect(status).toMatchObject({
      'family-history': 'present',
      'treatment-plan': 'present',
      operative: 'present',
      medications: 'present',
      labs: 'present',
    });
    // Nothing in this summary is a pathology or imaging report: those stay missing.
    expect(status).toMatchObject({ pathology: 'missing', 'imaging-reports': 'missing' });
  });
});
