import type { PatientDetails } from '../core/workspace-model';
import { text, type FhirResource } from './resource';

/** What KTC needs to match the patient; nothing else is sent and nothing is made up. */
export const PATIENT_FIELDS = ['name', 'birthDate', 'sex'] as const;
export type PatientField = (typeof PATIENT_FIELDS)[number];

/** The "About the patient" fields still empty: a patient-shared bundle needs all three. */
export const missingPatientFields = (patient: PatientDetails | undefined): PatientField[] =>
  PATIENT_FIELDS.filter((f) => !text(patient?.[f]));

/** The name as entered, and split for FHIR: the last word is the family name, the rest given names. */
function humanName(name: string) {
  const words = name.trim().split(/\s+/);
  const family = words.length > 1 ? words[words.length - 1] : undefined;
  const given = words.length > 1 ? words.slice(0, -1) : words;
  return { text: name.trim(), ...(family ? { family } : {}), given };
}

export function patientResource(patient: PatientDetails): FhirResource {
  return {
    resourceType: 'Patient',
    name: [humanName(patient.name!)],
    gender: patient.sex!,
    birthDate: patient.birthDate!,
  };
}
