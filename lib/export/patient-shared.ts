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
