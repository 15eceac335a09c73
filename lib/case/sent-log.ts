import type { CaseDb } from '../core/db';
import type { CaseId } from '../core/model';
import { newId, nowIso } from '../core/ids';
import { SENT_LOG_FORMAT, SentPackage, type SentLogFile } from '../core/sent-package';

export type SentPackageInput = Omit<SentPackage, 'id' | 'caseId' | 'confirmedAt'>;

/** Records one export in the case's log. */
export async function logSentPackage(db: CaseDb, caseId: CaseId, sent: SentPackageInput): Promise<SentPackage> {
  const entry = SentPackage.parse({ ...sent, recipient: sent.recipient.trim(), id: newId(), caseId });
  await db.transaction('rw', db.cases, db.sentPackages, async () => {
    if (!(await db.cases.get(caseId))) throw new Error('case-not-found');
    await db.sentPackages.add(entry);
  });
  return entry;
}

/** The case's exports, oldest first. */
export async function listSentPackages(db: CaseDb, caseId: CaseId): Promise<SentPackage[]> {
  const rows = await db.sentPackages.where('caseId').equals(caseId).toArray();
  // A copy: live-query results are frozen.
  return [...rows].sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
}

/** The patient says the records arrived (or takes that back with `confirmed` false). */
export async function confirmArrival(db: CaseDb, id: string, confirmed = true, now = nowIso()): Promise<void> {
  const changed = await db.sentPackages.update(id, { confirmedAt: confirmed ? now : undefined });
  if (changed === 0) throw new Error('sent-package-not-found');
}

/** Exports not yet confirmed as arrived: what the "did the records arrive?" reminder asks about. */
export const awaitingConfirmation = (log: readonly SentPackage[]): SentPackage[] => log.filter((p) => !p.confirmedAt);

/** data/sent-log.json of a package: the log without case ids. */
export function sentLogFile(log: readonly SentPackage[]): SentLogFile {
  return {
    format: SENT_LOG_FORMAT,
    packages: log.map(({ caseId: _case, ...rest }) => rest),
  };
}

/**
 * The log an imported package carries, as rows of the new case (new ids: the same package may be
 * imported twice). Entries that do not parse are dropped and counted, never half-kept.
 */
export function sentLogFromFile(value: unknown, caseId: CaseId): { rows: SentPackage[]; dropped: number } {
  const file = value as { format?: unknown; packages?: unknown } | null;
  if (typeof file !== 'object' || file === null || file.format !== SENT_LOG_FORMAT || !Array.isArray(file.packages))
    return { rows: [], dropped: Array.isArray(file?.packages) ? file.packages.length : 1 };
  const rows: SentPackage[] = [];
  let dropped = 0;
  for (const entry of file.packages.slice(0, 10_000)) {
    const parsed = SentPackage.safeParse({ ...(entry as object), id: newId(), caseId });
    if (parsed.success) rows.push(parsed.data);
    else dropped++;
  }
  return { rows, dropped: dropped + Math.max(0, file.packages.length - 10_000) };
}
