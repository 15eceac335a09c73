import { describe, expect, it } from 'vitest';
import { CaptureOutcome } from '../../lib/clip/clip';
import { Manifest, PACKAGE_FORMAT } from '../../lib/export/manifest';
import { ClipRequest, ClipSaveRequest, dispatch, type Handlers } from '../../lib/core/messaging';
import { CapturedRecord } from '../../lib/core/model';
import { QuestionEdit } from '../../lib/case/questions';
import { RecordEdit } from '../../lib/case/records';
import { z } from '../../lib/core/schema';
import { capturedRecord } from './factories';

// The bounds and strictness of the boundary schemas, written as zod/mini checks: each
// line here is a refusal (or a tolerance) the classic-zod schemas had, so a rewrite cannot loosen it.

const accepts = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;
const hex = 'ab'.repeat(32);
const at = '2026-11-01T10:00:00.000Z';

describe('messages from extension pages', () => {
  it('takes only whole, safe, non-negative tab ids and at most 500 uuid-tokened indexes', () => {
    expect(accepts(ClipRequest, { tabId: 0, selectionOnly: true })).toBe(true);
    for (const tabId of [1.5, -1, 2 ** 53, Number.NaN, Infinity, '4'])
      expect(accepts(ClipRequest, { tabId, selectionOnly: true }), String(tabId)).toBe(false);
    const token = crypto.randomUUID();
    expect(accepts(ClipSaveRequest, { token, indexes: Array.from({ length: 500 }, (_, i) => i) })).toBe(true);
    expect(accepts(ClipSaveRequest, { token, indexes: Array.from({ length: 501 }, (_, i) => i) })).toBe(false);
    expect(accepts(ClipSaveRequest, { token, indexes: [0.5] })).toBe(false);
    expect(accepts(ClipSaveRequest, { token: 'not-a-uuid', indexes: [] })).toBe(false);
  });

  it('ignores an envelope whose type is longer than any message name', () => {
    const handlers = {} as Handlers;
    expect(dispatch(handlers, { type: 'x'.repeat(101), payload: {} }, 'extension-page')).toBeUndefined();
  });
});

describe('what the capture script returns', () => {
  it('bounds titles and drops keys it does not know', () => {
    expect(accepts(CapturedRecord, capturedRecord({ title: 't'.repeat(1000) }))).toBe(true);
    expect(accepts(CapturedRecord, capturedRecord({ title: 't'.repeat(1001) }))).toBe(false);
    expect(accepts(CapturedRecord, capturedRecord({ title: '' }))).toBe(false);
    const parsed = CapturedRecord.parse({ ...capturedRecord(), injected: '<script>' });
    expect(parsed).not.toHaveProperty('injected');
  });

  it('needs 1 to 500 records, defaults missing attachments to none, and checks each file report', () => {
    const ok = { ok: true, records: [capturedRecord()], warnings: [] };
    expect(CaptureOutcome.parse(ok)).toMatchObject({ attachments: [] });
    expect(accepts(CaptureOutcome, { ...ok, records: [] })).toBe(false);
    expect(accepts(CaptureOutcome, { ...ok, records: Array.from({ length: 501 }, () => capturedRecord()) })).toBe(
      false,
    );
    const file = { record: 0, ok: true, transferId: 't-1', name: 'scan.pdf', mediaType: 'application/pdf', size: 10 };
    expect(accepts(CaptureOutcome, { ...ok, attachments: [{ ...file, sha256: hex }] })).toBe(true);
    for (const bad of [{ size: 0 }, { size: 1.5 }, { mediaType: 'text/html' }, { transferId: '../x' }, { name: '' }])
      expect(
        accepts(CaptureOutcome, { ...ok, attachments: [{ ...file, sha256: hex, ...bad }] }),
        JSON.stringify(bad),
      ).toBe(false);
  });
});

describe('an imported package manifest', () => {
  const manifest = {
    format: PACKAGE_FORMAT,
    generatedAt: at,
    generator: { name: 'Second Look', version: '0.1.0' },
    case: { title: 'Case', createdAt: at, updatedAt: at },
    records: [],
    questions: [{ id: 'q1', text: 'Is surgery needed?', family: 'treatment', addedBy: 'a newer version' }],
    opinions: [{ id: 'o1', clinician: 'Dr. Rivera' }],
    files: [{ path: 'data/manifest.json', size: 10, sha256: hex, mediaType: 'application/json' }],
  };

  it('keeps unknown fields of questions and opinions (newer packages), and lets priority be absent', () => {
    const parsed = Manifest.parse(manifest);
    expect(parsed.questions[0]).toMatchObject({ addedBy: 'a newer version' });
    expect(parsed.questions[0]!.priority).toBeUndefined();
    expect(parsed.opinions[0]).toEqual({ id: 'o1', clinician: 'Dr. Rivera' });
  });

  it('refuses a file size that is negative or fractional, and an empty path', () => {
    for (const bad of [{ size: -1 }, { size: 0.5 }, { path: '' }])
      expect(accepts(Manifest, { ...manifest, files: [{ ...manifest.files[0], ...bad }] }), JSON.stringify(bad)).toBe(
        false,
      );
  });
});

describe('edits from the panel', () => {
  it('change only the fields they may, within their bounds', () => {
    expect(QuestionEdit.parse({ text: 'Why?', caseId: 'other-case' })).toEqual({ text: 'Why?' });
    expect(accepts(QuestionEdit, {})).toBe(true);
    expect(accepts(QuestionEdit, { text: '' })).toBe(false);
    expect(accepts(RecordEdit, { clinicalDate: null })).toBe(true);
    expect(accepts(RecordEdit, { clinicalDate: '28/10/2026' })).toBe(false);
    expect(accepts(RecordEdit, { note: 'n'.repeat(100_001) })).toBe(false);
  });
});

it('parses without compiling code, which extension CSP forbids', () => {
  expect(z.config().jitless).toBe(true);
});
