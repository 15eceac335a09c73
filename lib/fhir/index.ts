// FHIR both ways: the patient-shared bundle (KTC profile) we write, and FHIR R4 files we read.
// Other rooms import from here, not from the files inside.
export * from './resource';
export * from './ucum';
export * from './pdf-writer';
export { labObservation, labReport, type LabObservationOptions, type NonUcumUnit } from './write-labs';
export { medicationStatement } from './write-clinical';
export { imagingStudy } from './write-imaging';
export { missingPatientFields, PATIENT_FIELDS, type PatientField } from './patient';
export { patientSharedBundle, PATIENT_SHARED_PATH, type PatientSharedInput } from './patient-shared-bundle';
export type { PatientStory, StoryQuestion } from './story-pdf';
export {
  FhirReader,
  readFhir,
  type FhirItem,
  type FhirRead,
  type ReportLine,
  type ReportProblem,
  type ResourceOutcome,
} from './read-fhir';
export { FhirInputError, FhirItemScanner, fhirItemsFromText, looksLikeJson, type FhirTextError } from './read-input';
export {
  readFhirSources,
  type FhirProgress,
  type FhirSource,
  type FhirSourcesRead,
  type RefusedFile,
} from './read-sources';
export { ReferenceIndex } from './read-index';
export type { ReadRecord } from './read-record';
export type { ReadFile, ReadProblem } from './read-documents';
