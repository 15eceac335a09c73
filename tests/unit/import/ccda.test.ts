import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCcda } from '../../../lib/import/ccda';
import { MAX_XML_CHARS, parseXml, type XmlParser, XmlRefused } from '../../../lib/import/xml';
import { StructuredData } from '../../../lib/core/model';
import { THIRD_PARTY } from '../../harness/shared';
import { parseXmlDocument } from '../../tools/xml-parser';

/** Third-party C-CDA samples, read in place (never copied or edited): see shared/fixtures/third-party/README.md. */
const CCDA = `${THIRD_PARTY}/ccda`;
const read = (name: string) => readFileSync(join(CCDA, name), 'utf8');
const labs = (name: string) =>
  parseCcda(read(name), parseXmlDocument)
    .records.filter((r) => r.kind === 'lab')
    .flatMap((r) => (r.structured?.type === 'lab' ? r.structured.results : []));

describe('parseCcda on real samples', () => {
  it.each(readdirSync(CCDA).filter((f) => f.endsWith('.xml')))('%s gives schema-valid records', (name) => {
    const doc = parseCcda(read(name), parseXmlDocument);
    expect(doc.records.length).toBeGreaterThan(0);
    for (const r of doc.records) {
      expect(r.title.length).toBeGreaterThan(0);
      if (r.structured) expect(StructuredData.safeParse(r.structured).error?.issues ?? []).toEqual([]);
    }
  });

  it('reads coded results with LOINC, PQ value and unit, interpretation and range', () => {
    const sodium = labs('hl7_BMP_with_Troponin.xml').find((r) => r.loinc === '2947-0');
    expect(sodium).toMatchObject({
      test: 'Na',
      value: '140',
      numericValue: 140,
      unit: 'mmol/L',
      referenceRange: '135-145 mmol/L',
      low: 135,
      high: 145,
      flag: 'N',
      date: '2012-10-02',
    });
  });

  it('groups results by organizer (panel)', () => {
    const titles = parseCcda(read('hl7_BMP_with_Troponin.xml'), parseXmlDocument).records.map((r) => r.title);
    expect(titles).toContain('Basic Metabolic Panel');
  });

  it('keeps the normal range and lists the others when there are several', () => {
    const [result] = labs('hl7_Lab_Multiple_Reference_Ranges.xml');
    expect(result?.referenceRange).toBe('Negative, less than 1:80');
    expect(result?.notes).toMatch(/Other reference ranges/);
  });

  it('reads Cerner results with their *HI* interpretation', () => {
    const glucose = labs('sample_ccdas_Cerner_Samples_Transition_of_Care_Referral_Summary.xml').find((r) =>
      /glucose/i.test(r.test),
    );
    expect(glucose).toMatchObject({ numericValue: 185, unit: 'mg/dL', flag: 'H', low: 65, high: 110 });
  });

  it('reads an imaging report (DIR) as sections', () => {
    const [report] = parseCcda(read('hl7_Diagnostic_Imaging_Report.xml'), parseXmlDocument).records;
    expect(report?.kind).toBe('imaging');
    const sections = report?.structured?.type === 'report' ? report.structured.sections.map((s) => s.heading) : [];
    expect(sections).toEqual(expect.arrayContaining(['Findings', 'Impressions']));
  });

  it('reads progress, consultation and operative notes', () => {
    expect(parseCcda(read('hl7_Progress_Note.xml'), parseXmlDocument).records[0]).toMatchObject({
      kind: 'note',
      title: 'Progress Note',
    });
    expect(parseCcda(read('sample_ccdas_HL7_Samples_Consults.sample.xml'), parseXmlDocument).records[0]?.kind).toBe(
      'note',
    );
    expect(parseCcda(read('sample_ccdas_HL7_Samples_OpNote.sample.xml'), parseXmlDocument).records[0]?.kind).toBe(
      'surgical',
    );
  });

  it('reads medications and problems', () => {
    const records = parseCcda(
      read('sample_ccdas_Cerner_Samples_problems-and-medications.xml'),
      parseXmlDocument,
    ).records;
    const meds = records.find((r) => r.kind === 'medication')?.structured;
    expect(meds?.type === 'medications' && meds.medications[0]).toMatchObject({
      name: 'lisinopril 10 mg oral tablet',
      route: 'Oral',
    });
    const problems = records.find((r) => r.kind === 'problem');
    expect(problems?.text).toMatch(/Hypertension/i);
    const list = problems?.structured?.type === 'problems' ? problems.structured.problems : [];
    expect(list.map((p) => p.name)).toEqual(expect.arrayContaining([expect.stringMatching(/hypertension/i)]));
  });

  it('falls back to the narrative table when there are no coded entries', () => {
    const narrativeOnly = read('hl7_BMP_with_Troponin.xml').replace(/<entry>[\s\S]*?<\/entry>/g, '');
    const rows = parseCcda(narrativeOnly, parseXmlDocument).records.flatMap((r) =>
      r.structured?.type === 'lab' ? r.structured.results : [],
    );
    expect(rows.find((r) => r.test === 'Na')).toMatchObject({
      value: '140',
      unit: 'mmol/L',
      referenceRange: '135-145 mmol/L',
    });
    // The panel breaker row ("Basic Metabolic Panel at ...") is a single cell: never a result.
    expect(rows.some((r) => /Basic Metabolic Panel/.test(r.test))).toBe(false);
  });
});

