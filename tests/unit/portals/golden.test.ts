import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CapturedRecord } from '../../../lib/core/model';
import { adapters, detectPortal } from '../../../lib/portals/registry';
import { decodePage, parsePage } from '../../tools/load-page';
import { recordJson } from '../../tools/serialize';
import { updateGolden } from '../helpers/golden';

/**
 * Golden fixtures (CONVENTIONS.md, Obsidian Web Clipper): tests/fixtures/portals/<adapter-id>/<name>.html
 * beside <name>.expected.json. `UPDATE_GOLDEN=1 npx vitest run tests/unit/portals` rewrites them and fails,
 * printing the diff to review (tests/unit/helpers/golden.ts).
 */
const ROOT = join(import.meta.dirname, '../../fixtures/portals');
/** A neutral address: detection must work from the page itself, whatever host the portal runs on. */
const URL_OF = (name: string) => new URL(`https://portal.example.org/records/${name}.html`);

const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => f.endsWith('.html') || f.endsWith('.source'))
      .map((f) => ({ adapterId: d.name, name: f.replace(/\.(html|source)$/, ''), dir: join(ROOT, d.name) })),
  );

/**
 * The page itself, or for `<name>.source` the page it names (a path under tests/): the demo portal's
 * pages are golden fixtures too, without keeping copies of them.
 */
function pageBytes(dir: string, name: string): Buffer {
  const pointer = join(dir, `${name}.source`);
  if (!existsSync(pointer)) return readFileSync(join(dir, `${name}.html`));
  return readFileSync(join(import.meta.dirname, '../..', readFileSync(pointer, 'utf8').trim()));
}

describe('portal golden fixtures', () => {
  it('has a fixture folder with at least one page for every adapter in the registry', () => {
    const missing = adapters.filter((a) => !fixtures.some((f) => f.adapterId === a.id)).map((a) => a.id);
    expect(missing).toEqual([]);
  });

  it('has no fixture folder without an adapter', () => {
    const unknown = [...new Set(fixtures.map((f) => f.adapterId))].filter((id) => !adapters.some((a) => a.id === id));
    expect(unknown).toEqual([]);
  });

  it.each(fixtures)('$adapterId/$name', ({ adapterId, name, dir }) => {
    const doc = parsePage(decodePage(pageBytes(dir, name)));
    const url = URL_OF(name);
    const adapter = detectPortal(url, doc);
    expect(adapter.id).toBe(adapterId);
    const records = adapter.extract(doc, url);
    expect(records.length).toBeGreaterThan(0);
    // Every record must pass the schema the background enforces.
    for (const r of records) {
      const parsed = CapturedRecord.safeParse({
        kind: r.kind,
        title: r.title,
        clinicalDate: r.clinicalDate,
        structured: r.structured,
        provenance: { portal: adapter.id, origin: url.origin, path: url.pathname, pageTitle: doc.title },
        snapshotHtml: '',
        text: '',
      });
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
    const actual = { adapter: adapter.id, records: records.map(recordJson) };
    const expectedPath = join(dir, `${name}.expected.json`);
    updateGolden(expectedPath, actual);
    if (!existsSync(expectedPath))
      throw new Error(`${expectedPath} is missing: run with UPDATE_GOLDEN=1 and review it`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});

describe('demo portal pages', () => {
  const DEMO = join(import.meta.dirname, '../../demo-portal');
  it.each([
    ['mychart/test-results/cbc.html', 'epic-mychart', 5],
    ['mychart/test-results/cmp.html', 'epic-mychart', 7],
    ['healthelife/results.html', 'cerner-healthelife', 6],
    ['athena/imaging/ct-chest.html', 'athenahealth', 0],
    ['athena/notes/visit-2026-10-14.html', 'athenahealth', 0],
  ])('%s is read by %s', (path, adapterId, labRows) => {
    const doc = parsePage(readFileSync(join(DEMO, path), 'utf8'));
    // The address the demo server gives these pages.
    const url = new URL(`http://127.0.0.1:8080/${path}`);
    const adapter = detectPortal(url, doc);
    expect(adapter.id).toBe(adapterId);
    const [record] = adapter.extract(doc, url);
    const structured = record?.structured;
    if (labRows > 0)
      expect(structured?.type === 'lab' && structured.results.filter((r) => !r.unparsed)).toHaveLength(labRows);
    else expect(structured?.type).toMatch(/report|note/);
  });
});
