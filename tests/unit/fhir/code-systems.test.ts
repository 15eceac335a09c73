// One code-system table: the C-CDA reader names systems from it, the FHIR writer turns those names into URIs.
import { describe, expect, it } from 'vitest';
import { codeSystemName, codeSystemUri } from '../../../lib/core/code-systems';
import { concept } from '../../../lib/fhir/write-clinical';

describe('code systems', () => {
  it('the C-CDA reader names a system by its OID; the FHIR writer gives that name (or the OID) its URI', () => {
    expect(codeSystemName('2.16.840.1.113883.6.96')).toBe('SNOMED CT');
    expect(codeSystemName('2.16.840.1.113883.6.88')).toBe('RxNorm');
    expect(codeSystemName('1.2.3')).toBeUndefined();
    // A problem read from C-CDA carries the name; its FHIR Condition codes it with the URI.
    expect(concept('Asthma', { system: 'SNOMED CT', code: '195967001' }, 'x')).toEqual({
      coding: [{ system: 'http://snomed.info/sct', code: '195967001' }],
      text: 'Asthma',
    });
    expect(codeSystemUri('2.16.840.1.113883.12.292')).toBe('http://hl7.org/fhir/sid/cvx');
    expect(codeSystemUri('rxnorm')).toBe('http://www.nlm.nih.gov/research/umls/rxnorm');
    expect(codeSystemUri('http://example.org/codes')).toBe('http://example.org/codes');
    // A system with no known URI is left out rather than written as something FHIR would misread.
    expect(codeSystemUri('ICD-9-CM procedures')).toBeUndefined();
    expect(concept('Thing', { system: 'Local codes', code: 'X1' }, 'x')).toEqual({
      coding: [{ code: 'X1' }],
      text: 'Thing',
    });
  });
});
