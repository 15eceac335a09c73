import type { CaseRecord, ImagingStudy } from '../core/model';
import type { FhirFileRef } from './fhir-bundle';
import { fhirDateTime, text, type FhirResource, type Reference } from './fhir-types';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
/** DICOM modality codes are upper-case letters and digits (PS3.3 C.7.3.1.1.1); anything else is "OT", other. */
const modalityCode = (code: string | undefined) => ({
  system: DCM,
  code: code && /^[A-Z0-9_]{1,16}$/.test(code) ? code : 'OT',
});

/**
 * An imported DICOM study as FHIR R4 ImagingStudy (patient-free: the subject is "the patient", as in the
 * rest of the bundle), its UIDs as urn:oid identifiers. Series without a Series Instance UID, which
 * FHIR requires, are counted but not listed.
 */
export function imagingStudy(study: ImagingStudy, record: CaseRecord): FhirResource {
  const started = fhirDateTime(study.date ?? record.clinicalDate);
  const series = study.series
    .filter((s) => s.uid)
    .map((s, i) => ({
      uid: s.uid,
      number: i + 1,
      modality: modalityCode(s.modality),
      ...(text(s.description) ? { description: text(s.description) } : {}),
      numberOfInstances: s.instances,
      ...(text(s.bodyPart) ? { bodySite: { display: text(s.bodyPart) } } : {}),
    }));
  return {
    resourceType: 'ImagingStudy',
    ...(study.studyInstanceUid
      ? { identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${study.studyInstanceUid}` }] }
      : {}),
    status: 'available',
    ...(study.modalities.length ? { modality: study.modalities.map(modalityCode) } : {}),
    subject: { display: 'The patient' },
    ...(started ? { started } : {}),
    numberOfSeries: study.series.length,
    numberOfInstances: study.instances,
    ...(text(study.description) ? { description: text(study.description) } : {}),
    ...(series.length ? { series } : {}),
  };
}

/** The study's files, each with its place in the zip, size and hash, linked to the ImagingStudy. */
export function studyFiles(record: CaseRecord, files: FhirFileRef[], study: Reference): FhirResource {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    type: { text: 'DICOM files' },
    date: new Date(record.capturedAt).toISOString(),
    ...(text(record.title) ? { description: text(record.title) } : {}),
    content: files.map((file) => ({
      attachment: { contentType: file.mediaType, url: file.path, size: file.size, hash: file.sha1, title: file.title },
    })),
    context: { related: [study] },
  };
}
