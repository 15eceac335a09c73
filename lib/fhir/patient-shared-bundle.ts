import type { CaseRecord } from '../core/model';
import type { PatientDetails } from '../core/workspace-model';
import { PATIENT_STORY_LOINC, patientSharedDocument, RENDERED_PDF_LOINC } from './documents';
import { missingPatientFields, patientResource } from './patient';
import type { NewPdf } from './pdf-writer';
import { recordResources, type WrittenResource } from './record-resources';
import { renderedPdf } from './rendered-pdf';
import { urnUuid, type FhirResource } from './resource';
import { storyPdf, type PatientStory } from './story-pdf';

export const PATIENT_SHARED_PATH = 'data/patient-shared-bundle.json';
/** The structured story inside the Patient Story document, so our own import gives the story back exactly. */
export const STORY_JSON_TYPE = 'application/json';
export const STORY_JSON_TITLE = 'Patient story (structured, Second Look)';

export interface PatientSharedInput {
  records: CaseRecord[];
  patient: PatientDetails;
  story: PatientStory;
  generatedAt: Date;
  newPdf: NewPdf;
}

/**
 * data/patient-shared-bundle.json: what a patient app hands a provider's EHR under the Kill the Clipboard
 * profile (draft v0.10.2): a collection with one Patient, the records as US Core resources, the Patient
 * Story PDF and the FHIR-Rendered PDF of everything else in the bundle.
 */
export async function patientSharedBundle(input: PatientSharedInput): Promise<FhirResource> {
  if (missingPatientFields(input.patient).length)
    throw new Error('patient-shared bundle needs name, birth date and sex');
  const at = input.generatedAt.toISOString();
  const patientUrl = urnUuid(`patient:${input.patient.name}:${input.patient.birthDate}`);
  const patient = { reference: patientUrl };
  const entries: WrittenResource[] = [{ fullUrl: patientUrl, resource: patientResource(input.patient) }];
  for (const record of input.records) for (const written of recordResources(record, patient, at)) entries.push(written);
  const story = await storyPdf(input.story, input.generatedAt, input.newPdf);
  const rendered = await renderedPdf({ entries, generatedAt: input.generatedAt, newPdf: input.newPdf });
  const storyJson = JSON.stringify({ story: input.story.story, questions: input.story.questions });
  entries.push(
    {
      fullUrl: urnUuid(`story:${patientUrl}`),
      resource: patientSharedDocument(
        {
          type: PATIENT_STORY_LOINC,
          typeText: 'Patient story',
          description: "The patient's story and questions, in their own words",
          date: at,
          attachments: [
            { contentType: 'application/pdf', data: story, title: 'Patient story' },
            { contentType: STORY_JSON_TYPE, data: storyJson, title: STORY_JSON_TITLE },
          ],
        },
        patient,
      ),
    },
    {
      fullUrl: urnUuid(`rendered:${patientUrl}`),
      resource: patientSharedDocument(
        {
          type: RENDERED_PDF_LOINC,
          typeText: 'FHIR-rendered PDF',
          description: 'Every structured resource of this bundle, rendered for reading',
          date: at,
          attachments: [{ contentType: 'application/pdf', data: rendered, title: 'Patient-shared health record' }],
        },
        patient,
      ),
    },
  );
  return { resourceType: 'Bundle', type: 'collection', timestamp: at, entry: entries };
}