describe('hostile XML', () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><ClinicalDocument xmlns="urn:hl7-org:v3">&lol2;</ClinicalDocument>`;
  const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><ClinicalDocument>&x;</ClinicalDocument>`;
  it.each([
    ['billion laughs', laughs],
    ['external entity', xxe],
  ])('refuses %s before parsing', (_name, xml) => {
    const parsed: string[] = [];
    const watched: XmlParser = (text) => (parsed.push(text), parseXmlDocument(text));
    expect(() => parseCcda(xml, watched)).toThrow(XmlRefused);
    expect(() => parseCcda(xml, watched)).toThrow(/DOCTYPE or entities/);
    expect(parsed).toEqual([]);
  });
  it('refuses a file past the size limit before parsing it', () => {
    const parsed: string[] = [];
    const watched: XmlParser = (text) => (parsed.push(text), parseXmlDocument(text));
    const huge = `<ClinicalDocument>${' '.repeat(MAX_XML_CHARS)}</ClinicalDocument>`;
    expect(() => parseCcda(huge, watched)).toThrow(/too large/);
    expect(parsed).toEqual([]);
  });
  it("knows Chrome's parse-error document (an XHTML <parsererror> inside what was parsed)", () => {
    // The shape Chromium's DOMParser returns for `<ClinicalDocument><title>x</ClinicalDocument>`.
    const chromeShaped: XmlParser = () =>
      parseXmlDocument(
        '<ClinicalDocument><parsererror xmlns="http://www.w3.org/1999/xhtml" style="display: block">' +
          '<h3>This page contains the following errors:</h3><div>error on line 1 at column 40: Opening and ending tag mismatch: title line 1 and ClinicalDocument\n</div>' +
          '<h3>Below is a rendering of the page up to the first error.</h3></parsererror><title>x</title></ClinicalDocument>',
      );
    expect(() => parseCcda('<ClinicalDocument><title>x</ClinicalDocument>', chromeShaped)).toThrow(
      'The file is not well-formed XML: error on line 1 at column 40: Opening and ending tag mismatch: title line 1 and ClinicalDocument',
    );
  });
  it('keeps namespaces and declares the prefixes HL7 examples leave undeclared', () => {
    const root = parseXml(
      '<section xmlns="urn:hl7-org:v3"><value xsi:type="PQ" value="1"/></section>',
      parseXmlDocument,
    );
    expect(root.localName).toBe('section');
    expect(root.childNodes.length).toBe(1);
    expect((root.childNodes[0] as { getAttribute(n: string): string | null }).getAttribute('xsi:type')).toBe('PQ');
  });
  it('refuses malformed XML and non-C-CDA XML clearly', () => {
    expect(() => parseCcda('<ClinicalDocument><title>x</ClinicalDocument>', parseXmlDocument)).toThrow(
      /not well-formed/,
    );
    expect(() => parseCcda('<html><body/></html>', parseXmlDocument)).toThrow(/Not a C-CDA document/);
    expect(() => parseCcda('', parseXmlDocument)).toThrow(/not well-formed/);
    expect(() => parseCcda('<ClinicalDocument>&nbsp;</ClinicalDocument>', parseXmlDocument)).toThrow(XmlRefused);
  });
});

describe('ccdaToCapturedRecords', () => {
  it('gives records the background accepts, with inert snapshots', async () => {
    const { ccdaToCapturedRecords } = await import('../../../lib/import/ccda-records');
    const records = ccdaToCapturedRecords(
      parseCcda(read('sample_ccdas_HL7_Samples_Consults.sample.xml'), parseXmlDocument),
      'consult.xml',
    );
    expect(records.length).toBeGreaterThan(1);
    for (const r of records) {
      expect(r.provenance).toMatchObject({ portal: 'ccda', path: 'consult.xml' });
      // Only the markup we write ourselves (title, date, a results table, the narrative as <pre>): the
      // file's own narrative markup (<table>, <content>, ...) arrives escaped, as text.
      const tags = new Set([...r.snapshotHtml.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((m) => m[1]!.toLowerCase()));
      expect([...tags].every((t) => ['h1', 'p', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(t))).toBe(
        true,
      );
      expect(r.snapshotHtml).not.toMatch(/<(content|script)/i);
    }
  });
});
