import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { THIRD_PARTY as THIRD_PARTY_DIR } from '../harness/shared';

/**
 * The rendered C-CDA corpus: every vendor document in shared/fixtures/third-party/ccda rendered to the
 * page a portal or record viewer shows, by both third-party stylesheets, and what each document codes.
 * What a document codes is read here, straight from its XML, independently of lib/ (the code under test).
 */

export type Stylesheet = 'cda' | 'cda-core';
export const STYLESHEETS: readonly Stylesheet[] = ['cda', 'cda-core'];

const THIRD_PARTY = () => THIRD_PARTY_DIR;
export const corpusFiles = (): string[] =>
  readdirSync(join(THIRD_PARTY(), 'ccda'))
    .filter((f) => f.endsWith('.xml'))
    .sort();

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * Two HL7 examples are a lone `<section>` with an undeclared `xsi` prefix: the stylesheets render only a
 * `ClinicalDocument`, so they are wrapped in the smallest one (title "Results") with the prefix declared.
 */
export function asRenderableDocument(xml: string): string {
  const body = xml.replace(/^\uFEFF/, '').replace(/^\s*<\?xml[^>]*\?>/, '');
  if (/<(\w+:)?ClinicalDocument\b/.test(body.slice(0, 4000))) {
    return /xmlns:xsi=/.test(body) ? xml : body.replace(/<((\w+:)?ClinicalDocument)\b/, `<$1 xmlns:xsi="${XSI}"`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="${XSI}">
<title>Results</title>
<component><structuredBody><component>
${body}
</component></structuredBody></component>
</ClinicalDocument>`;
}

/** `xsltproc STYLESHEET -` on the document: the page as the third-party stylesheet writes it. */
export function renderCcda(file: string, stylesheet: Stylesheet): string {
  const xml = readFileSync(join(THIRD_PARTY(), 'ccda', file), 'utf8');
  const xsl = join(THIRD_PARTY(), stylesheet, 'CDA.xsl');
  const out = execFileSync('xsltproc', ['--nonet', xsl, '-'], {
    input: asRenderableDocument(xml),
    stdio: ['pipe', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  // The classic stylesheet declares ISO-8859-1 and writes it; the HL7 one writes UTF-8.
  const declared = /charset=([\w-]+)/i.exec(out.subarray(0, 4000).toString('latin1'))?.[1] ?? 'utf-8';
  return new TextDecoder(/8859|latin/i.test(declared) ? 'latin1' : 'utf-8').decode(out);
}

export interface CodedValue {
  /** The names the document gives the test: the code's display name, its original text, its narrative row. */
  names: string[];
  value: number;
  unit: string;
  section: string;
  /** The LOINC code of its section: 30954-2 results, 8716-3 vital signs. */
  sectionCode: string;
  /**
   * The document's own narrative shows this number for it: in the narrative row its entry points to (or,
   * with no pointer, anywhere in the section's narrative). False where the narrative and the code disagree.
   */
  shownOnPage: boolean;
  /** The narrative text that decides it (its row, item or paragraph), for the report. */
  narrative: string;
}

export interface TitledSection {
  title: string;
  code: string;
  /** The section's narrative holds text. */
  hasContent: boolean;
}

const kids = (el: Element, name: string) => Array.from(el.children).filter((c) => c.localName === name);
const kid = (el: Element | undefined, name: string) => (el ? kids(el, name)[0] : undefined);
const squash = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

function parseDocument(file: string): Document {
  const xml = asRenderableDocument(readFileSync(join(THIRD_PARTY(), 'ccda', file), 'utf8'));
  return new JSDOM(xml, { contentType: 'application/xml' }).window.document;
}

/** Sections with a title, in document order (nested ones too). */
export function titledSections(file: string): TitledSection[] {
  const doc = parseDocument(file);
  return Array.from(doc.getElementsByTagNameNS('*', 'section'))
    .map((s) => ({
      title: squash(kid(s, 'title')?.textContent),
      code: kid(s, 'code')?.getAttribute('code') ?? '',
      hasContent: squash(kid(s, 'text')?.textContent) !== '',
    }))
    .filter((s) => s.title !== '');
}

/** Result and vital-sign sections: the ones whose coded numbers a reader of the page should recover. */
export const NUMERIC_SECTIONS = new Set(['30954-2', '8716-3']);

/**
 * LOINC's long common names for the codes whose narrative writes two values in one row ("Blood Pressure
 * 132/86 mmHg"), so a page's systolic and diastolic rows can be told apart. Written by hand from LOINC.
 */
const LOINC_NAMES: Record<string, string> = {
  '8480-6': 'Systolic blood pressure',
  '8462-4': 'Diastolic blood pressure',
};

/** The numbers a text shows, ".8" and "0.80" included. */
const numbersIn = (text: string) => Array.from(text.matchAll(/\d*\.?\d+/g), (m) => Number(m[0]));

/** Every physical quantity (`value xsi:type="PQ"`) observed in a results or vital-signs section. */
export function codedValues(file: string): CodedValue[] {
  const doc = parseDocument(file);
  const byId = new Map<string, Element>();
  for (const el of Array.from(doc.getElementsByTagNameNS('*', '*'))) {
    const id = el.getAttribute('ID');
    if (id) byId.set(id, el);
  }
  const resolve = (el: Element | undefined) => {
    const ref = kid(el, 'reference')?.getAttribute('value')?.replace(/^#/, '');
    return ref ? byId.get(ref) : undefined;
  };
  const values: CodedValue[] = [];
  for (const section of Array.from(doc.getElementsByTagNameNS('*', 'section'))) {
    const code = kid(section, 'code')?.getAttribute('code') ?? '';
    if (!NUMERIC_SECTIONS.has(code)) continue;
    const title = squash(kid(section, 'title')?.textContent);
    const narrative = squash(kid(section, 'text')?.textContent);
    for (const obs of Array.from(section.getElementsByTagNameNS('*', 'observation'))) {
      const value = kids(obs, 'value').find((v) => /(^|:)PQ$/.test(v.getAttributeNS(XSI, 'type') ?? ''));
      const number = Number(value?.getAttribute('value'));
      if (!value || !Number.isFinite(number) || value.getAttribute('value') === null) continue;
      const obsCode = kid(obs, 'code');
      const original = kid(obsCode, 'originalText');
      const row = resolve(kid(obs, 'text'));
      const pointed = row ?? resolve(original);
      // The narrative row, list item or paragraph the entry points to; the whole narrative when it points nowhere.
      const shownIn = pointed ? squash((pointed.closest('tr, item, paragraph') ?? pointed).textContent) : narrative;
      const names = [
        obsCode?.getAttribute('displayName'),
        squash(resolve(original)?.textContent) || squash(original?.textContent),
        row?.localName === 'tr' ? squash(kids(row, 'td')[0]?.textContent ?? kids(row, 'th')[0]?.textContent) : '',
        squash(kid(obs, 'text')?.textContent),
        LOINC_NAMES[obsCode?.getAttribute('code') ?? ''],
      ]
        .map((n) => squash(n))
        .filter((n) => n !== '');
      values.push({
        names: [...new Set(names)],
        value: number,
        unit: value.getAttribute('unit') ?? '1',
        section: title,
        sectionCode: code,
        shownOnPage: numbersIn(shownIn).includes(number),
        narrative: shownIn.slice(0, 120),
      });
    }
  }
  return values;
}
