import { describe, expect, it } from 'vitest';
import { packageEntries } from '../../../lib/export/package';
import { collect, packageInput } from '../helpers/synthetic-case';
import { pdftotext } from '../helpers/poppler';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** Written here, not imported: the test checks the words the doctor reads. */
const NOT_ADVICE = /it is not medical advice, it may be incomplete/i;

describe('the package says what it is not', () => {
  it('on INDEX.HTM, README.TXT and summary.pdf', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    const file = (path: string) => entries.find((e) => e.path === path)!.data;
    expect(decode(file('INDEX.HTM'))).toMatch(NOT_ADVICE);
    expect(decode(file('INDEX.HTM'))).toContain('This is the patient&#39;s own copy of their records');
    expect(decode(file('README.TXT')).replace(/\r\n/g, ' ')).toMatch(NOT_ADVICE);
    const pdf = pdftotext(file('summary.pdf'));
    expect(pdf.status).toBe(0);
    expect(pdf.stdout.replace(/\s+/g, ' ')).toMatch(NOT_ADVICE);
  });
});
