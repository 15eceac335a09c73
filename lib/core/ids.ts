/** Random ids: no ordering or meaning, so ids leak nothing about the patient or the time. */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(now: () => Date = () => new Date()): string {
  return now().toISOString();
}
