// @vitest-environment node
// One rule for entry names: the package importer (zip-directory) and the XDM reader judge every name
// alike, with the third-party zip-slip archive and naughty names as the cases.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../../lib/import/package-import';
import { readXdm } from '../../../lib/import/xdm';
import { entryNameProblem } from '../../../lib/zip';
import { parseXmlDocument } from '../../tools/xml-parser';
import { THIRD_PARTY } from '../../harness/shared';
import { rawZip } from '../helpers/zip-build';

const require = createRequire(import.meta.url);
const naughty = require('big-list-of-naughty-strings') as string[];
const bytes = (text: string) => new TextEncoder().encode(text);
const ccd = readFileSync(`${THIRD_PARTY}/ccda/sample_ccdas_HL7_Samples_CCD.sample.xml`);
const metadata = (uri: string) =>
  `<?xml version="1.0"?><SubmitObjectsRequest xmlns="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"><RegistryObjectList xmlns="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"><ExtrinsicObject mimeType="text/xml"><Slot name="URI"><ValueList><Value>${uri
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')}</Value></ValueList></Slot></ExtrinsicObject></RegistryObjectList></SubmitObjectsRequest>`;

/** What the package importer says about a zip holding one entry called `name`. */
async function packageVerdict(name: string): Promise<'refused' | 'accepted'> {
  const result = await readPackage(rawZip([{ name, data: bytes('x') }]));
  return !result.ok && result.error.code === 'unsafe-path' ? 'refused' : 'accepted';
}

/** What the XDM reader says about a document entry called IHE_XDM/S/`name`, named by its METADATA.XML. */
async function xdmVerdict(name: string): Promise<'refused' | 'accepted'> {
  const zip = rawZip([
    { name: 'IHE_XDM/S/METADATA.XML', data: bytes(metadata(name)) },
    { name: `IHE_XDM/S/${name}`, data: ccd },
  ]);
  try {
    await readXdm(zip, parseXmlDocument);
    return 'accepted';
  } catch (error) {
    if (error instanceof Error && /unsafe path/.test(error.message)) return 'refused';
    throw error;
  }
}

const UNSAFE: [string, string][] = [
  ['../evil.xml', 'empty, . or .. segment'],
  ['a/../../evil.xml', 'empty, . or .. segment'],
  ['./DOC0001.XML', 'empty, . or .. segment'],
  ['a//DOC0001.XML', 'empty, . or .. segment'],
  ['/etc/passwd', 'absolute path'],
  ['C:/Windows/evil.xml', 'drive letter'],
  ['c:evil.xml', 'drive letter'],
  ['..\\..\\evil.xml', 'backslash in name'],
  ['DOC0001.XML:stream', 'colon in name'],
  ['DOC\u0000.XML', 'NUL in name'],
  ['DOC\u0007.XML', 'control character in name'],
  ['DOC\u0085.XML', 'control character in name'],
  ['invoice\u202Elmx.exe', 'bidirectional control in name'],
  ['DOC0001.XML.', 'segment ends in a dot or space'],
  ['DOC0001.XML ', 'segment ends in a dot or space'],
  ['CON', 'device name'],
  ['aux.xml', 'device name'],
  ['LPT1.XML', 'device name'],
  ['', 'empty name'],
];

describe('entryNameProblem: the one rule', () => {
  it.each(UNSAFE)('refuses %j (%s)', (name, reason) => {
    expect(entryNameProblem(name)).toBe(reason);
  });

  it('accepts the names our packages and XDM zips use', () => {
    for (const name of [
      'INDEX.HTM',
      'data/manifest.json',
      'records/0001_2026-10-14_lab_complete-blood-count/files/ct-report.pdf',
      'records/',
      'IHE_XDM/SUBSET01/DOC0001.XML',
      'résumé médical.pdf',
      'コンソール.xml',
      'console.xml',
    ])
      expect(entryNameProblem(name), name).toBeUndefined();
  });
});

describe('the package importer and the XDM reader judge names alike', () => {
  it('both refuse the third-party zip-slip archive (../../../tmp/evil.txt)', async () => {
    const zip = new Uint8Array(readFileSync(`${THIRD_PARTY}/archives/zip-slip.zip`));
    expect(await readPackage(zip)).toMatchObject({ ok: false, error: { code: 'unsafe-path' } });
    await expect(readXdm(zip, parseXmlDocument)).rejects.toThrow(/unsafe path.*\.\. segment/);
  });

  it.each(UNSAFE.filter(([name]) => name !== '' && !name.includes('\u0000')))(
    'both refuse an entry named %j',
    async (name) => {
      expect(await packageVerdict(name)).toBe('refused');
      expect(await xdmVerdict(name)).toBe('refused');
    },
  );

  it('give the same verdict on every naughty string used as a file name', async () => {
    // Single segments: a naughty string with "/" in it is a path, judged segment by segment alike.
    const names = naughty.filter((s) => s.trim() !== '' && bytes(s).length < 200).map((s) => s.replace(/\//g, '_'));
    const disagreements: string[] = [];
    let refused = 0;
    for (const name of names) {
      const expected = entryNameProblem(name) === undefined ? 'accepted' : 'refused';
      if (expected === 'refused') refused++;
      const [pkg, xdm] = [await packageVerdict(name), await xdmVerdict(name)];
      if (pkg !== expected || xdm !== expected)
        disagreements.push(`${JSON.stringify(name)}: package ${pkg}, xdm ${xdm}`);
    }
    expect(disagreements).toEqual([]);
    // The list holds backslashes, colons, control characters, bidi overrides, Windows device names and
    // trailing dots (refused), and plenty of plain Unicode (accepted).
    expect(refused).toBeGreaterThan(100);
    expect(names.length - refused).toBeGreaterThan(150);
  }, 60_000);
});
