import type { CaseDb } from '../core/db';
import type { CaseId } from '../core/model';
import { nowIso } from '../core/ids';
import {
  CaseDetails,
  Decision,
  PatientDetails,
  RecordFamily,
  RedactionChoices,
  Story,
  type StoryField,
} from '../core/workspace-model';

export function emptyDetails(caseId: CaseId, now = nowIso()): CaseDetails {
  return { caseId, story: {}, notApplicable: {}, decision: {}, updatedAt: now };
}

/** The case's story, checklist marks and decision; an empty one (not written) when nothing was saved yet,
 * so reading inside a liveQuery never writes. */
export async function getDetails(db: CaseDb, caseId: CaseId): Promise<CaseDetails> {
  return (await db.caseDetails.get(caseId)) ?? emptyDetails(caseId);
}

/**
 * Writes one nested field by key path ("story.goals"), never the whole row: two panels editing
 * different fields of the same case at once both keep their edits.
 */
async function setPath(db: CaseDb, caseId: CaseId, path: string, value: unknown): Promise<void> {
  await db.transaction('rw', db.cases, db.caseDetails, async () => {
    if (!(await db.cases.get(caseId))) throw new Error('case-not-found');
    const now = nowIso();
    if (!(await db.caseDetails.get(caseId))) await db.caseDetails.add(emptyDetails(caseId, now));
    // Dexie treats an undefined value in an update as "delete this key", which is what clearing means.
    await db.caseDetails.update(caseId, { [path]: value, updatedAt: now } as Parameters<
      typeof db.caseDetails.update
    >[1]);
  });
}

export async function setStoryField<F extends StoryField>(
  db: CaseDb,
  caseId: CaseId,
  field: F,
  value: Story[F],
): Promise<void> {
  const valid = Story.shape[field].parse(value);
  await setPath(db, caseId, `story.${field}`, valid);
}

export async function setNotApplicable(
  db: CaseDb,
  caseId: CaseId,
  family: RecordFamily,
  notApplicable: boolean,
): Promise<void> {
  await setPath(db, caseId, `notApplicable.${RecordFamily.parse(family)}`, notApplicable ? true : undefined);
}

export async function setDecisionField<F extends keyof Decision>(
  db: CaseDb,
  caseId: CaseId,
  field: F,
  value: Decision[F],
): Promise<void> {
  const valid = Decision.shape[field].parse(value);
  await setPath(db, caseId, `decision.${field}`, valid);
}

/** The export's redaction choices, written whole (they are one form). */
export async function setRedactionChoices(db: CaseDb, caseId: CaseId, choices: RedactionChoices): Promise<void> {
  await setPath(db, caseId, 'redaction', RedactionChoices.parse(choices));
}

/** "About the patient": one field at a time, like the story; an empty value clears it. */
export async function setPatientField<F extends keyof PatientDetails>(
  db: CaseDb,
  caseId: CaseId,
  field: F,
  value: PatientDetails[F],
): Promise<void> {
  const valid = PatientDetails.shape[field].parse(value === '' ? undefined : value);
  await db.transaction('rw', db.cases, db.caseDetails, async () => {
    const details = await db.caseDetails.get(caseId);
    // `patient` may be absent on rows saved before it existed: create it before writing into it.
    if (details && !details.patient) await db.caseDetails.update(caseId, { patient: {} });
    await setPath(db, caseId, `patient.${field}`, valid);
  });
}
