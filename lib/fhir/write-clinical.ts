import type {
  Allergy,
  CodedEntry,
  Coding,
  Encounter,
  FamilyMemberHistory,
  Immunization,
  Medication,
  Problem,
  Procedure,
} from '../core/model';
import {
  fhirDateTime,
  PRINTED_STATUS_EXTENSION,
  text,
  type FhirResource,
  type Reference,
  type Subject,
} from './resource';
import { categoryOf } from './write-labs';
import { codeSystemUri } from '../core/code-systems';

/** A CodeableConcept with the code when there is one and always the text as the source printed it. */
export function concept(name: string | undefined, code: Coding | undefined, fallback: string): Record<string, unknown> {
  // C-CDA gives an OID (or our reader's name for it), FHIR a URI: FHIR is written with the URI.
  const system = codeSystemUri(code?.system);
  const coding =
    code && text(code.code)
      ? [
          {
            ...(system ? { system } : {}),
            code: code.code.trim(),
            ...(text(code.display) ? { display: text(code.display) } : {}),
          },
        ]
      : undefined;
  return { ...(coding ? { coding } : {}), text: text(name) ?? fallback };
}

/** A status our record kept as printed -> the FHIR code, when one of `codes` is plainly meant. */
function statusCode<T extends string>(status: string | undefined, codes: readonly T[]): T | undefined {
  const printed = status
    ?.trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return codes.find((c) => c === printed);
}

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';

export function condition(problem: Problem, subject: Reference): FhirResource {
  const abatement = fhirDateTime(problem.resolved);
  let clinical = statusCode(problem.status, [
    'active',
    'recurrence',
    'relapse',
    'inactive',
    'remission',
    'resolved',
  ] as const);
  // A problem with an end date is over (FHIR con-4); a bare date with no status says it was resolved.
  if (abatement && !clinical) clinical = 'resolved';
  if (abatement && (clinical === 'active' || clinical === 'recurrence' || clinical === 'relapse'))
    clinical = 'inactive';
  const onset = fhirDateTime(problem.onset);
  return {
    resourceType: 'Condition',
    ...(clinical
      ? {
          clinicalStatus: {
            coding: [{ system: CLINICAL, code: clinical }],
            ...(text(problem.status) ? { text: text(problem.status) } : {}),
          },
        }
      : {}),
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }],
      },
    ],
    code: concept(problem.name, problem.code, 'Unnamed problem'),
    subject,
    ...(onset ? { onsetDateTime: onset } : {}),
    ...(abatement ? { abatementDateTime: abatement } : {}),
  };
}

const MEDICATION_STATUS: [RegExp, string][] = [
  [/^(active|current|taking)/i, 'active'],
  [/^(stopped|discontinued|inactive)/i, 'stopped'],
  [/^completed/i, 'completed'],
  [/^(on.hold|held|paused)/i, 'on-hold'],
  [/^(not.taking|not.taken)/i, 'not-taken'],
  [/^intended/i, 'intended'],
  [/^entered.in.error/i, 'entered-in-error'],
];

export function medicationStatement(med: Medication, subject: Subject, asserted: string): FhirResource {
  const status = MEDICATION_STATUS.find(([pattern]) => pattern.test(med.status ?? ''))?.[1] ?? 'unknown';
  const start = fhirDateTime(med.startDate);
  const dosage = {
    ...(text(med.dose) ? { text: text(med.dose) } : {}),
    ...(text(med.frequency) ? { timing: { code: { text: text(med.frequency) } } } : {}),
    ...(text(med.route) ? { route: { text: text(med.route) } } : {}),
  };
  return {
    resourceType: 'MedicationStatement',
    status,
    // FHIR's code for what the record printed ("discontinued" is `stopped`): the printed word comes back on import.
    ...(text(med.status) && text(med.status) !== status
      ? { _status: { extension: [{ url: PRINTED_STATUS_EXTENSION, valueString: text(med.status) }] } }
      : {}),
    medicationCodeableConcept: { text: text(med.name) ?? 'Unnamed medication' },
    subject,
    ...(start ? { effectivePeriod: { start } } : {}),
    dateAsserted: asserted,
    ...(Object.keys(dosage).length ? { dosage: [dosage] } : {}),
  };
}

const SEVERITY = ['mild', 'moderate', 'severe'] as const;

