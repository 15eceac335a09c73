import type { RecordsRequest } from '../core/request-model';

/** HIPAA's right of access (45 CFR 164.524(b)(2)): a provider acts on a request within 30 days. */
export const RESPONSE_DAYS = 30;

/** `YYYY-MM-DD` plus whole days, in calendar dates (no time zone can shift it). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Today's calendar date where the patient is, `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type RequestState = 'drafted' | 'sent' | 'overdue' | 'received';

export interface RequestStatus {
  state: RequestState;
  /** `YYYY-MM-DD`: sent + 30 days; absent until sent. */
  due?: string;
}

/** Where a request stands on `today` (`YYYY-MM-DD`): overdue the day after its due date, until received. */
export function requestStatus(request: Pick<RecordsRequest, 'sentOn' | 'receivedOn'>, today: string): RequestStatus {
  if (!request.sentOn) return { state: request.receivedOn ? 'received' : 'drafted' };
  const due = addDays(request.sentOn, RESPONSE_DAYS);
  if (request.receivedOn) return { state: 'received', due };
  return { state: today > due ? 'overdue' : 'sent', due };
}
