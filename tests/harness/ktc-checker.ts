// The Kill the Clipboard (KTC, draft v0.10.2) rules for a patient-shared bundle, written from the
// profile's text. Returns every rule broken, by entry.

type Json = Record<string, any>;

const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const LOINC = 'http://loinc.org';
/** US Core 6+ resource types a patient app may send. */
export const US_CORE_TYPES = new Set([
  'Patient',
  'AllergyIntolerance',
  'CarePlan',
  'CareTeam',
  'Condition',
  'Coverage',
  'Device',
  'DiagnosticReport',
  'DocumentReference',
  'Encounter',
  'Goal',
  'Immunization',
  'Location',
  'Medication',
  'MedicationDispense',
  'MedicationRequest',
  'MedicationStatement',
  'Observation',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Procedure',
  'Provenance',
  'QuestionnaireResponse',
  'RelatedPerson',
  'ServiceRequest',
  'Specimen',
  'FamilyMemberHistory',
  'ImagingStudy',
]);

function walk(value: unknown, visit: (key: string, value: unknown, path: string) => void, path = ''): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      visit(k, v, `${path}.${k}`);
      walk(v, visit, `${path}.${k}`);
    }
}

const codings = (cc: Json | undefined): Json[] => (cc?.coding as Json[] | undefined) ?? [];
const hasCoding = (cc: Json | undefined, system: string, code: string) =>
  codings(cc).some((c) => c.system === system && c.code === code);

export function checkPatientSharedBundle(bundle: Json): string[] {
  const errors: string[] = [];
  const fail = (message: string) => errors.push(message);
  if (bundle.resourceType !== 'Bundle') fail('not a Bundle');
  if (bundle.type !== 'collection') fail(`Bundle.type is ${bundle.type}, not collection`);
  if (typeof bundle.timestamp !== 'string' || !INSTANT.test(bundle.timestamp))
    fail('Bundle.timestamp missing or not an instant');
  const entries = (bundle.entry as Json[] | undefined) ?? [];
  const urls = new Set<string>();
  entries.forEach((e, i) => {
    if (typeof e.fullUrl !== 'string' || !URN_UUID.test(e.fullUrl)) fail(`entry[${i}].fullUrl is not a urn:uuid`);
    else if (urls.has(e.fullUrl)) fail(`entry[${i}].fullUrl repeats`);
    else urls.add(e.fullUrl);
    if (!e.resource) fail(`entry[${i}] has no resource`);
    else if (!US_CORE_TYPES.has(e.resource.resourceType))
      fail(`entry[${i}] ${e.resource.resourceType} is not a US Core resource`);
  });
  const patients = entries.filter((e) => e.resource?.resourceType === 'Patient');
  if (patients.length !== 1) fail(`${patients.length} Patient resources, not exactly one`);
  const patient = patients[0];
  if (patient) {
    const p = patient.resource as Json;
    if (!(p.name as Json[] | undefined)?.some((n) => n.text || n.family || n.given?.length))
      fail('Patient has no name');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.birthDate ?? '')) fail('Patient has no full birthDate');
    if (!['male', 'female', 'other', 'unknown'].includes(p.gender)) fail('Patient has no gender');
  }
  walk(bundle, (key, value, path) => {
    if (key === 'reference' && typeof value === 'string' && !urls.has(value))
      fail(`${path}: reference ${value} does not resolve in the bundle`);
    if (key === 'profile' && /\.meta\.profile$/.test(path)) fail(`${path}: meta.profile is not allowed`);
    if (key === 'url' && /\.attachment\.url$/.test(path)) fail(`${path}: attachment.url is not allowed`);
  });
  const documents = entries
    .filter((e) => e.resource?.resourceType === 'DocumentReference')
    .map((e) => e.resource as Json);
  for (const [code, label] of [
    ['51855-5', 'Patient Story PDF'],
    ['60591-5', 'FHIR-Rendered PDF'],
  ] as const) {
    const found = documents.filter((d) => hasCoding(d.type, LOINC, code));
    if (found.length !== 1) fail(`${found.length} ${label} DocumentReferences (type ${code}), not exactly one`);
    for (const doc of found) {
      const pdfs = ((doc.content as Json[] | undefined) ?? []).filter(
        (c) => c.attachment?.contentType === 'application/pdf',
      );
      if (!pdfs.length) fail(`${label} has no PDF attachment`);
      for (const c of pdfs) {
        const data = c.attachment?.data;
        if (typeof data !== 'string' || !atob(data).startsWith('%PDF-'))
          fail(`${label} PDF is not inline base64 PDF data`);
      }
    }
  }
  // Every rule KTC gives the patient-shared documents applies to every DocumentReference we send.
  documents.forEach((d, i) => {
    const where = `DocumentReference ${i}`;
    if (d.status !== 'current') fail(`${where}: status ${d.status}, not current`);
    if (
      !(d.category as Json[] | undefined)?.some((c) =>
        hasCoding(c, 'https://cms.gov/fhir/CodeSystem/patient-shared-category', 'patient-shared'),
      )
    )
      fail(`${where}: no patient-shared category`);
    if (patient && d.subject?.reference !== patient.fullUrl) fail(`${where}: subject is not the bundle's Patient`);
    if (patient && !(d.author as Json[] | undefined)?.some((a) => a.reference === patient.fullUrl))
      fail(`${where}: author is not the bundle's Patient`);
    if (typeof d.date !== 'string' || !INSTANT.test(d.date)) fail(`${where}: no date`);
    if (
      !(d.meta?.security as Json[] | undefined)?.some(
        (s) => s.system === 'http://terminology.hl7.org/CodeSystem/v3-ActReason' && s.code === 'PATAST',
      )
    )
      fail(`${where}: no PATAST security label`);
    for (const c of (d.content as Json[] | undefined) ?? [])
      if (typeof c.attachment?.data !== 'string') fail(`${where}: attachment not inline`);
  });
  return errors;
}
