import type { AbnormalFlag, LabPanel, LabResultRow } from '../core/model';
import { fhirDateTime, ROW_DATE_EXTENSION, text, type FhirResource, type Reference } from './resource';
import { UCUM, ucumUnit } from './ucum';

export const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const LOINC = 'http://loinc.org';

/** Our flags as FHIR interpretation codes ('critical' has no code of its own: critical abnormal). */
export const FLAG_CODES: Record<AbnormalFlag, { code: string; display: string }> = {
  H: { code: 'H', display: 'High' },
  L: { code: 'L', display: 'Low' },
  HH: { code: 'HH', display: 'Critical high' },
  LL: { code: 'LL', display: 'Critical low' },
  A: { code: 'A', display: 'Abnormal' },
  AA: { code: 'AA', display: 'Critical abnormal' },
  critical: { code: 'AA', display: 'Critical abnormal' },
  N: { code: 'N', display: 'Normal' },
};

/**
 * A number whose printed unit is not UCUM: `quantity` keeps a Quantity with the printed unit and no code
 * (US Core wants a Quantity); `string` writes the printed value and unit as valueString, so no reader
 * takes the unit for a coded one (the package's own bundle, read by software that may compute with it).
 */
export type NonUcumUnit = 'quantity' | 'string';

/** A Quantity with its UCUM code when the printed unit parses; otherwise the printed unit alone (no code), or none. */
const quantity = (value: number, unit: string | undefined, nonUcum: NonUcumUnit) => {
  const code = ucumUnit(unit);
  if (code) return { value, unit: unit!.trim(), system: UCUM, code };
  return text(unit) && nonUcum === 'quantity' ? { value, unit: text(unit) } : { value };
};

function observationValue(row: LabResultRow, nonUcum: NonUcumUnit): Record<string, unknown> {
  const numeric = row.numericValue !== undefined && Number.isFinite(row.numericValue);
  if (numeric && (nonUcum === 'quantity' || ucumUnit(row.unit) || !text(row.unit))) {
    return {
      valueQuantity: {
        ...(row.comparator ? { comparator: row.comparator } : {}),
        ...quantity(row.numericValue!, row.unit, nonUcum),
      },
    };
  }
  // A value we cannot code keeps its printed form; the unit goes with it so nothing is lost.
  const printed = text([row.value, row.unit].filter(Boolean).join(' '));
  return printed ? { valueString: printed } : {};
}

function referenceRange(row: LabResultRow, nonUcum: NonUcumUnit): Record<string, unknown>[] | undefined {
  const range: Record<string, unknown> = {};
  if (row.low !== undefined) range.low = quantity(row.low, row.unit, nonUcum);
  if (row.high !== undefined) range.high = quantity(row.high, row.unit, nonUcum);
  const printed = text(row.referenceRange);
  if (printed) range.text = printed;
  return Object.keys(range).length > 0 ? [range] : undefined;
}

const CATEGORY_DISPLAY = {
  laboratory: 'Laboratory',
  'vital-signs': 'Vital Signs',
  'social-history': 'Social History',
  exam: 'Exam',
} as const;

export const categoryOf = (code: 'laboratory' | 'vital-signs' | 'social-history' | 'exam') => [
  { coding: [{ system: OBSERVATION_CATEGORY, code, display: CATEGORY_DISPLAY[code] }] },
];

export interface LabObservationOptions {
  category: 'laboratory' | 'vital-signs';
  nonUcumUnit: NonUcumUnit;
  /** The patient-shared bundle names its Patient; the package's bundle has none. */
  subject?: Reference;
  /** When neither the row nor its panel has a date: the record's. */
  fallbackDate?: string;
  /** The result's time when the lab identity knows it better than the row (the same result in several records). */
  date?: string;
  /** Notes instead of the row's own (the package adds how the value was read and every record holding it). */
  notes?: { text: string }[];
  extension?: Record<string, unknown>[];
}

/** US Core Laboratory Result Observation (or Vital Signs: same shape, other category) for one row. */
export function labObservation(row: LabResultRow, panel: LabPanel, options: LabObservationOptions): FhirResource {
  const flag = row.flag ? FLAG_CODES[row.flag] : undefined;
  const loinc = row.loinc?.trim();
  const effective = fhirDateTime(options.date ?? row.date ?? panel.panel.collected ?? options.fallbackDate);
  const own = text(row.notes);
  const notes = options.notes ?? (own ? [{ text: own }] : []);
  const value = observationValue(row, options.nonUcumUnit);
  const range = referenceRange(row, options.nonUcumUnit);
  // A row dated on its own with its panel's date says so; otherwise a reader cannot tell it from an undated row.
  const extension = [
    ...(options.extension ?? []),
    ...(row.date && row.date === panel.panel.collected ? [{ url: ROW_DATE_EXTENSION, valueBoolean: true }] : []),
  ];
  return {
    resourceType: 'Observation',
    ...(extension.length ? { extension } : {}),
    status: /prelim/i.test(panel.panel.status ?? '') ? 'preliminary' : 'final',
    category: categoryOf(options.category),
    code: {
      ...(loinc && /^[0-9]{1,8}-[0-9]$/.test(loinc) ? { coding: [{ system: LOINC, code: loinc }] } : {}),
      text: text(row.test) ?? 'Unnamed result',
    },
    ...(options.subject ? { subject: options.subject } : {}),
    ...(effective ? { effectiveDateTime: effective } : {}),
    ...value,
    // US Core: a result without a value says why.
    ...(Object.keys(value).length === 0
      ? {
          dataAbsentReason: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown' }],
          },
        }
      : {}),
    // 'critical' shares the code AA; its text tells it apart so our own import reads it back as written.
    ...(flag
      ? {
          interpretation: [
            {
              coding: [{ system: INTERPRETATION, ...flag }],
              text: row.flag === 'critical' ? 'Critical' : flag.display,
            },
          ],
        }
      : {}),
    ...(range ? { referenceRange: range } : {}),
    ...(notes.length ? { note: notes } : {}),
  };
}

/** US Core DiagnosticReport for Laboratory Results (category LAB) grouping the panel's Observations. */
export function labReport(
  panel: LabPanel,
  title: string,
  fallbackDate: string | undefined,
  subject: Reference | undefined,
  results: Reference[],
): FhirResource {
  const effective = fhirDateTime(panel.panel.collected ?? fallbackDate);
  const issued = fhirDateTime(panel.panel.resulted);
  const performer = text(panel.panel.performingLab);
  return {
    resourceType: 'DiagnosticReport',
    status: /prelim/i.test(panel.panel.status ?? '') ? 'preliminary' : 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB', display: 'Laboratory' }] },
    ],
    code: { text: text(panel.panel.name) ?? text(title) ?? 'Lab results' },
    ...(subject ? { subject } : {}),
    ...(effective ? { effectiveDateTime: effective } : {}),
    // `issued` is an instant: a full date-time only.
    ...(issued && issued.includes('T') ? { issued } : {}),
    ...(performer ? { performer: [{ display: performer }] } : {}),
    ...(results.length > 0 ? { result: results } : {}),
  };
}
