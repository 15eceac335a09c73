import type { AbnormalFlag, CaseRecord, LabPanel, LabResultRow } from '../core/model';
import { UCUM, ucumUnit } from '../fhir';
import { fhirDateTime, text, type FhirResource, type Reference } from './fhir-types';

export { ucumUnit };
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

const FLAG_CODES: Record<AbnormalFlag, { code: string; display: string }> = {
  H: { code: 'H', display: 'High' },
  L: { code: 'L', display: 'Low' },
  HH: { code: 'HH', display: 'Critical high' },
  LL: { code: 'LL', display: 'Critical low' },
  A: { code: 'A', display: 'Abnormal' },
  AA: { code: 'AA', display: 'Critical abnormal' },
  critical: { code: 'AA', display: 'Critical abnormal' },
  N: { code: 'N', display: 'Normal' },
};

const quantity = (value: number, unit: string | undefined) => {
  const code = ucumUnit(unit);
  return code ? { value, unit: unit!.trim(), system: UCUM, code } : { value };
};

function observationValue(row: LabResultRow): Record<string, unknown> {
  const code = ucumUnit(row.unit);
  if (row.numericValue !== undefined && Number.isFinite(row.numericValue) && (code || !row.unit?.trim())) {
    return {
      valueQuantity: {
        ...(row.comparator ? { comparator: row.comparator } : {}),
        ...quantity(row.numericValue, row.unit),
      },
    };
  }
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

export function labObservation(row: LabResultRow, panel: LabPanel, record: CaseRecord): FhirResource {
  const flag = row.flag ? FLAG_CODES[row.flag] : undefined;
  const loinc = row.loinc?.trim();
  const effective = fhirDateTime(row.date ?? panel.panel.collected ?? record.clinicalDate);
  const notes = text(row.notes);
  return {
    resourceType: 'Observation',
    status: /prelim/i.test(panel.panel.status ?? '') ? 'preliminary' : 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'laboratory',
            display: 'Laboratory',
          },
        ],
      },
    ],
    code: {
      ...(loinc && /^[0-9]{1,8}-[0-9]$/.test(loinc) ? { coding: [{ system: 'http://loinc.org', code: loinc }] } : {}),
      text: text(row.test) ?? 'Unnamed result',
    },
    ...(effective ? { effectiveDateTime: effective } : {}),
    ...observationValue(row),
    ...(flag ? { interpretation: [{ coding: [{ system: INTERPRETATION, ...flag }], text: flag.display }] } : {}),
    ...(referenceRange(row) ? { referenceRange: referenceRange(row) } : {}),
    ...(notes ? { note: [{ text: notes }] } : {}),
  };
}

/** One DiagnosticReport (category LAB) grouping the panel's Observations. */
export function labReport(panel: LabPanel, record: CaseRecord, results: Reference[]): FhirResource {
  const effective = fhirDateTime(panel.panel.collected ?? record.clinicalDate);
  const performer = text(panel.panel.performingLab);
  return {
    resourceType: 'DiagnosticReport',
    status: /prelim/i.test(panel.panel.status ?? '') ? 'preliminary' : 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB', display: 'Laboratory' }] },
    ],
    code: { text: text(panel.panel.name) ?? text(record.title) ?? 'Lab results' },
    ...(effective ? { effectiveDateTime: effective } : {}),
    ...(performer ? { performer: [{ display: performer }] } : {}),
    ...(results.length > 0 ? { result: results } : {}),
  };
}
