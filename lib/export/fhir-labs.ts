import type { AbnormalFlag, CaseRecord, LabPanel, LabResultRow } from '../core/model';
import { fhirDateTime, text, type FhirResource, type Reference } from './fhir-types';

const UCUM = 'http://unitsofmeasure.org';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

/** Units as portals print them -> UCUM. Only units we are sure of; anything else stays text. */
const KNOWN_UNITS: Record<string, string> = {
  'x10^3/ul': '10*3/uL',
  'x10e3/ul': '10*3/uL',
  '10^3/ul': '10*3/uL',
  '10*3/ul': '10*3/uL',
  'k/ul': '10*3/uL',
  'thou/ul': '10*3/uL',
  'x10^9/l': '10*9/L',
  '10^9/l': '10*9/L',
  '10*9/l': '10*9/L',
  'x10^6/ul': '10*6/uL',
  'x10e6/ul': '10*6/uL',
  '10^6/ul': '10*6/uL',
  '10*6/ul': '10*6/uL',
  'm/ul': '10*6/uL',
  'mill/ul': '10*6/uL',
  'x10^12/l': '10*12/L',
  '10^12/l': '10*12/L',
  'meq/l': 'meq/L',
  'iu/l': '[IU]/L',
  'miu/l': 'm[IU]/L',
  'uiu/ml': 'u[IU]/mL',
  'miu/ml': 'm[IU]/mL',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73 m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m^2': 'mL/min/{1.73_m2}',
  'mm/hr': 'mm/h',
  sec: 's',
  seconds: 's',
  min: 'min',
  'cells/ul': '/uL',
  '/hpf': '/[HPF]',
  '/lpf': '/[LPF]',
  ratio: '{ratio}',
  index: '{index}',
  'copies/ml': '{copies}/mL',
  '%': '%',
};
const PREFIX = '(?:k|d|c|m|u|n|p|f)?';
const ATOM = `${PREFIX}(?:g|L|l|mol|eq|U|kat)`;
/** Simple metric units such as mg/dL, umol/L, ng/mL, fL, pg, U/L. */
const SIMPLE_UNIT = new RegExp(`^${ATOM}(?:/${ATOM})?$`);

/** UCUM code for a printed unit, or undefined when it does not parse with confidence. */
export function ucumUnit(unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  const cleaned = unit
    .trim()
    .replace(/[µμ]/g, 'u')
    .replace(/^mcg/, 'ug')
    .replace(/\/mcl$/i, '/uL');
  const known = KNOWN_UNITS[cleaned.toLowerCase()];
  if (known) return known;
  if (!SIMPLE_UNIT.test(cleaned)) return undefined;
  // Litre is `L` in UCUM; portals also print `l` (`mmol/l`, `dl`).
  return cleaned
    .split('/')
    .map((part) => (/^(?:k|d|c|m|u|n|p|f)?l$/.test(part) ? `${part.slice(0, -1)}L` : part))
    .join('/');
}

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
