import type { CodedEntry, LabResultRow, RecordKind, StructuredData } from '../core/model';
import type {
  Allergy,
  Encounter,
  FamilyMemberHistory,
  Immunization,
  Medication,
  Problem,
  Procedure,
} from '../core/model';
import {
  allergyOf,
  encounterOf,
  familyMembersOf,
  immunizationOf,
  medicationOf,
  problemOf,
  procedureOf,
} from './read-clinical';
import { source, type FhirItem } from './read-model';
import { hasOwnDate, observationDate, observationRows } from './read-observations';
import { readRecord, type ReadRecord, type Source } from './read-record';
import { conceptText, firstCoding, type Json } from './read-values';
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

/**
 * One record gathered from many resources of one family (every Condition of an import, the lab
 * Observations of one day...). Each resource is read as it arrives and only what the record keeps is
 * held, so the resources themselves can go.
 */
export class GroupRecord {
  private readonly sources: Source[] = [];
  private readonly lines: string[] = [];
  private readonly list: unknown[] = [];
  private readonly dates = new Set<string | undefined>();
  /** Rows that keep their date even when it is the one the record gives. */
  private readonly ownDates = new WeakSet<LabResultRow>();

  constructor(
    readonly family: Family,
    readonly title: string | undefined,
  ) {}

  /** `medication`: the Medication a MedicationRequest or MedicationStatement points at, if found. */
  add(item: FhirItem, medication?: Json): void {
    const r = item.resource;
    this.sources.push(source(item));
    this.lines.push(resourceLine(r));
    switch (this.family) {
      case 'lab':
      case 'vital-signs':
        this.dates.add(observationDate(r));
        for (const row of observationRows(r, undefined)) {
          if (hasOwnDate(r)) this.ownDates.add(row);
          this.list.push(row);
        }
        return;
      case 'social-history':
      case 'observations':
        this.list.push(codedEntry(r));
        return;
      case 'problems':
        this.list.push(problemOf(r));
        return;
      case 'medications':
        this.list.push(medicationOf(r, medication));
        return;
      case 'allergies':
        this.list.push(allergyOf(r));
        return;
      case 'immunizations':
        this.list.push(immunizationOf(r));
        return;
      case 'procedures':
        this.list.push(procedureOf(r));
        return;
      case 'encounters':
        this.list.push(encounterOf(r));
        return;
      case 'family-history':
        for (const member of familyMembersOf(r)) this.list.push(member);
    }
  }

  record(): ReadRecord {
    const { kind, title: familyTitle } = FAMILY[this.family];
    const title = this.title ?? familyTitle;
    let structured: StructuredData;
    let date: string | undefined;
    switch (this.family) {
      case 'lab':
      case 'vital-signs': {
        const dates = [...this.dates];
        const shared = dates.length === 1 ? dates[0] : undefined;
        const results = this.list as LabResultRow[];
        // Rows carry their own date only where it differs from the one the panel gives.
        if (shared) for (const row of results) if (row.date === shared && !this.ownDates.has(row)) delete row.date;
        date = shared ?? dates.filter(Boolean).sort()[0];
        structured = { type: 'lab', panel: { name: title, ...(shared ? { collected: shared } : {}) }, results };
        break;
      }
      case 'social-history':
      case 'observations':
        structured = { type: 'entries', entries: this.list as CodedEntry[] };
        break;
      case 'problems':
        structured = { type: 'problems', problems: this.list as Problem[] };
        break;
      case 'medications':
        structured = { type: 'medications', medications: this.list as Medication[] };
        break;
      case 'allergies':
        structured = { type: 'allergies', allergies: this.list as Allergy[] };
        break;
      case 'immunizations':
        structured = { type: 'immunizations', immunizations: this.list as Immunization[] };
        break;
      case 'procedures':
        structured = { type: 'procedures', procedures: this.list as Procedure[] };
        break;
      case 'encounters':
        structured = { type: 'encounters', encounters: this.list as Encounter[] };
        break;
      case 'family-history':
        structured = { type: 'family-history', members: this.list as FamilyMemberHistory[] };
        break;
    }
    return readRecord(kind, title, date, structured, this.sources, this.lines);
  }
}

function codedEntry(o: Json): CodedEntry {
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
}
