import { missingPatientFields, patientSharedBundle, PATIENT_SHARED_PATH } from '../fhir';
import type { CaseRecord } from '../core/model';
import type { PackageInput, PatientSharedState } from './package-input';
import { PdfFlow } from './pdf-flow';

export { PATIENT_SHARED_PATH };

/** Whether this package carries the patient-shared bundle: redaction and the patient's choice come first. */
export function patientSharedState(input: PackageInput): PatientSharedState {
  if (input.redacted) return 'redacted';
  if (!input.patientShared) return 'no-patient';
  if (!input.patientShared.include) return 'unticked';
  return missingPatientFields(input.patientShared.patient).length ? 'no-patient' : 'included';
}

/** The sentence INDEX.HTM shows about the bundle (the package's texts are English, like summary.pdf). */
export const PATIENT_SHARED_NOTICE: Record<PatientSharedState, string> = {
  included: `${PATIENT_SHARED_PATH} is a FHIR R4 bundle a record system can file as patient-shared (Kill the Clipboard profile): the patient, the structured records, the patient's story and a rendered PDF of the records.`,
  redacted: `This package has no patient-shared FHIR bundle: it was redacted, and that bundle exists to name the patient (name, date of birth, sex) so a record system can match it.`,
  unticked: 'This package has no patient-shared FHIR bundle: the patient chose to leave it out.',
  'no-patient':
    'This package has no patient-shared FHIR bundle: the patient has not given their name, date of birth and sex ("About the patient"), which a record system needs to match it.',
};

export async function patientSharedBytes(input: PackageInput, records: CaseRecord[]): Promise<Uint8Array> {
  const shared = input.patientShared!;
  const bundle = await patientSharedBundle({
    records,
    patient: shared.patient!,
    story: { title: input.caseData.title, story: shared.story, questions: shared.questions },
    generatedAt: input.generatedAt,
    newPdf: () => new PdfFlow(input.pageSize ?? 'letter'),
  });
  return new TextEncoder().encode(JSON.stringify(bundle, null, 1));
}
