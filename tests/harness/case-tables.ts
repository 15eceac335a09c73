// Reading a Second Look database table by table and comparing two of them field by field: the
// lossless round-trip tests (unit, with fake-indexeddb, and e2e, in real Chromium) share this.

/** The tables that hold a case. (`meta` holds the database's own creation marker, not case data.) */
export const CASE_TABLES = ['cases', 'records', 'attachments', 'caseDetails', 'questions', 'opinions'] as const;
export type CaseTables = Record<(typeof CASE_TABLES)[number], Row[]>;
export type Row = Record<string, unknown>;

/**
 * Rows with their ids replaced by what they stand for, so two databases compare field by field. Only
 * ids may differ: an import makes new ids (the same package may be imported twice, into a profile that
 * may hold the original case). Every other field, times included, must be equal.
 */
export function comparableTables(tables: CaseTables) {
  const recordKey = new Map(tables.records.map((r) => [r.id as string, `record:${r.contentHash as string}`]));
  const byKey = (rows: Row[], key: (r: Row) => string) =>
    Object.fromEntries(rows.map((r) => [key(r), r]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  const strip = ({ id: _id, caseId: _caseId, ...rest }: Row) => rest;
  return {
    cases: tables.cases.map(strip),
    records: byKey(tables.records.map(strip), (r) => r.contentHash as string),
    attachments: byKey(
      tables.attachments.map(({ recordId, ...r }) => ({ ...strip(r), record: recordKey.get(recordId as string) })),
      (r) => `${r.record as string}/${r.name as string}/${r.sha256 as string}`,
    ),
    caseDetails: tables.caseDetails.map(strip),
    questions: byKey(
      tables.questions.map((q) => ({
        ...strip(q),
        linkedRecordIds: (q.linkedRecordIds as string[]).map((id) => recordKey.get(id) ?? `missing ${id}`),
      })),
      (q) => q.text as string,
    ),
    opinions: byKey(tables.opinions.map(strip), (o) => `${o.clinician as string}/${o.createdAt as string}`),
  };
}

/**
 * Every row of the case tables, read with the plain IndexedDB API from an extension page of the
 * extension (same origin as its database). Blobs come back as their size and SHA-256.
 */
export function dumpDatabase(page: {
  evaluate: <A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A) => Promise<T>;
}): Promise<CaseTables> {
  return page.evaluate(
    (names: readonly string[]) =>
      new Promise<CaseTables>((resolve, reject) => {
        const open = indexedDB.open('second-look');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...names], 'readonly');
          const raw: Record<string, Row[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (raw[name] = request.result as Row[]);
          }
          tx.onerror = () => reject(tx.error);
          tx.oncomplete = () => {
            db.close();
            const hex = (buffer: ArrayBuffer) =>
              Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
            const readRow = async (row: Row) =>
              Object.fromEntries(
                await Promise.all(
                  Object.entries(row).map(async ([k, v]) => [
                    k,
                    v instanceof Blob
                      ? {
                          blobSize: v.size,
                          blobSha256: hex(await crypto.subtle.digest('SHA-256', await v.arrayBuffer())),
                        }
                      : v,
                  ]),
                ),
              );
            void Promise.all(
              names.map(async (name) => [name, await Promise.all(raw[name]!.map(readRow))] as const),
            ).then((entries) => resolve(Object.fromEntries(entries) as CaseTables), reject);
          };
        };
      }),
    CASE_TABLES,
  );
}
