import type { AbnormalFlag, LabPanel, LabResultRow } from '../core/model';
import { bounded, clinicalDate, codeIn, conceptText, type Json } from './read-values';
import { extensionValue, ROW_DATE_EXTENSION } from './resource';

const FLAGS: Record<string, AbnormalFlag> = {
  H: 'H',
  L: 'L',
  HH: 'HH',
  LL: 'LL',
  A: 'A',
  AA: 'AA',
  N: 'N',
  HU: 'HH',
  LU: 'LL',
};

function flagOf(o: Json): AbnormalFlag | undefined {
  const first = (o.interpretation as Json[] | undefined)?.[0];
  if (!first) return undefined;
  const code = ((first.coding as Json[] | undefined) ?? []).map((c) => String(c.code)).find((c) => c in FLAGS);
  if (code === 'AA' && first.text === 'Critical') return 'critical';
  return code ? FLAGS[code] : undefined;
}

const numberText = (q: Json | undefined) => (q && typeof q.value === 'number' ? String(q.value) : '');

/** value, numericValue, comparator and unit of an Observation (or one of its components). */
function valueOf(o: Json): Pick<LabResultRow, 'value' | 'numericValue' | 'comparator' | 'unit'> {
  const q = o.valueQuantity as Json | undefined;
  if (q && typeof q.value === 'number') {
    const comparator = ['<', '<=', '>', '>='].includes(q.comparator)
      ? (q.comparator as LabResultRow['comparator'])
      : undefined;
    const unit = bounded(q.unit, 100) ?? bounded(q.code, 100);
    return {
      value: `${comparator ?? ''}${q.value}`,
      numericValue: q.value,
      ...(comparator ? { comparator } : {}),
      ...(unit ? { unit } : {}),
    };
  }
  if (typeof o.valueInteger === 'number') return { value: String(o.valueInteger), numericValue: o.valueInteger };
  if (typeof o.valueString === 'string') return { value: o.valueString.slice(0, 2000) };
  if (o.valueCodeableConcept) return { value: conceptText(o.valueCodeableConcept).slice(0, 2000) };
  if (typeof o.valueBoolean === 'boolean') return { value: o.valueBoolean ? 'true' : 'false' };
  if (o.valueRatio) return { value: `${numberText(o.valueRatio.numerator)}:${numberText(o.valueRatio.denominator)}` };
  if (o.valueRange)
    return {
      value: `${numberText(o.valueRange.low)}-${numberText(o.valueRange.high)}`,
      ...(bounded(o.valueRange.low?.unit, 100) ? { unit: bounded(o.valueRange.low?.unit, 100) } : {}),
    };
  if (typeof o.valueDateTime === 'string') return { value: o.valueDateTime };
  if (typeof o.valueTime === 'string') return { value: o.valueTime };
  if (o.valuePeriod) return { value: `${o.valuePeriod.start ?? ''} to ${o.valuePeriod.end ?? ''}`.trim() };
  if (o.valueSampledData) return { value: String(o.valueSampledData.data ?? '').slice(0, 2000) };
  return { value: '' };
}

function rangeOf(o: Json): Pick<LabResultRow, 'referenceRange' | 'low' | 'high'> {
  const range = (o.referenceRange as Json[] | undefined)?.[0];
  if (!range) return {};
  const low = typeof range.low?.value === 'number' ? (range.low.value as number) : undefined;
  const high = typeof range.high?.value === 'number' ? (range.high.value as number) : undefined;
  const printed =
    bounded(range.text, 500) ??
    (low !== undefined && high !== undefined
      ? `${low}-${high}`
      : low !== undefined
        ? `>=${low}`
        : high !== undefined
          ? `<=${high}`
          : undefined);
  return {
    ...(printed ? { referenceRange: printed } : {}),
    ...(low !== undefined ? { low } : {}),
    ...(high !== undefined ? { high } : {}),
  };
}

/** Our own bundle marks a row dated on its own with the same date as its panel. */
export const hasOwnDate = (o: Json): boolean => !!extensionValue(o, ROW_DATE_EXTENSION);

export const observationDate = (o: Json): string | undefined =>
  clinicalDate(o.effectiveDateTime) ??
  clinicalDate(o.effectivePeriod?.start) ??
  clinicalDate(o.effectiveInstant) ??
  clinicalDate(o.issued);

