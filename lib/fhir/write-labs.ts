import type { AbnormalFlag, LabPanel, LabResultRow } from '../core/model';
import { fhirDateTime, text, type FhirResource, type Reference } from './resource';
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

/** A Quantity with its UCUM code when the printed unit parses; otherwise the printed unit alone (no code). */
const quantity = (value: number, unit: string | undefined) => {
  const code = ucumUnit(unit);
  if (code) return { value, unit: unit!.trim(), system: UCUM, code };
  return text(unit) ? { value, unit: text(unit) } : { value };
};

function observationValue(row: LabResultRow): Record<string, unknown> {
  if (row.numericValue !== undefined && Number.isFinite(row.numericValue)) {
    return {
      valueQuantity: {
        ...(row.comparator ? { comparator: row.comparator } : {}),
        ...quantity(row.numericValue, row.unit),
      },
    };
  }
  // A value we cannot code keeps its printed form; the unit goes with it so nothing is lost.
  const printed = text([row.value, row.unit].filter(Boolean).join(' '));
  return printed ? { valueString: printed } : {};
}

function referenceRange(row: LabResultRow): Record<string, unknown>[] | undefined {
  const range: Record<string, unknown> = {};
  if (row.low !== undefined) range.low = quantity(row.low, row.unit);
  if (row.high !== undefined) range.high = quantity(row.high, row.unit);
  const printed = text(row.referenceRange);
  if (printed) range.text = printed;
  return Object.keys(range).length > 0 ? [range] : undefined;
}

export const categoryOf = (code: 'laboratory' | 'vital-signs' | 'social-history' | 'exam') => [
  { coding: [{ system: OBSERVATION_CATEGORY, code }] },
];

/** US Core Laboratory Result Observation (or Vital Signs: same shape, other category) for one row. */
export function labObservation(
  row: LabResultRow,
  panel: LabPanel,
  fallbackDate: string | undefined,
  subject: Reference,
  category: 'laboratory' | 'vital-signs',
): FhirResource {
  const flag = row.flag ? FLAG_CODES[row.flag] : undefined;
  const loinc = row.loinc?.trim();
  const effective = fhirDateTime(row.date ?? panel.panel.collected ?? fallbackDate);
  const notes = text(row.notes);
  const value = observationValue(row);
  return {
    resourceType: 'Observation',
    status: /prelim/i.test(panel.panel.status ?? '') ? 'preliminary' : 'final',
    category: categoryOf(category),
    code: {
      ...(loinc && /^[0-9]{1,8}-[0-9]$/.test(loinc) ? { coding: [{ system: LOINC, code: loinc }] } : {}),
      text: text(row.test) ?? 'Unnamed result',
    },
    subject,
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
    ...(referenceRange(row) ? { referenceRange: referenceRange(row) } : {}),
    ...(notes ? { note: [{ text: notes }] } : {}),
  };
}

/** US Core DiagnosticReport for Laboratory Results grouping the panel's Observations. */
export function labReport(
  panel: LabPanel,
  title: string,
  fallbackDate: string | undefined,
  subject: Reference,
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
    subject,
    ...(effective ? { effectiveDateTime: effective } : {}),
    // `issued` is an instant: a full date-time only.
    ...(issued && issued.includes('T') ? { issued } : {}),
    ...(performer ? { performer: [{ display: performer }] } : {}),
    ...(results.length > 0 ? { result: results } : {}),
  };
}
