import type { CaseRecord } from '../core/model';
import type { FhirFileRef } from './fhir-bundle';
import { text, type FhirResource, type Reference } from './fhir-types';

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
