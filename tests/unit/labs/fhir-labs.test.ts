import { createRequire } from 'node:module';
import { Fhir } from 'fhir';
import { describe, expect, it } from 'vitest';
import type { LabResultRow } from '../../../lib/core/model';
import { fhirBundle } from '../../../lib/export/fhir-bundle';
import { READ_BY_EXTENSION } from '../../../lib/export/fhir-labs';
import { labRecord } from '../fixtures/records';

const require = createRequire(import.meta.url);
const JsonSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate: (resource: unknown, verbose?: boolean) => unknown[];
};

const row = (test: string, value: string, more: Partial<LabResultRow>): LabResultRow => ({
  test,
  value,
  numericValue: Number(value),
  unit: 'mmol/L',
  ...more,
});

const RECORDS = [
  labRecord('a', '2026-10-28', [
    row('Potassium', '4.1', { readBy: 'adapter' }),
    row('Sodium', '140', { readBy: 'content' }),
  ]),
  labRecord(
    'b',
    '2026-10-28',
    [row('K', '4.1', { readBy: 'coded-entry' }), row('Na', '128', { readBy: 'coded-entry' })],
    'ccda',
  ),
];

type Resource = Record<string, any>;
const BUNDLE = fhirBundle(
  RECORDS.map((record) => ({ record, pages: [], attachments: [] })),
  { generatedAt: new Date('2026-11-01T00:00:00Z'), agent: 'test' },
) as unknown as { entry: { resource: Resource }[] };
const observations = (): Resource[] =>
  BUNDLE.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Observation');

describe('lab Observations in fhir-bundle.json', () => {
  it('pass both R4 validators (the official JSON schema and the StructureDefinition-based one)', () => {
    expect(new JsonSchemaValidator().validate(BUNDLE, true)).toEqual([]);
    const structure = new Fhir().validate(BUNDLE, { errorOnUnexpected: true });
    expect(structure.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(structure.valid).toBe(true);
  }, 30_000);

  it('say how each value was read, as an extension and a note', () => {
    const sodium = observations().filter((o) => o.code.text === 'Sodium' || o.code.text === 'Na');
    expect(sodium.map((o) => o.extension.find((e: Resource) => e.url === READ_BY_EXTENSION).valueCode)).toEqual([
      'content',
      'coded-entry',
    ]);
    expect(sodium[0]!.note[0].text).toMatch(/^Value read from the text of the page/);
    expect(sodium[1]!.note[0].text).toBe('Value read from a coded entry of the source document.');
  });

  it('hold a result seen in two records once, naming both and how each read it', () => {
    const potassium = observations().filter((o) => o.code.text === 'Potassium' || o.code.text === 'K');
    expect(potassium).toHaveLength(1);
    expect(potassium[0]!.note[0].text).toBe(
      "The same result is in 2 records; CBC 2026-10-28 (mychart): read by Second Look's reader for this portal's page layout; CBC 2026-10-28 (ccda): read from a coded entry of the source document.",
    );
  });

  it('keep both values when sources differ, each noting the other', () => {
    const sodium = observations().filter((o) => o.code.text === 'Sodium' || o.code.text === 'Na');
    expect(sodium.map((o) => o.valueQuantity.value)).toEqual([140, 128]);
    expect(sodium[0]!.note.at(-1).text).toBe(
      'Sources differ: for this test at the same time CBC 2026-10-28 (ccda) gives 128 mmol/L. Both values are kept; neither is preferred.',
    );
    expect(sodium[1]!.note.at(-1).text).toContain('CBC 2026-10-28 (mychart) gives 140 mmol/L');
  });
});
