import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ClipPanel } from '../../../components/ClipPanel';
import { ClipPreview } from '../../../components/ClipPreview';
import { RecordDetail } from '../../../components/RecordDetail';
import type { RecordSummary } from '../../../lib/core/messaging';
import { mount } from './render';

const found: RecordSummary[] = [
  {
    title: 'Lipid Panel',
    kind: 'lab',
    clinicalDate: '2026-09-15T07:50:00-05:00',
    rows: 2,
    attachments: [{ name: 'lipid.pdf', mediaType: 'application/pdf', size: 1536 }],
    failed: [],
  },
  {
    title: 'Urinalysis',
    kind: 'lab',
    rows: 1,
    attachments: [],
    failed: [{ name: 'session-expired.pdf', reason: 'login-page' }],
  },
  { title: 'Hemoglobin A1c', kind: 'lab', rows: 1, attachments: [], failed: [] },
];

describe('ClipPreview', () => {
  it('shows what was found, all ticked, and saves only the ticked records', () => {
    const onSave = vi.fn();
    const host = mount(<ClipPreview records={found} onSave={onSave} onCancel={() => undefined} />);
    expect(host.textContent).toContain('Found 3 records on this page');
    expect(host.textContent).toContain('2026-09-15 · 2 rows');
    expect(host.textContent).toContain('Attachments: lipid.pdf (1.5 KB)');
    expect(host.textContent).toContain('“session-expired.pdf” was not kept: the portal answered with its sign-in page');
    const boxes = [...host.querySelectorAll<HTMLInputElement>('[data-testid="preview-item"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true]);
    act(() => boxes[1]!.click());
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="preview-save"]')!.click());
    expect(onSave).toHaveBeenCalledWith([0, 2]);
  });

  it('cannot save an empty choice', () => {
    const host = mount(<ClipPreview records={found.slice(0, 1)} onSave={() => undefined} onCancel={() => undefined} />);
    act(() => host.querySelector<HTMLInputElement>('[data-testid="preview-item"]')!.click());
    expect(host.querySelector<HTMLButtonElement>('[data-testid="preview-save"]')!.disabled).toBe(true);
  });
});

describe('ClipPanel progress and problems', () => {
  it('says where a clip is, and what was not kept and why', () => {
    const status = {
      at: 1,
      result: {
        ok: true as const,
        data: {
          caseId: 'c',
          added: ['r'],
          duplicates: [],
          titles: ['Lipid Panel'],
          warnings: ['frames-unreadable:2', 'content-not-loaded', 'values-kept-as-text:12'],
          attachmentsSaved: 1,
          attachmentProblems: [{ name: 'scan.pdf', reason: 'too-large' as const }],
        },
      },
    };
    const host = mount(
      <ClipPanel
        tabOrigin="https://portal.example.org"
        busy
        status={status}
        disabled={false}
        onClip={() => undefined}
        progress={{ phase: 'transferring', done: 3 * 1024 * 1024, total: 200 * 1024 * 1024 }}
      />,
    );
    expect(host.querySelector('[data-testid="clip-progress"]')?.textContent).toBe(
      'Copying attachments… 3.0 of 200.0 MB',
    );
    const text = host.querySelector('[data-testid="clip-status"]')?.textContent ?? '';
    expect(text).toContain('Attachments kept: 1');
    expect(text).toContain('“scan.pdf” was not kept: it is too large (over 512 MB');
    expect(text).toContain('a frame Second Look cannot read (2)');
    expect(text).toContain('“Show more”');
    expect(text).toContain('12 values on this page were kept as text only.');
  });
});

describe('RecordDetail attachments', () => {
  it('lists files with name, type and size, and offers a download', async () => {
    const { capturedRecord } = await import('../factories');
    const record = {
      ...capturedRecord(),
      id: 'r1',
      caseId: 'c',
      capturedAt: '2026-11-25T07:00:00.000Z',
      updatedAt: '2026-11-25T07:00:00.000Z',
      contentHash: 'a'.repeat(64),
      note: '',
    };
    const onDownload = vi.fn();
    const host = mount(
      <RecordDetail
        record={record}
        onBack={() => undefined}
        onSave={() => undefined}
        onDelete={() => undefined}
        attachments={[{ id: 'a1', name: 'lipid.pdf', mediaType: 'application/pdf', size: 2_500_000 }]}
        onDownloadAttachment={onDownload}
      />,
    );
    expect(host.querySelector('[data-testid="record-attachment"]')?.textContent).toContain(
      'lipid.pdf application/pdf · 2.4 MB',
    );
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="attachment-download"]')!.click());
    expect(onDownload).toHaveBeenCalledWith('a1');
  });
});
