import type { ImagingStudy } from '../core/model';
import { fhirDateTime, text, type FhirResource, type Subject } from './resource';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
/** DICOM modality codes are upper-case letters and digits (PS3.3 C.7.3.1.1.1); anything else is "OT", other. */
const modalityCode = (code: string | undefined) => ({
  system: DCM,
  code: code && /^[A-Z0-9_]{1,16}$/.test(code.trim()) ? code.trim() : 'OT',
});

/**
 * An imported DICOM study as FHIR R4 ImagingStudy, its UIDs as urn:oid identifiers, for both bundles (the
 * package's, whose subject is "the patient", and the patient-shared one, whose subject is the Patient).
 * Series without a Series Instance UID, which FHIR requires, are counted but not listed. `recorded` is the
 * record's clinical date, used when the files carry no study date.
 */
export function imagingStudy(study: ImagingStudy, subject: Subject, recorded?: string): FhirResource {
  const started = fhirDateTime(study.date ?? recorded);
  const series = study.series
    .filter((s) => text(s.uid))
    .map((s, i) => ({
      uid: s.uid!.trim(),
      number: i + 1,
      modality: modalityCode(s.modality),
      ...(text(s.description) ? { description: text(s.description) } : {}),
      numberOfInstances: s.instances,
      ...(text(s.bodyPart) ? { bodySite: { display: text(s.bodyPart) } } : {}),
    }));
  return {
    resourceType: 'ImagingStudy',
    ...(text(study.studyInstanceUid)
      ? { identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${study.studyInstanceUid!.trim()}` }] }
      : {}),
    status: 'available',
    ...(study.modalities.length ? { modality: study.modalities.map(modalityCode) } : {}),
    subject,
    ...(started ? { started } : {}),
    numberOfSeries: study.series.length,
    numberOfInstances: study.instances,
    ...(text(study.description) ? { description: text(study.description) } : {}),
    ...(series.length ? { series } : {}),
  };
}
