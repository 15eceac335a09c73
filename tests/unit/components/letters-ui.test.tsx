// The letter controls as the patient sees them: each problem named, nothing typed touched; the text to copy
// by hand when the clipboard refuses; a request's state from drafted to overdue (with its follow-up) to received.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { LetterActions, problemKey, type LetterOutcome } from '../../../components/LetterActions';
import { RequestsView } from '../../../components/RequestsView';
import type { RecordsRequest } from '../../../lib/core/request-model';
import { blankRequest } from '../../../lib/letters/requests';
import { mount } from './render';

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('LetterActions', () => {
  it('names every problem in an alert, in the catalogue wording', async () => {
    const onLetter = vi.fn(async (): Promise<LetterOutcome> => ({
      kind: 'problems',
      problems: ['no-provider', 'range-reversed', 'no-gaps'].map(problemKey),
    }));
    const host = mount(<LetterActions testId="letter" onLetter={onLetter} />);
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="letter-pdf"]')!.click());
    await settle();
    expect(onLetter).toHaveBeenCalledWith('pdf');
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Nothing you typed is lost');
    expect(alert.textContent).toContain("Type who the letter goes to: the provider's name.");
    expect(alert.textContent).toContain('The date range ends before it starts: check the two dates.');
    expect(alert.textContent).toContain('The checklist shows no missing records, so there is nothing to ask for.');
  });

  it('shows the letter text to copy by hand when the clipboard refuses, and names a saved file', async () => {
    const outcomes: LetterOutcome[] = [
      { kind: 'copy-by-hand', text: 'Dear Medical Records Department,' },
      { kind: 'saved', fileName: 'records-request_Clinic_2026-12-06.txt' },
    ];
    const host = mount(<LetterActions testId="letter" onLetter={async () => outcomes.shift()!} />);
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="letter-copy"]')!.click());
    await settle();
    expect(host.querySelector<HTMLTextAreaElement>('[data-testid="letter-text"]')!.value).toBe(
      'Dear Medical Records Department,',
    );
    expect(host.textContent).toContain('Could not copy');
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="letter-txt"]')!.click());
    await settle();
    expect(host.querySelector('[data-testid="letter-status"]')!.textContent).toBe(
      'Saved records-request_Clinic_2026-12-06.txt',
    );
  });
});

describe('RequestsView tracking', () => {
  const request = (edit: Partial<RecordsRequest>): RecordsRequest => ({
    ...blankRequest('c', 'records', ['pathology'], 'en', '2026-10-01T10:00:00.000Z'),
    provider: { name: 'Valley General Hospital', department: '', address: '', fax: '' },
    ...edit,
  });
  const view = (requests: RecordsRequest[], onEdit = vi.fn()) =>
    mount(
      <RequestsView
        requests={requests}
        gaps={['pathology']}
        today="2026-11-05"
        recordsByFamily={{ pathology: [{ id: 'r1', title: 'Surgical Pathology Report' }] }}
        remembered={new Set()}
        onAdd={async () => undefined}
        onEdit={onEdit}
        onProviderName={() => undefined}
        onDelete={() => undefined}
        onLetter={async () => ({ kind: 'copied' })}
      />,
    );

  it('shows an overdue request as such, with its follow-up letter one click away', () => {
    const host = view([request({ sentOn: '2026-10-01' })]);
    const status = host.querySelector('[data-testid="request-status"]')!;
    expect(status.getAttribute('data-state')).toBe('overdue');
    expect(status.textContent).toBe('Overdue: sent 2026-10-01, answer was due by 2026-10-31');
    expect(host.querySelector('[data-testid="follow-up-letter-pdf"]')).not.toBeNull();
  });

  it('marks a sent request received with the record that arrived', () => {
    const onEdit = vi.fn();
    const host = view([request({ sentOn: '2026-10-20' })], onEdit);
    expect(host.querySelector('[data-testid="request-status"]')!.textContent).toBe(
      'Sent 2026-10-20; answer due by 2026-11-19',
    );
    expect(host.querySelector('[data-testid="follow-up-letter-pdf"]')).toBeNull();
    act(() => host.querySelector<HTMLInputElement>('[data-testid="request-received-records"] input')!.click());
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="request-mark-received"]')!.click());
    expect(onEdit).toHaveBeenCalledWith(expect.any(String), { receivedOn: '2026-11-05', receivedRecordIds: ['r1'] });
  });

  it('shows a received request with its linked records and no follow-up', () => {
    const host = view([request({ sentOn: '2026-09-01', receivedOn: '2026-10-20', receivedRecordIds: ['r1'] })]);
    expect(host.querySelector('[data-testid="request-status"]')!.textContent).toBe('Received 2026-10-20');
    expect(host.querySelector('[data-testid="request-linked"]')!.textContent).toBe('1 record(s) linked');
    expect(host.textContent).toContain('Surgical Pathology Report');
    expect(host.querySelector('[data-testid="follow-up-letter-pdf"]')).toBeNull();
  });
});
