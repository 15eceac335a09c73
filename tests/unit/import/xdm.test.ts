import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { parseXmlDocument } from '../../tools/xml-parser';
import { describe, expect, it } from 'vitest';
import { readXdm, ZipRefused } from '../../../lib/import/xdm';
import { THIRD_PARTY } from '../../harness/shared';

const ccd = readFileSync(`${THIRD_PARTY}/ccda/sample_ccdas_HL7_Samples_CCD.sample.xml`);
const metadata = `<?xml version="1.0"?><SubmitObjectsRequest xmlns="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"><RegistryObjectList xmlns="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"><ExtrinsicObject mimeType="text/xml"><Slot name="URI"><ValueList><Value>DOC0001.XML</Value></ValueList></Slot></ExtrinsicObject></RegistryObjectList></SubmitObjectsRequest>`;

describe('readXdm', () => {
  it('returns the C-CDA documents named in METADATA.XML', async () => {
    const zip = zipSync({
      'INDEX.HTM': strToU8('<html></html>'),
      'README.TXT': strToU8('Synthetic test package'),
      'IHE_XDM/SUBSET01/METADATA.XML': strToU8(metadata),
      'IHE_XDM/SUBSET01/DOC0001.XML': ccd,
      'IHE_XDM/SUBSET01/STYLE.XSL': strToU8('<xsl/>'),
    });
    const docs = await readXdm(zip, parseXmlDocument);
    expect(docs.map((d) => d.path)).toEqual(['IHE_XDM/SUBSET01/DOC0001.XML']);
    expect(docs[0]?.xml).toContain('ClinicalDocument');
  });

  it('says clearly when a zip is not XDM', async () => {
    const zip = zipSync({ 'report.xml': ccd });
    await expect(readXdm(zip, parseXmlDocument)).rejects.toThrow(/not an IHE XDM package/);
    await expect(readXdm(strToU8('not a zip'), parseXmlDocument)).rejects.toThrow(ZipRefused);
  });

  it('fails fast on a zip bomb', async () => {
    const started = Date.now();
    await expect(readXdm(readFileSync(`${THIRD_PARTY}/archives/zbsm.zip`), parseXmlDocument)).rejects.toThrow(
      ZipRefused,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses highly compressed entries and too many entries', async () => {
    const zeros = new Uint8Array(5 * 1024 * 1024);
    const bomb = zipSync({ 'IHE_XDM/S/METADATA.XML': strToU8(metadata), 'IHE_XDM/S/DOC0001.XML': zeros });
    await expect(readXdm(bomb, parseXmlDocument)).rejects.toThrow(/compressed suspiciously/);
    const many = zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.txt`, strToU8('x')])));
    await expect(
      readXdm(many, parseXmlDocument, { maxEntries: 10, maxTotalBytes: 1e6, maxRatio: 100 }),
    ).rejects.toThrow(/more than 10 entries/);
  });

  it('refuses path traversal (zip-slip)', async () => {
    await expect(readXdm(readFileSync(`${THIRD_PARTY}/archives/zip-slip.zip`), parseXmlDocument)).rejects.toThrow(
      /unsafe path/,
    );
  });
});
