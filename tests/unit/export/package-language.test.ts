// A package exported in Spanish: its own pages speak Spanish (the disclaimer included), name their language,
// and keep no English sentence of the package's that has a Spanish wording. The records stay as written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageEntries } from '../../../lib/export/package';
import { PACKAGE_TEXT } from '../../../lib/export/package-text';
import { SNAPSHOT_END, SNAPSHOT_START } from '../../../lib/export/record-page';
import { readPackage } from '../../../lib/import/package-import';
import { writeZip, blobSink } from '../../../lib/export/zip';
import { collect, packageInput } from '../helpers/synthetic-case';
import { pdftotext } from '../helpers/poppler';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Written here by hand, not taken from the table: the words a Spanish-speaking doctor reads. */
const NO_ES_CONSEJO = /No es un consejo médico, puede estar incompleta/;
const NOT_ADVICE = /it is not medical advice/i;

const MARK = '\u0001';
/** Every string a text table holds, functions called with markers and cut at them. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\n/);
  if (typeof value === 'function') {
    const out = (value as (...args: unknown[]) => unknown)(
      { title: MARK, date: MARK, generator: MARK, disclaimer: MARK },
      MARK,
      MARK,
    );
    return strings(out).flatMap((s) => s.split(MARK));
  }
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
const spanish = new Set(strings(PACKAGE_TEXT.es).map(squash));
/** English package strings that read differently in Spanish ("Portal", "#", "SHA-256"... are the same in both). */
const englishOnly = [...new Set(strings(PACKAGE_TEXT.en).map(squash))].filter(
  (s) => s.length >= 2 && !spanish.has(s) && !/^[\W\d]*$/.test(s),
);

/** The package's own words on an HTML page: every element's text outside the captured snapshot. */
function ownTexts(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('.snapshot').forEach((el) => el.remove());
  return [...doc.body.querySelectorAll('*')].map((el) => squash(el.textContent ?? '')).filter(Boolean);
}

function englishLeftIn(texts: string[]): string[] {
  const whole = texts.join(' | ');
  return englishOnly.filter(
    // Short ones (headers, labels) must not be a whole element; sentences must not appear anywhere.
    (en) => texts.includes(en) || texts.some((t) => t.startsWith(`${en}:`)) || (en.length > 24 && whole.includes(en)),
  );
}

/** The workspace words the panel hands over in the package language, from the Spanish catalogue. */
const catalogue = JSON.parse(readFileSync('public/_locales/es/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;
const es = (key: string) => catalogue[key]!.message;

async function spanishPackage() {
  const input = await packageInput({
    language: 'es',
    completeness: [
      { family: es('family_labs'), status: 'present', count: 2, hint: '' },
      { family: es('family_imaging_images'), status: 'missing', count: 0, hint: es('hint_imaging_images') },
    ],
  });
  input.story!.sections = [{ label: es('story_goals'), text: 'Avoid surgery if it is safe to wait.' }];
  const entries = await collect(packageEntries(input));
  const file = (path: string) => entries.find((e) => e.path === path)!.data;
  return { entries, file };
}

describe('a package exported in Spanish', () => {
  it('the tables agree on what they say and the English one is what English packages say', () => {
    expect(englishOnly.length).toBeGreaterThan(100);
    expect(englishOnly).toContain('Records by kind, newest first');
    expect(PACKAGE_TEXT.en.disclaimer).toMatch(NOT_ADVICE);
    expect(PACKAGE_TEXT.es.disclaimer).toMatch(NO_ES_CONSEJO);
  });

  it('INDEX.HTM is Spanish, says lang="es", carries the disclaimer and no English package sentence', async () => {
    const { file } = await spanishPackage();
    const index = decode(file('INDEX.HTM'));
    expect(index).toContain('<html lang="es">');
    expect(index).toMatch(NO_ES_CONSEJO);
    expect(index).not.toMatch(NOT_ADVICE);
    expect(index).toContain('Registros por tipo, los más recientes primero');
    // The workspace words come translated by the caller; the package's own are checked here.
    expect(englishLeftIn(ownTexts(index))).toEqual([]);
  });

  it('every record page is Spanish with lang="es", the snapshot kept as the portal wrote it', async () => {
    const { entries } = await spanishPackage();
    const pages = entries.filter((e) => e.path.endsWith('/record.html'));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      const html = decode(page.data);
      expect(html, page.path).toContain('<html lang="es">');
      expect(html).toContain('Volver al índice');
      expect(html).toContain('<dt>Fecha clínica</dt>');
      expect(englishLeftIn(ownTexts(html)), page.path).toEqual([]);
      expect(html.indexOf(SNAPSHOT_START)).toBeGreaterThan(0);
    }
    const labPage = decode(pages.find((p) => p.path.includes('_lab_'))!.data);
    const english = decode(
      (await collect(packageEntries(await packageInput()))).find(
        (e) => e.path.includes('_lab_') && e.path.endsWith('record.html'),
      )!.data,
    );
    const snapshot = (html: string) => html.slice(html.indexOf(SNAPSHOT_START), html.indexOf(SNAPSHOT_END));
    expect(snapshot(labPage)).toBe(snapshot(english));
  });

  it('README.TXT carries the Spanish disclaimer and no English package line', async () => {
    const { file } = await spanishPackage();
    const readme = decode(file('README.TXT'));
    expect(squash(readme)).toMatch(NO_ES_CONSEJO);
    expect(readme).not.toMatch(NOT_ADVICE);
    expect(readme).toContain('CÓMO ABRIRLO');
    const lines = readme.split('\r\n').map(squash);
    expect(englishLeftIn(lines)).toEqual([]);
  });

  it('summary.pdf, read by pdftotext, is Spanish with the disclaimer and no English package sentence', async () => {
    const { file } = await spanishPackage();
    const pdf = pdftotext(file('summary.pdf'));
    expect(pdf.status).toBe(0);
    const text = squash(pdf.stdout);
    expect(text).toMatch(NO_ES_CONSEJO);
    expect(text).not.toMatch(NOT_ADVICE);
    expect(text).toContain('Índice de registros');
    const left = englishOnly.filter((en) => en.length > 12 && text.includes(en));
    expect(left).toEqual([]);
    // Table headers are short: the lab and index header rows must be the Spanish ones.
    expect(pdf.stdout).toMatch(/Prueba\s+Unidad\s+Intervalo/);
    expect(pdf.stdout).not.toMatch(/Test\s+Unit\s+Range/);
  });

  it('an English package (the default) is unchanged: English pages, lang="en", no language in the manifest', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    const index = decode(entries.find((e) => e.path === 'INDEX.HTM')!.data);
    expect(index).toContain('<html lang="en">');
    expect(index).toMatch(NOT_ADVICE);
    const manifest = JSON.parse(decode(entries.find((e) => e.path === 'data/manifest.json')!.data)) as object;
    expect(manifest).not.toHaveProperty('language');
  });

  it('imports again without loss: record.txt is read in the language the manifest names', async () => {
    const input = await packageInput({ language: 'es' });
    const sink = blobSink();
    await writeZip(packageEntries(input), sink.sink, { modified: input.generatedAt });
    const read = await readPackage(sink.blob());
    if (!read.ok) throw new Error(read.error.detail);
    const imported = read.data;
    expect(imported.manifest.language).toBe('es');
    const byHash = new Map(imported.records.map((r) => [r.contentHash, r]));
    for (const record of input.records) expect(byHash.get(record.contentHash)?.text).toBe(record.text);
  });
});
