import type { FhirResource } from './resource';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The words a clinician reads for a CodeableConcept: its text, else the first coding's display or code. */
export function conceptText(value: unknown): string {
  const cc = value as Json | undefined;
  if (!cc) return '';
  if (typeof cc.text === 'string' && cc.text.trim()) return cc.text.trim();
  const coding = (cc.coding as Json[] | undefined)?.find((c) => c.display || c.code);
  return coding ? String(coding.display ?? coding.code) : '';
}

const quantityText = (q: Json | undefined) =>
  q ? `${q.comparator ?? ''}${q.value ?? ''}${q.unit || q.code ? ` ${q.unit ?? q.code}` : ''}`.trim() : '';

/** An Observation's value as printed, without its unit (the table has a unit column). */
export function observationValue(o: Json): { value: string; unit: string } {
  if (o.valueQuantity)
    return {
      value: `${o.valueQuantity.comparator ?? ''}${o.valueQuantity.value ?? ''}`,
      unit: String(o.valueQuantity.unit ?? o.valueQuantity.code ?? ''),
    };
  if (typeof o.valueString === 'string') return { value: o.valueString, unit: '' };
  if (o.valueCodeableConcept) return { value: conceptText(o.valueCodeableConcept), unit: '' };
  if (typeof o.valueBoolean === 'boolean') return { value: o.valueBoolean ? 'yes' : 'no', unit: '' };
  if (typeof o.valueInteger === 'number') return { value: String(o.valueInteger), unit: '' };
  if (o.valueRatio)
    return { value: `${quantityText(o.valueRatio.numerator)} / ${quantityText(o.valueRatio.denominator)}`, unit: '' };
  if (typeof o.valueDateTime === 'string') return { value: o.valueDateTime, unit: '' };
  if (typeof o.valueTime === 'string') return { value: o.valueTime, unit: '' };
  if (o.valuePeriod) return { value: `${o.valuePeriod.start ?? ''} to ${o.valuePeriod.end ?? ''}`, unit: '' };
  const components = (o.component as Json[] | undefined) ?? [];
  if (components.length)
    return {
      value: components
        .map((c) => `${conceptText(c.code)} ${observationValue(c).value} ${observationValue(c).unit}`.trim())
        .join('; '),
      unit: '',
    };
  if (o.dataAbsentReason) return { value: `no value (${conceptText(o.dataAbsentReason)})`, unit: '' };
  return { value: '', unit: '' };
}

export function rangeText(o: Json): string {
  const range = (o.referenceRange as Json[] | undefined)?.[0];
  if (!range) return '';
  if (typeof range.text === 'string') return range.text;
  const low = range.low?.value;
  const high = range.high?.value;
  if (low !== undefined && high !== undefined) return `${low}-${high}`;
  if (low !== undefined) return `>= ${low}`;
  if (high !== undefined) return `<= ${high}`;
  return '';
}

export const flagText = (o: Json): string =>
  ((o.interpretation as Json[] | undefined) ?? []).map((i) => conceptText(i)).join(', ');

/** The clinical date of a resource, as FHIR gives it. */
export function resourceDate(r: FhirResource): string {
  const j = r as Json;
  return String(
    j.effectiveDateTime ??
      j.effectivePeriod?.start ??
      j.onsetDateTime ??
      j.occurrenceDateTime ??
      j.performedDateTime ??
      j.performedPeriod?.start ??
      j.period?.start ??
      j.started ??
      j.recordedDate ??
      j.authoredOn ??
      j.date ??
      j.issued ??
      '',
  );
}

/** Newest first; undated last, in their original order. */
export const newestFirst = <T extends FhirResource>(items: T[]): T[] =>
  items
    .map((r, i) => ({ r, i, d: resourceDate(r) }))
    .sort((a, b) => (a.d && b.d ? b.d.localeCompare(a.d) : a.d ? -1 : b.d ? 1 : 0) || a.i - b.i)
    .map((x) => x.r);

export const day = (date: string) => (date ? date.slice(0, 10) : 'undated');
