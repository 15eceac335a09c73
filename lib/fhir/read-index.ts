import { itemKeys, shortReference, type FhirItem } from './read-model';
import { clinicalDate, type Json } from './read-values';

/** A lab report's result reference: the report (by its place among all resources) and the row's place in it. */
export interface Claim {
  report: number;
  slot: number;
  panelDate?: string;
}

/** Resources that others are read with, kept whole (they are few and small): a medication's name, a specimen's type. */
const TARGET_TYPES = new Set(['Medication', 'Specimen']);

/**
 * What a first pass over the files learns so that the second can read each resource the moment it
 * arrives, whatever the order: which Observations lab reports list (by reference, not the resources),
 * and the few resources others point at. Small next to the files: no resource is kept but targets.
 */
export class ReferenceIndex {
  /** Resources noted so far (in every file, in order). */
  count = 0;
  private readonly claims = new Map<string, Claim[]>();
  private readonly targets = new Map<string, Json>();

  note(item: FhirItem): void {
    const r = item.resource;
    const report = this.count++;
    if (TARGET_TYPES.has(String(r.resourceType))) for (const key of itemKeys(item)) this.targets.set(key, r);
    if (r.resourceType !== 'DiagnosticReport' || !Array.isArray(r.result)) return;
    const panelDate = clinicalDate(r.effectiveDateTime) ?? clinicalDate(r.effectivePeriod?.start);
    (r.result as Json[]).forEach((ref, slot) => {
      if (typeof ref?.reference !== 'string') return;
      const claim: Claim = { report, slot, ...(panelDate ? { panelDate } : {}) };
      for (const key of new Set([ref.reference, shortReference(ref.reference)])) this.claim(key, claim);
    });
  }

  private claim(key: string, claim: Claim): void {
    const list = this.claims.get(key);
    if (list) list.push(claim);
    else this.claims.set(key, [claim]);
  }

  /** Takes in the index of the next file (checked whole), its resources counted after ours. */
  merge(next: ReferenceIndex): void {
    const offset = this.count;
    for (const [key, claims] of next.claims)
      for (const claim of claims) this.claim(key, { ...claim, report: claim.report + offset });
    for (const [key, target] of next.targets) this.targets.set(key, target);
    this.count += next.count;
  }

  /** The lab-report rows this Observation fills (none when no report lists it). */
  claimsOf(item: FhirItem): Claim[] {
    const found: Claim[] = [];
    for (const key of itemKeys(item))
      for (const claim of this.claims.get(key) ?? [])
        if (!found.some((c) => c.report === claim.report && c.slot === claim.slot)) found.push(claim);
    return found;
  }

  /** A contained resource (`#id`) or a Medication / Specimen anywhere in the files. */
  resolve(from: FhirItem, reference: unknown): Json | undefined {
    if (typeof reference !== 'string') return undefined;
    if (reference.startsWith('#'))
      return ((from.resource.contained as Json[] | undefined) ?? []).find((c) => `#${c.id}` === reference);
    return this.targets.get(reference) ?? this.targets.get(shortReference(reference));
  }
}
