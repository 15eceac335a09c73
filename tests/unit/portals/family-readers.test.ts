import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addressNamesReaderFamily,
  adapters,
  detectPortal,
  familyKit,
  familyReaders,
  FamilyReaderMissing,
  registerFamilyReaders,
} from '../../../lib/portals';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('family readers split from detection', () => {
  it('every family with signs reads through a registered reader, except healow (the generic reader)', () => {
    const families = adapters.filter((a) => a.signs).map((a) => a.id);
    expect(families).toEqual([
      'epic-mychart',
      'cerner-healthelife',
      'athenahealth',
      'followmyhealth',
      'va-mhv',
      'healow-nextgen',
    ]);
    expect(Object.keys(familyReaders).sort()).toEqual(families.filter((id) => id !== 'healow-nextgen').sort());
  });

  it('a recognised family without its reader asks for it instead of reading generically', () => {
    const doc = page('<main><div class="ComponentCard"><h2>Potassium</h2></div></main>');
    const url = new URL('https://mychart.example.org/MyChart/app/test-results');
    const adapter = detectPortal(url, doc);
    expect(adapter.id).toBe('epic-mychart');
    // As in a tab where capture-portals.js has not been injected: no MyChart reader registered.
    registerFamilyReaders({ 'epic-mychart': undefined as never });
    try {
      expect(() => adapter.extract(doc, url)).toThrow(FamilyReaderMissing);
    } finally {
      registerFamilyReaders(familyReaders);
    }
    expect(() => adapter.extract(doc, url)).not.toThrow();
  });

  it('the kit names every value the family files import from modules capture.js carries', () => {
    for (const file of ['mychart', 'healthelife', 'athena', 'followmyhealth', 'va']) {
      const source = readFileSync(resolve('lib/portals', `${file}.ts`), 'utf8');
      for (const [, names, from] of source.matchAll(/^import \{([^}]*)\} from '([^']+)';$/gm)) {
        if (from === './types' || from === '../core/model') continue;
        const kit = (familyKit as Record<string, Record<string, unknown>>)[from!];
        expect(kit, `${file}.ts imports from ${from}`).toBeDefined();
        for (const name of names!
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n && !n.startsWith('type ')))
          expect(kit![name], `${file}.ts: ${name} from ${from}`).toBeDefined();
      }
    }
  });

  it('names a reader family from the address alone only when detection would pick one of them', () => {
    for (const address of [
      'https://mychart.example.org/MyChart/Results',
      'https://portal.example.org/mychartprd/app',
      'https://www.va.gov/my-health/medical-records',
      'https://12345.portal.athenahealth.com/',
      'https://clinic.followmyhealth.com/Login/Home/Index',
      'https://example.org/healthelife/results',
    ]) {
      expect(addressNamesReaderFamily(new URL(address)), address).toBe(true);
      const family = detectPortal(new URL(address), page('<main><p>Results</p></main>')).id;
      expect(Object.keys(familyReaders), address).toContain(family);
    }
    for (const address of ['https://results.example.org/labs', 'https://mycare.healow.com/results'])
      expect(addressNamesReaderFamily(new URL(address)), address).toBe(false);
  });
});
