import type { CodedEntry, LabResultRow, RecordKind, StructuredData } from '../core/model';
import {
  allergyOf,
  encounterOf,
  familyMembersOf,
  immunizationOf,
  medicationOf,
  problemOf,
  procedureOf,
} from './read-clinical';
import { source, type FhirItem, type ProblemSink, type Resolver } from './read-model';
import { observationDate, observationRows } from './read-observations';
import { readRecord, type ReadRecord } from './read-record';
import { conceptText, firstCoding } from './read-values';
import { resourceLine } from './rendered-pdf';

export type Family =
  | 'problems'
  | 'medications'
  | 'allergies'
  | 'immunizations'
  | 'procedures'
  | 'encounters'
  | 'family-history'
  | 'lab'
  | 'vital-signs'
  | 'social-history'
  | 'observations';

export const FAMILY: Record<Family, { kind: RecordKind; title: string }> = {
  problems: { kind: 'problem', title: 'Problems' },
  medications: { kind: 'medication', title: 'Medications' },
  allergies: { kind: 'allergy', title: 'Allergies' },
  immunizations: { kind: 'immunization', title: 'Immunizations' },
  procedures: { kind: 'procedure', title: 'Procedures' },
  encounters: { kind: 'encounter', title: 'Encounters' },
  'family-history': { kind: 'family-history', title: 'Family history' },
  lab: { kind: 'lab', title: 'Lab results' },
  'vital-signs': { kind: 'vital-signs', title: 'Vital signs' },
  'social-history': { kind: 'social-history', title: 'Social history' },
  observations: { kind: 'other', title: 'Observations' },
};

export const FAMILY_OF_TYPE: Record<string, Family> = {
  Condition: 'problems',
  MedicationRequest: 'medications',
  MedicationStatement: 'medications',
  AllergyIntolerance: 'allergies',
  Immunization: 'immunizations',
  Procedure: 'procedures',
  Encounter: 'encounters',
  FamilyMemberHistory: 'family-history',
};

export interface Group {
  family: Family;
  title?: string;
  items: FhirItem[];
}

export function groupRecord(group: Group, resolver: Resolver, problem: ProblemSink): ReadRecord {
  const { kind, title: familyTitle } = FAMILY[group.family];
  const title = group.title ?? familyTitle;
  const rs = group.items.map((i) => i.resource);
  const sources = group.items.map(source);
  const lines = rs.map((r) => resourceLine(r));
  let structured: StructuredData;
  let date: string | undefined;
  switch (group.family) {
    case 'lab':
    case 'vital-signs': {
      const dates = [...new Set(rs.map(observationDate))];
      const shared = dates.length === 1 ? dates[0] : undefined;
      const results: LabResultRow[] = rs.flatMap((o) => observationRows(o, shared));
      date = shared ?? dates.filter(Boolean).sort()[0];
      structured = { type: 'lab', panel: { name: title, ...(shared ? { collected: shared } : {}) }, results };
      break;
    }
    case 'social-history':
    case 'observations':
      structured = {
        type: 'entries',
        entries: rs.map((o): CodedEntry => {
          const rows = observationRows(o, undefined);
          const value = rows
            .map((row) => (rows.length > 1 ? `${row.test}: ` : '') + `${row.value}${row.unit ? ` ${row.unit}` : ''}`)
            .join('; ');
          const d = observationDate(o);
          const code = firstCoding(o.code);
          return {
            name: (conceptText(o.code) || 'Unnamed observation').slice(0, 500),
            ...(code ? { code } : {}),
            ...(value.trim() ? { value: value.slice(0, 2000) } : {}),
            ...(d ? { date: d } : {}),
            ...(o.status && o.status !== 'final' ? { status: String(o.status).slice(0, 100) } : {}),
          };
        }),
      };
      break;
    case 'problems':
      structured = { type: 'problems', problems: rs.map(problemOf) };
      break;
    case 'medications':
      structured = {
        type: 'medications',
        medications: group.items.map((item) => {
          const ref = item.resource.medicationReference?.reference;
          const medication = ref ? resolver.resolve(item, ref) : undefined;
          if (ref && !medication) problem(item, 'reference-not-found', String(ref));
          return medicationOf(item.resource, medication);
        }),
      };
      break;
    case 'allergies':
      structured = { type: 'allergies', allergies: rs.map(allergyOf) };
      break;
    case 'immunizations':
      structured = { type: 'immunizations', immunizations: rs.map(immunizationOf) };
      break;
    case 'procedures':
      structured = { type: 'procedures', procedures: rs.map(procedureOf) };
      break;
    case 'encounters':
      structured = { type: 'encounters', encounters: rs.map(encounterOf) };
      break;
    case 'family-history':
      structured = { type: 'family-history', members: rs.flatMap(familyMembersOf) };
      break;
  }
  return readRecord(kind, title, date, structured, sources, lines);
}
