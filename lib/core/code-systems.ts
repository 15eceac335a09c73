/**
 * Code systems as C-CDA names them (an OID), as people name them, and as FHIR names them (a URI): one
 * table for the C-CDA reader (names), the FHIR writer (URIs) and anything that compares codes.
 */
const CODE_SYSTEMS: readonly { oid: string; name: string; uri?: string }[] = [
  { oid: '2.16.840.1.113883.6.96', name: 'SNOMED CT', uri: 'http://snomed.info/sct' },
  { oid: '2.16.840.1.113883.6.1', name: 'LOINC', uri: 'http://loinc.org' },
  { oid: '2.16.840.1.113883.6.88', name: 'RxNorm', uri: 'http://www.nlm.nih.gov/research/umls/rxnorm' },
  { oid: '2.16.840.1.113883.12.292', name: 'CVX', uri: 'http://hl7.org/fhir/sid/cvx' },
  { oid: '2.16.840.1.113883.6.12', name: 'CPT', uri: 'http://www.ama-assn.org/go/cpt' },
  { oid: '2.16.840.1.113883.6.90', name: 'ICD-10-CM', uri: 'http://hl7.org/fhir/sid/icd-10-cm' },
  { oid: '2.16.840.1.113883.6.103', name: 'ICD-9-CM', uri: 'http://hl7.org/fhir/sid/icd-9-cm' },
  { oid: '2.16.840.1.113883.6.104', name: 'ICD-9-CM procedures' },
  { oid: '2.16.840.1.113883.4.9', name: 'UNII', uri: 'http://fdasis.nlm.nih.gov' },
  { oid: '2.16.840.1.113883.6.69', name: 'NDC', uri: 'http://hl7.org/fhir/sid/ndc' },
  { oid: '2.16.840.1.113883.5.111', name: 'HL7 RoleCode', uri: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode' },
];

const byOid = new Map(CODE_SYSTEMS.map((s) => [s.oid, s]));
const byName = new Map(CODE_SYSTEMS.map((s) => [s.name.toLowerCase(), s]));

/** The common name of a code system given by its OID (`SNOMED CT` for 2.16.840.1.113883.6.96). */
export const codeSystemName = (oid: string | undefined): string | undefined => (oid ? byOid.get(oid)?.name : undefined);

/** The FHIR URI of a code system given by OID, by name or already as a URI; undefined when none is known. */
export function codeSystemUri(system: string | undefined): string | undefined {
  const value = system?.trim();
  if (!value) return undefined;
  if (/^(https?:|urn:)/.test(value)) return value;
  return (byOid.get(value) ?? byName.get(value.toLowerCase()))?.uri;
}
