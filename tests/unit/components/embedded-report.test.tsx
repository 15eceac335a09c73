import { describe, expect, it } from 'vitest';
import { ClipPanel } from '../../../components/ClipPanel';
import { ClipPreview } from '../../../components/ClipPreview';
import { RecordList } from '../../../components/RecordList';
import { caseRecord } from '../fixtures/records';
import { mount } from './render';

describe('embedded documents and title-only records in the panel', () => {
  it('counts the embedded documents not copied, names each with its reason, and names title-only records', () => {
    const status = {
      at: 1,
      result: {
        ok: true as const,
        data: {
          caseId: 'c',
          added: ['r'],
          duplicates: [],
          titles: ['Pathology Report'],
          warnings: [],
          attachmentsSaved: 0,
          attachmentProblems: [
            { name: 'report.pdf', reason: 'cross-origin' as const, embedded: true },
            { name: 'scan.pdf', reason: 'too-large' as const, embedded: true },
            { name: 'linked.pdf', reason: 'too-large' as const },
          ],
          titleOnly: ['Pathology Report'],
        },
      },
    };
    const host = mount(
      <ClipPanel
        tabOrigin="https://portal.example"
        busy={false}
        status={status}
        disabled={false}
        onClip={() => undefined}
      />,
    );
    const text = host.querySelector('[data-testid="clip-status"]')!.textContent;
    expect(host.querySelector('[data-testid="embedded-not-copied"]')!.textContent).toBe(
      '2 embedded documents could not be copied: open each one and save it, then add the files (Add files).',
    );
    expect(text).toContain('Embedded document “report.pdf” was not copied: it is shown from another site');
    expect(text).toContain('Embedded document “scan.pdf” was not copied: it is over 100 MB');
    // A linked file keeps its own wording and limit.
    expect(text).toContain('“linked.pdf” was not kept: it is too large (over 512 MB');
    expect(host.querySelector('[data-testid="title-only"]')!.textContent).toMatch(
      /^“Pathology Report”: only the title was captured\./,
    );
  });

  it('says "1 embedded document" in the singular, and flags a title-only record before saving', () => {
    const host = mount(
      <ClipPreview
        records={[
          {
            title: 'Pathology Report',
            kind: 'pathology',
            attachments: [],
            failed: [{ name: 'report.pdf', reason: 'timed-out', embedded: true }],
            titleOnly: true,
          },
        ]}
        onSave={() => undefined}
        onCancel={() => undefined}
      />,
    );
    expect(host.textContent).toContain('Embedded document “report.pdf” was not copied: it did not finish loading');
    expect(host.querySelector('[data-testid="preview-title-only"]')).not.toBeNull();
  });

  it('flags title-only records in the record list', () => {
    const bare = caseRecord({ id: 'a', kind: 'pathology', title: 'Biopsy' });
    const full = caseRecord({ id: 'b', kind: 'pathology', title: 'Cytology' });
    const host = mount(<RecordList records={[bare, full]} onOpen={() => undefined} titleOnly={new Set(['a'])} />);
    const flags = [...host.querySelectorAll('[data-testid="record-title-only"]')];
    expect(flags).toHaveLength(1);
    expect(flags[0]!.closest('li')!.textContent).toContain('Biopsy');
    expect(flags[0]!.textContent).toContain('only the title was captured');
  });
});
