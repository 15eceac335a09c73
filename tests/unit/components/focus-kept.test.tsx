// Controls that disappear under keyboard focus (Export swapped for Cancel, the preview's Save, the guide's
// button) must hand focus to what replaces them, or a keyboard user is thrown back to the top of the panel.
import { describe, expect, it, vi } from 'vitest';
import { ClipPanel } from '../../../components/ClipPanel';
import { ExportPanel, type ExportState } from '../../../components/ExportPanel';
import type { RecordSummary } from '../../../lib/core/messaging';
import { mount, rerender } from './render';

const exportPanel = (state: ExportState) => (
  <ExportPanel state={state} disabled={false} onExport={vi.fn()} onCancel={vi.fn()} />
);
const focused = () => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName;

describe('focus stays with the keyboard user', () => {
  it('Export hands focus to Cancel while running, and Cancel back to Export when done', () => {
    const host = mount(exportPanel({ phase: 'idle' }));
    host.querySelector<HTMLButtonElement>('[data-testid="export"]')!.focus();
    rerender(exportPanel({ phase: 'running', done: 0, total: 5 }));
    expect(focused()).toBe('export-cancel');
    rerender(exportPanel({ phase: 'done', fileName: 'SecondLook_case.zip' }));
    expect(focused()).toBe('export');
  });

  it('does not take focus the user put elsewhere', () => {
    const outside = document.createElement('input');
    document.body.append(outside);
    mount(exportPanel({ phase: 'idle' }));
    outside.focus();
    rerender(exportPanel({ phase: 'running', done: 0, total: 5 }));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('a clip preview takes focus on its heading, and Clip gets it back when the preview closes', () => {
    const record: RecordSummary = {
      title: 'CBC',
      kind: 'lab',
      attachments: [],
      failed: [],
    } as unknown as RecordSummary;
    const panel = (preview: RecordSummary[] | null, busy = false) => (
      <ClipPanel
        tabOrigin="https://portal.example"
        busy={busy}
        status={undefined}
        disabled={false}
        onClip={vi.fn()}
        preview={preview}
        onSavePreview={vi.fn()}
        onCancelPreview={vi.fn()}
      />
    );
    const host = mount(panel(null));
    host.querySelector<HTMLButtonElement>('[data-testid="clip-page"]')!.focus();
    rerender(panel(null, true));
    rerender(panel([record, record]));
    expect(document.activeElement?.tagName).toBe('H3');
    host.querySelector<HTMLButtonElement>('[data-testid="preview-save"]')!.focus();
    rerender(panel(null));
    expect(focused()).toBe('clip-page');
  });
});