export function allergyIntolerance(allergy: Allergy, patient: Reference): FhirResource {
  const clinical = statusCode(allergy.status, ['active', 'inactive', 'resolved'] as const);
  const severity = statusCode(allergy.severity, SEVERITY);
  const onset = fhirDateTime(allergy.onset);
  return {
    resourceType: 'AllergyIntolerance',
    ...(clinical
      ? {
          clinicalStatus: {
            coding: [{ system: ALLERGY_CLINICAL, code: clinical }],
            ...(text(allergy.status) ? { text: text(allergy.status) } : {}),
          },
        }
      : {}),
    code: concept(allergy.substance, allergy.code, 'Unnamed substance'),
    patient,
    ...(onset ? { onsetDateTime: onset } : {}),
    ...(text(allergy.reaction)
      ? {
          reaction: [
            {
              manifestation: [{ text: text(allergy.reaction) }],
              ...(severity ? { severity } : {}),
              ...(text(allergy.severity) && !severity ? { description: `Severity: ${text(allergy.severity)}` } : {}),
            },
          ],
        }
      : {}),
  };
}

export function immunization(item: Immunization, patient: Reference): FhirResource {
  const status = statusCode(item.status, ['completed', 'entered-in-error', 'not-done'] as const) ?? 'completed';
  const date = fhirDateTime(item.date);
  return {
    resourceType: 'Immunization',
    status,
    vaccineCode: concept(item.vaccine, item.code, 'Unnamed vaccine'),
    patient,
    // occurrence[x] is required: a record without a date says so rather than inventing one.
    ...(date ? { occurrenceDateTime: date } : { occurrenceString: 'date not recorded' }),
    primarySource: false,
    ...(text(item.lotNumber) ? { lotNumber: text(item.lotNumber) } : {}),
  };
}

const PROCEDURE_STATUS = [
  'preparation',
  'in-progress',
  'not-done',
  'on-hold',
  'stopped',
  'completed',
  'entered-in-error',
  'unknown',
] as const;

export function procedure(item: Procedure, subject: Reference): FhirResource {
  const date = fhirDateTime(item.date);
  return {
    resourceType: 'Procedure',
    status: statusCode(item.status, PROCEDURE_STATUS) ?? 'unknown',
    code: concept(item.name, item.code, 'Unnamed procedure'),
    subject,
    ...(date ? { performedDateTime: date } : {}),
    ...(text(item.performer) ? { performer: [{ actor: { display: text(item.performer) } }] } : {}),
    ...(text(item.bodySite) ? { bodySite: [{ text: text(item.bodySite) }] } : {}),
  };
}

export function encounter(item: Encounter, subject: Reference): FhirResource {
  const start = fhirDateTime(item.date);
  const end = fhirDateTime(item.end);
  return {
    resourceType: 'Encounter',
    status: end ? 'finished' : 'unknown',
    // class is required; the record does not say which, and we do not guess.
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', code: 'UNK', display: 'unknown' },
    type: [concept(item.type, item.code, 'Encounter')],
    subject,
    ...(start || end ? { period: { ...(start ? { start } : {}), ...(end ? { end } : {}) } } : {}),
    ...(text(item.provider) ? { participant: [{ individual: { display: text(item.provider) } }] } : {}),
    ...(text(item.reason) ? { reasonCode: [{ text: text(item.reason) }] } : {}),
    ...(text(item.location) ? { location: [{ location: { display: text(item.location) } }] } : {}),
  };
}

export function familyMemberHistory(member: FamilyMemberHistory, patient: Reference): FhirResource {
  return {
    resourceType: 'FamilyMemberHistory',
    status: 'partial',
    patient,
    relationship: { text: text(member.relationship) ?? 'Family member' },
    ...(member.deceased !== undefined ? { deceasedBoolean: member.deceased } : {}),
    ...(text(member.condition) || member.code
      ? {
          condition: [
            {
              code: concept(member.condition, member.code, 'Unnamed condition'),
              ...(text(member.onsetAge) ? { onsetString: text(member.onsetAge) } : {}),
            },
          ],
        }
      : {}),
  };
}

export function codedObservation(
  entry: CodedEntry,
  subject: Reference,
  category: 'social-history' | 'exam',
): FhirResource {
  const date = fhirDateTime(entry.date);
  const status = statusCode(entry.status, ['registered', 'preliminary', 'final', 'amended', 'cancelled'] as const);
  return {
    resourceType: 'Observation',
    status: status ?? 'final',
    category: categoryOf(category),
    code: concept(entry.name, entry.code, 'Unnamed observation'),
    subject,
    ...(date ? { effectiveDateTime: date } : {}),
    ...(text(entry.value)
      ? { valueString: text(entry.value) }
      : {
          dataAbsentReason: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown' }],
          },
        }),
  };
}
