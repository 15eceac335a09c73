import type {
  Allergy,
  ImagingStudy,
  Encounter,
  FamilyMemberHistory,
  Immunization,
  Medication,
  Problem,
  Procedure,
} from '../core/model';
import { bounded, clinicalDate, conceptText, firstCoding, narrativeText, type Json } from './read-values';
import { extensionValue, PRINTED_STATUS_EXTENSION } from './resource';

const name = (value: string, fallback: string) => (value || fallback).slice(0, 500);
const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export function problemOf(r: Json): Problem {
  const verification = conceptText(r.verificationStatus);
  const status = bounded(conceptText(r.clinicalStatus), 100) ?? (verification ? verification.slice(0, 100) : undefined);
  return {
    name: name(conceptText(r.code), 'Unnamed problem'),
    ...optional('code', firstCoding(r.code)),
    ...optional(
      'status',
      status === 'entered-in-error' || verification !== 'entered-in-error' ? status : 'entered-in-error',
    ),
    ...optional('onset', clinicalDate(r.onsetDateTime) ?? clinicalDate(r.onsetPeriod?.start)),
    ...optional('resolved', clinicalDate(r.abatementDateTime) ?? clinicalDate(r.abatementPeriod?.end)),
  };
}

/** MedicationRequest or MedicationStatement; `medication` resolves a medicationReference (contained or in the bundle). */
export function medicationOf(r: Json, medication: Json | undefined): Medication {
  const dosage = ((r.dosage ?? r.dosageInstruction) as Json[] | undefined)?.[0];
  const dose = dosage?.doseAndRate?.[0]?.doseQuantity;
  const medName =
    conceptText(r.medicationCodeableConcept) ||
    (medication ? conceptText(medication.code) : '') ||
    String(r.medicationReference?.display ?? '');
  const doseText =
    bounded(dosage?.text, 200) ??
    (dose && typeof dose.value === 'number' ? `${dose.value} ${dose.unit ?? ''}`.trim() : undefined);
  return {
    name: name(medName, 'Unnamed medication'),
    ...optional('dose', doseText),
    ...optional('route', bounded(conceptText(dosage?.route), 100)),
    ...optional('frequency', bounded(conceptText(dosage?.timing?.code), 200)),
    ...optional(
      'startDate',
      clinicalDate(r.effectivePeriod?.start) ?? clinicalDate(r.effectiveDateTime) ?? clinicalDate(r.authoredOn),
    ),
    ...optional(
      'status',
      bounded((extensionValue(r._status, PRINTED_STATUS_EXTENSION) as Json | undefined)?.valueString, 100) ??
        bounded(r.status, 100),
    ),
  };
}

export function allergyOf(r: Json): Allergy {
  const reaction = (r.reaction as Json[] | undefined)?.[0];
  const manifestations = ((reaction?.manifestation as Json[] | undefined) ?? []).map(conceptText).filter(Boolean);
  const severity =
    bounded(reaction?.severity, 100) ?? bounded(/^Severity: (.*)$/.exec(String(reaction?.description ?? ''))?.[1], 100);
  const verification = conceptText(r.verificationStatus);
  return {
    substance: name(conceptText(r.code), 'Unnamed substance'),
    ...optional('code', firstCoding(r.code)),
    ...optional('reaction', bounded(manifestations.join(', '), 500)),
    ...optional('severity', severity),
    ...optional('status', bounded(conceptText(r.clinicalStatus), 100) ?? bounded(verification, 100)),
    ...optional('onset', clinicalDate(r.onsetDateTime) ?? clinicalDate(r.onsetPeriod?.start)),
  };
}

export function immunizationOf(r: Json): Immunization {
  return {
    vaccine: name(conceptText(r.vaccineCode), 'Unnamed vaccine'),
    ...optional('code', firstCoding(r.vaccineCode)),
    ...optional('date', clinicalDate(r.occurrenceDateTime)),
    ...optional('status', bounded(r.status, 100)),
    ...optional('lotNumber', bounded(r.lotNumber, 100)),
  };
}

export function procedureOf(r: Json): Procedure {
  const performer = ((r.performer as Json[] | undefined) ?? []).map((p) => p.actor?.display).find(Boolean);
  return {
    name: name(conceptText(r.code), 'Unnamed procedure'),
    ...optional('code', firstCoding(r.code)),
    ...optional('date', clinicalDate(r.performedDateTime) ?? clinicalDate(r.performedPeriod?.start)),
    ...optional('status', bounded(r.status, 100)),
    ...optional('performer', bounded(performer, 500)),
    ...optional('bodySite', bounded(((r.bodySite as Json[] | undefined) ?? []).map(conceptText).join(', '), 200)),
  };
}

