import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../tools/extract';
import { THIRD_PARTY } from '../../harness/shared';

const USCORE = `${THIRD_PARTY}/fhir-uscore`;

describe('npm run extract on FHIR', () => {
  it('reads a FHIR JSON resource into the same {"records": [...]} shape', async () => {
    const output = await main([`${USCORE}/labs/observation-hemoglobin-low.json`]);
    expect(output.errors).toBeUndefined();
    expect(output.records).toEqual([
      expect.objectContaining({
        source: 'fhir',
        kind: 'lab',
        clinicalDate: '2025-03-10T08:20:00-05:00',
        results: [
          {
            test: 'Hemoglobin',
            value: '10.8',
            unit: 'g/dL',
            referenceRange: '12.0 - 15.5 g/dL',
            flag: 'L',
            date: '2025-03-10T08:20:00-05:00',
          },
        ],
      }),
    ]);
  });

  it('reads NDJSON, one resource per line', async () => {
    const lines = [
      'problems/condition-hypertension-active.json',
      'allergies/allergyintolerance-penicillin-active-high.json',
    ]
      .map((f) => JSON.stringify(JSON.parse(readFileSync(`${USCORE}/${f}`, 'utf8'))))
      .join('\n');
    const output = await main(['export.ndjson'], () => new TextEncoder().encode(lines));
    expect(output.errors).toBeUndefined();
    const kinds = output.records.map((r) => [r.kind, r.structured?.type]);
    expect(kinds).toEqual([
      ['problem', 'problems'],
      ['allergy', 'allergies'],
    ]);
    expect(output.records[0]!.structured).toMatchObject({
      problems: [{ name: 'Essential hypertension', onset: '2024-05-02' }],
    });
  });

  it('says why a file that is not JSON fails', async () => {
    const output = await main(['broken.json'], () => new TextEncoder().encode('{"resourceType": '));
    expect(output.errors?.[0]).toMatchObject({ file: 'broken.json', error: expect.stringContaining('bad-json') });
  });
});