/**
 * One Observation -> lab rows (read from a coded entry): its own value, and one row per component
 * (blood pressure's systolic and diastolic), each with its LOINC code where given.
 */
export function observationRows(o: Json, panelDate: string | undefined): LabResultRow[] {
  const date = observationDate(o);
  const ownDate = hasOwnDate(o);
  const notes = [
    ...(!['final', 'amended', 'corrected'].includes(String(o.status)) ? [`Status: ${String(o.status)}`] : []),
    ...((o.note as Json[] | undefined) ?? []).map((n) => String(n.text ?? '')),
    ...(o.dataAbsentReason ? [`No value: ${conceptText(o.dataAbsentReason)}`] : []),
  ].filter(Boolean);
  const row = (source: Json, name: string): LabResultRow => {
    const loinc = codeIn(source.code, 'http://loinc.org');
    const flag = flagOf(source) ?? flagOf(o);
    return {
      test: name.slice(0, 500),
      ...valueOf(source),
      ...rangeOf(source),
      ...(flag ? { flag } : {}),
      ...(date && (date !== panelDate || ownDate) ? { date } : {}),
      ...(loinc && loinc.length <= 20 ? { loinc } : {}),
      ...(notes.length ? { notes: notes.join('\n').slice(0, 20000) } : {}),
      readBy: 'coded-entry',
    };
  };
  const name = conceptText(o.code) || 'Unnamed result';
  const components = (o.component as Json[] | undefined) ?? [];
  const hasOwnValue = Object.keys(o).some((k) => k.startsWith('value'));
  const rows = components.map((c) => row(c, conceptText(c.code) || name));
  return hasOwnValue || rows.length === 0 ? [row(o, name), ...rows] : rows;
}

/** A DiagnosticReport's header as our panel. */
/** `ours`: from our own bundle, where 'final' is what we write when the record gave no status. */
export function panelOf(
  report: Json | undefined,
  fallbackName: string,
  specimen?: string,
  ours = false,
): LabPanel['panel'] {
  const collected = report
    ? (clinicalDate(report.effectiveDateTime) ?? clinicalDate(report.effectivePeriod?.start))
    : undefined;
  const resulted = report ? clinicalDate(report.issued) : undefined;
  const lab = report
    ? bounded(((report.performer as Json[] | undefined) ?? []).map((p) => p.display).find(Boolean), 500)
    : undefined;
  return {
    name: (report ? conceptText(report.code) : '') || fallbackName,
    ...(collected ? { collected } : {}),
    ...(resulted ? { resulted } : {}),
    ...(lab ? { performingLab: lab } : {}),
    ...(report && typeof report.status === 'string' && !(ours && report.status === 'final')
      ? { status: report.status }
      : {}),
    ...(specimen ? { specimen: specimen.slice(0, 500) } : {}),
  };
}

const categories = (r: Json): string[] =>
  ((r.category as Json[] | undefined) ?? []).flatMap((c) => [
    ...((c.coding as Json[] | undefined) ?? []).map((x) => String(x.code).toLowerCase()),
    String(c.text ?? '').toLowerCase(),
  ]);

/** Which of our record kinds an Observation belongs to. */
export function observationKind(o: Json): 'lab' | 'vital-signs' | 'social-history' | 'other' {
  const c = categories(o);
  if (c.includes('laboratory') || c.includes('lab')) return 'lab';
  if (c.includes('vital-signs')) return 'vital-signs';
  if (c.includes('social-history')) return 'social-history';
  return 'other';
}

export const reportCategory = (r: Json): 'lab' | 'imaging' | 'pathology' | 'note' => {
  const c = categories(r);
  if (c.includes('lab') || c.includes('laboratory')) return 'lab';
  if (
    c.some((x) =>
      ['rad', 'radiology', 'img', 'imaging', 'ct', 'mr', 'us', 'nmr', 'vus', '18748-4', 'lp29684-5'].includes(x),
    )
  )
    return 'imaging';
  if (c.some((x) => ['pat', 'path', 'pathology', 'sp', 'cp', 'lp7839-6'].includes(x))) return 'pathology';
  return 'note';
};