export function encounterOf(r: Json): Encounter {
  const type = ((r.type as Json[] | undefined) ?? []).map(conceptText).filter(Boolean).join(', ');
  const classText = conceptText({ coding: r.class ? [r.class] : [] });
  const reason = [
    ...((r.reasonCode as Json[] | undefined) ?? []).map(conceptText),
    ...((r.reasonReference as Json[] | undefined) ?? []).map((x) => String(x.display ?? '')),
  ].filter(Boolean);
  return {
    type: name(type || classText, 'Encounter'),
    ...optional('code', firstCoding((r.type as Json[] | undefined)?.[0])),
    ...optional('date', clinicalDate(r.period?.start)),
    ...optional('end', clinicalDate(r.period?.end)),
    ...optional(
      'location',
      bounded(
        ((r.location as Json[] | undefined) ?? [])
          .map((l) => l.location?.display)
          .filter(Boolean)
          .join(', '),
        500,
      ),
    ),
    ...optional(
      'provider',
      bounded(
        ((r.participant as Json[] | undefined) ?? [])
          .map((p) => p.individual?.display)
          .filter(Boolean)
          .join(', '),
        500,
      ),
    ),
    ...optional('reason', bounded(reason.join(', '), 1000)),
  };
}

/** One entry per condition (a relative with no condition listed is kept with an empty one). */
export function familyMembersOf(r: Json): FamilyMemberHistory[] {
  const relationship = name(conceptText(r.relationship), 'Family member').slice(0, 200);
  const deceased =
    typeof r.deceasedBoolean === 'boolean'
      ? r.deceasedBoolean
      : r.deceasedAge || r.deceasedDate || r.deceasedString
        ? true
        : undefined;
  const conditions = (r.condition as Json[] | undefined) ?? [];
  const base = { relationship, ...optional('deceased', deceased) };
  if (!conditions.length)
    return [{ ...base, condition: String(r.status === 'health-unknown' ? 'health unknown' : '') }];
  return conditions.map((c) => ({
    ...base,
    condition: name(conceptText(c.code), ''),
    ...optional('code', firstCoding(c.code)),
    ...optional(
      'onsetAge',
      bounded(c.onsetString, 50) ??
        (typeof c.onsetAge?.value === 'number'
          ? `${c.onsetAge.value} ${c.onsetAge.unit ?? ''}`.trim().slice(0, 50)
          : undefined),
    ),
  }));
}

/** A CarePlan as a plan note: its title, description, narrative and activities. */
export function carePlanParagraphs(r: Json): string[] {
  return [
    bounded(r.title, 1000),
    bounded(r.description, 100_000),
    narrativeText(r),
    ...((r.activity as Json[] | undefined) ?? []).map((a) =>
      [conceptText(a.detail?.code), a.detail?.status, a.detail?.description].filter(Boolean).join(' - '),
    ),
    ...((r.note as Json[] | undefined) ?? []).map((n) => String(n.text ?? '')),
  ].filter((p): p is string => !!p && !!p.trim());
}

/** An ImagingStudy as our study shape (the images themselves are not in FHIR). */
export function imagingStudyOf(r: Json): ImagingStudy {
  const uid = ((r.identifier as Json[] | undefined) ?? [])
    .map((i) => String(i.value ?? ''))
    .find((v) => v.startsWith('urn:oid:'))
    ?.slice(8);
  const series = ((r.series as Json[] | undefined) ?? []).slice(0, 10_000).map((s) => ({
    ...optional('uid', bounded(s.uid, 64)),
    ...optional('modality', bounded(s.modality?.code, 16)),
    ...optional('description', bounded(s.description, 500)),
    ...optional('bodyPart', bounded(s.bodySite?.display ?? s.bodySite?.code, 200)),
    instances: typeof s.numberOfInstances === 'number' ? s.numberOfInstances : 0,
  }));
  const modalities = [
    ...new Set([
      ...((r.modality as Json[] | undefined) ?? []).map((m) => String(m.code ?? '')),
      ...series.map((s) => s.modality ?? ''),
    ]),
  ].filter(Boolean);
  return {
    type: 'imaging-study',
    ...optional('studyInstanceUid', uid && uid.length <= 64 ? uid : undefined),
    ...optional('description', bounded(r.description, 500)),
    modalities: modalities.map((m) => m.slice(0, 16)),
    ...optional('date', clinicalDate(r.started)),
    series,
    instances:
      typeof r.numberOfInstances === 'number' ? r.numberOfInstances : series.reduce((n, s) => n + s.instances, 0),
  };
}
