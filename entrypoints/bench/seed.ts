// Seeding for the benchmark page: a synthetic case of any size (synthetic data only).
import type { CaseDb } from '../../lib/core/db';
import { recordHead } from '../../lib/core/record-head';
import { sha256Hex } from '../../lib/core/hash';
import { computeSummary } from '../../lib/core/case-summary';
import type { Case, CaseRecord } from '../../lib/core/model';
import type { Question } from '../../lib/core/workspace-model';

const iso = (ms: number) => new Date(ms).toISOString();

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(i + 65536, size)));
  return out;
}

function labRecord(caseId: string, i: number, at: string): CaseRecord {
  const rows = Array.from({ length: 8 }, (_, r) => ({
    test: `Test ${r}`,
    value: `${(i * 7 + r) % 200}`,
    unit: 'mg/dL',
  }));
  const html = `<h1>Result ${i}</h1><table>${rows.map((r) => `<tr><td>${r.test}</td><td>${r.value} ${r.unit}</td></tr>`).join('')}</table>`;
  return {
    id: `bench-rec-${i}`,
    caseId,
    kind: i % 5 === 0 ? 'imaging' : i % 7 === 0 ? 'note' : 'lab',
    title: `Synthetic result ${i}`,
    clinicalDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    provenance: { portal: 'mychart', origin: 'http://127.0.0.1', path: `/bench/${i}`, pageTitle: `Result ${i}` },
    snapshotHtml: html,
    text: rows.map((r) => `${r.test} ${r.value} ${r.unit}`).join('\n'),
    structured: { type: 'lab', panel: { name: `Panel ${i}` }, results: rows },
    capturedAt: at,
    updatedAt: at,
    contentHash: '', // filled below
    note: '',
  };
}

/** A case of `records` records and `attachmentMb` MB of random (incompressible) fake PDFs and JPEGs. */
export async function seedCase(
  db: CaseDb,
  opts: {
    records: number;
    attachmentMb: number;
    questions: number;
    bigFileMb: number;
    title: string;
  },
) {
  const now = Date.now();
  const caseData: Case = {
    id: `bench-case-${now}-${crypto.randomUUID().slice(0, 8)}`,
    title: opts.title,
    createdAt: iso(now),
    updatedAt: iso(now),
  };
  await db.cases.add(caseData);
  const records: CaseRecord[] = [];
  for (let i = 0; i < opts.records; i++) {
    const r = labRecord(caseData.id, i, iso(now));
    r.id = `${caseData.id}-rec-${i}`;
    r.contentHash = await sha256Hex(r.snapshotHtml);
    records.push(r);
  }
  await db.records.bulkAdd(records);
  await db.recordHeads.bulkAdd(records.map(recordHead));
  // One big file, the rest ~1 MB each, spread over the records.
  const MB = 1024 * 1024;
  const sizes: number[] = [];
  let left = opts.attachmentMb * MB;
  if (opts.bigFileMb > 0) {
    sizes.push(opts.bigFileMb * MB);
    left -= opts.bigFileMb * MB;
  }
  while (left > 0) {
    const size = Math.min(left, MB + ((sizes.length * 7919) % 65536));
    sizes.push(size);
    left -= size;
  }
  let largest = 0;
  for (let i = 0; i < sizes.length; i++) {
    const bytes = randomBytes(sizes[i]!);
    largest = Math.max(largest, bytes.byteLength);
    const pdf = i % 2 === 0;
    await db.attachments.add({
      id: `${caseData.id}-att-${i}`,
      caseId: caseData.id,
      recordId: records[(i * 13) % records.length]!.id,
      name: pdf ? `report-${i}.pdf` : `image-${i}.jpg`,
      mediaType: pdf ? 'application/pdf' : 'image/jpeg',
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes),
      blob: new Blob([bytes], { type: pdf ? 'application/pdf' : 'image/jpeg' }),
    });
  }
  const questions: Question[] = Array.from({ length: opts.questions }, (_, i) => ({
    id: `${caseData.id}-q-${i}`,
    caseId: caseData.id,
    family: (['diagnosis', 'treatment', 'experience', 'next-steps'] as const)[i % 4]!,
    text: `Question ${i}: is the result of test ${i} a concern given the history?`,
    priority: i,
    linkedRecordIds: [records[i % records.length]!.id],
    answered: false,
    answer: '',
    createdAt: iso(now),
    updatedAt: iso(now),
  }));
  if (questions.length) await db.questions.bulkAdd(questions);
  // The rows were written raw (faster for a big case); its summary is computed from them, as the upgrade does.
  await db.caseSummaries.put(
    computeSummary(caseData.id, {
      records,
      attachments: await db.attachments.where('caseId').equals(caseData.id).toArray(),
      questions,
      opinions: [],
    }),
  );
  const kinds: Record<string, number> = {};
  for (const r of records) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
  return {
    caseId: caseData.id,
    kinds,
    attachments: sizes.length,
    attachmentBytes: sizes.reduce((a, b) => a + b, 0),
    largest,
  };
}

/** The product's export pipeline (lib/export: packageEntries -> writeZip), attachments included. */
