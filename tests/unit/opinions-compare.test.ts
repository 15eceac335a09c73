import { describe, expect, it } from 'vitest';
import { compareOpinions, normalizeForComparison } from '../../lib/case/compare-opinions';
import { medicationOffers } from '../../lib/case/medication-offers';

describe('compareOpinions', () => {
  it('marks fields agree, differ or incomplete by normalised text', () => {
    const result = compareOpinions([
      { diagnosis: 'Stage II  ductal carcinoma.', recommendedTreatment: 'Surgery first', reasoning: '' },
      { diagnosis: 'stage ii ductal carcinoma', recommendedTreatment: 'Chemotherapy first', reasoning: 'Tumour size' },
    ]);
    expect(result.map((r) => [r.field, r.agreement])).toEqual([
      ['diagnosis', 'agree'],
      ['recommendedTreatment', 'differ'],
      ['reasoning', 'incomplete'],
    ]);
    expect(normalizeForComparison('ＡＢＣ  d!')).toBe('abc d');
  });
});

describe('medicationOffers', () => {
  it('offers current medications once, from medication lists only', () => {
    const offers = medicationOffers([
      {
        structured: {
          type: 'medications',
          medications: [
            { name: 'Drug A', dose: '10 mg', frequency: 'daily' },
            { name: 'Drug B', status: 'Discontinued' },
          ],
        },
      },
      { structured: { type: 'medications', medications: [{ name: 'drug a', dose: '10  mg', frequency: 'daily' }] } },
      { structured: { type: 'note', paragraphs: ['Drug C'] } },
      {},
    ]);
    expect(offers).toEqual(['Drug A 10 mg daily']);
  });
});
