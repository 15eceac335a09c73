// Due dates (sent + 30 days, by the calendar) and when a request shows as overdue; the messages a bad request gets.
import { describe, expect, it } from 'vitest';
import { addDays, requestProblems, requestStatus } from '../../../lib/letters';
import { blankRequest } from '../../../lib/letters/requests';

describe('request tracking', () => {
  it('is due 30 calendar days after it was sent, across months, years and leap days', () => {
    expect(addDays('2026-10-01', 30)).toBe('2026-10-31');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-01', 30)).toBe('2028-03-02');
    expect(addDays('2027-02-01', 30)).toBe('2027-03-03');
  });

  it('goes drafted -> sent -> overdue the day after the due date, and received stops the clock', () => {
    expect(requestStatus({ sentOn: '', receivedOn: '' }, '2026-12-06')).toEqual({ state: 'drafted' });
    expect(requestStatus({ sentOn: '2026-10-01', receivedOn: '' }, '2026-10-31')).toEqual({
      state: 'sent',
      due: '2026-10-31',
    });
    expect(requestStatus({ sentOn: '2026-10-01', receivedOn: '' }, '2026-11-01')).toEqual({
      state: 'overdue',
      due: '2026-10-31',
    });
    expect(requestStatus({ sentOn: '2026-10-01', receivedOn: '2026-11-20' }, '2026-12-06')).toEqual({
      state: 'received',
      due: '2026-10-31',
    });
  });
});

describe('request validation', () => {
  const base = () => ({
    ...blankRequest('c', 'records', ['pathology'], 'en', '2026-12-06T10:00:00.000Z'),
    provider: { name: 'Valley General Hospital', department: '', address: '', fax: '' },
  });

  it('accepts a request with a provider and something to ask for', () => {
    expect(requestProblems(base(), ['pathology'])).toEqual([]);
  });

  it('names each problem: no provider, a range that ends before it starts, nothing to ask for, no doctor', () => {
    expect(requestProblems({ ...base(), provider: { ...base().provider, name: '  ' } }, ['pathology'])).toEqual([
      'no-provider',
    ]);
    expect(requestProblems({ ...base(), dateFrom: '2026-11-30', dateTo: '2026-03-01' }, ['pathology'])).toEqual([
      'range-reversed',
    ]);
    expect(requestProblems({ ...base(), dateFrom: '2026-03-01', dateTo: '2026-03-01' }, ['pathology'])).toEqual([]);
    expect(requestProblems({ ...base(), families: [] }, ['pathology'])).toEqual(['no-records']);
    expect(requestProblems({ ...base(), families: [] }, [])).toEqual(['no-gaps']);
    expect(requestProblems({ ...base(), sendTo: 'doctor' }, ['pathology'])).toEqual(['no-doctor']);
  });

  it('does not ask a referral request for records', () => {
    const referral = { ...blankRequest('c', 'referral', ['pathology'], 'en', '2026-12-06T10:00:00.000Z') };
    expect(referral.families).toEqual([]);
    expect(requestProblems(referral, [])).toEqual(['no-provider']);
  });
});
