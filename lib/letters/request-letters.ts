import type { PatientDetails } from '../core/workspace-model';
import type { RecordsRequest } from '../core/request-model';
import type { Letter, LetterBlock } from './letter';
import { addDays, RESPONSE_DAYS } from './tracking';
import { longDate, WORDING, type Wording } from './wording';

/** What every request letter is made from: the request as typed, "About the patient", and today's date. */
export interface RequestLetterInput {
  request: RecordsRequest;
  patient: Pick<PatientDetails, 'name' | 'birthDate'>;
  /** `YYYY-MM-DD`. */
  today: string;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The patient's lines at the top of the letter: name, date of birth (identifies the chart), contact. */
function fromLines(w: Wording, input: RequestLetterInput): string[] {
  const { patient, request } = input;
  return [
    ...(patient.name?.trim() ? [patient.name.trim()] : []),
    ...(patient.birthDate ? [w.birthDate(longDate(w, patient.birthDate))] : []),
    ...lines(request.contact),
  ];
}

function toLines(request: RecordsRequest): string[] {
  const { provider } = request;
  return [
    provider.name.trim(),
    ...(provider.department.trim() ? [provider.department.trim()] : []),
    ...lines(provider.address),
    ...(provider.fax.trim() ? [`Fax: ${provider.fax.trim()}`] : []),
  ];
}

function range(w: Wording, { dateFrom, dateTo }: RecordsRequest): string {
  if (dateFrom && dateTo) return w.records.range.between(longDate(w, dateFrom), longDate(w, dateTo));
  if (dateFrom) return w.records.range.since(longDate(w, dateFrom));
  if (dateTo) return w.records.range.until(longDate(w, dateTo));
  return w.records.range.all;
}

function doctor(request: RecordsRequest): string {
  return [request.doctorName.trim(), ...lines(request.doctorAddress)].join('\n');
}

function signature(w: Wording, input: RequestLetterInput): string[] {
  const name = input.patient.name?.trim();
  return [...(name ? [w.signatureName(name)] : []), '', w.signLine];
}

/** What the request asks for, where it goes and the right it rests on: shared by the request and its follow-up. */
function askBlocks(w: Wording, request: RecordsRequest): LetterBlock[] {
  return [
    w.records.which(range(w, request)),
    { items: request.families.map((family) => w.records.family[family]) },
    w.records.form,
    request.sendTo === 'doctor' ? w.records.toDoctor(doctor(request)) : w.records.toPatient,
    ...(request.note.trim() ? [w.note(request.note.trim())] : []),
    w.records.right,
  ];
}

/** The records-request letter: who to, from, which records, in what form, where to, and the right of access. */
export function requestLetter(input: RequestLetterInput): Letter {
  const { request } = input;
  const w = WORDING[request.language];
  const name = input.patient.name?.trim() ?? '';
  return {
    language: request.language,
    title: w.records.title,
    from: fromLines(w, input),
    date: longDate(w, input.today),
    to: toLines(request),
    subject: w.records.subject(name),
    salutation: w.records.salutation(request.provider.department.trim()),
    body: [w.records.opening, ...askBlocks(w, request), w.records.questions],
    closing: w.closing,
    signature: signature(w, input),
  };
}

/** The follow-up for a request past its due date: when it was sent, when it was due, and the same ask again. */
export function followUpLetter(input: RequestLetterInput): Letter {
  const { request } = input;
  const w = WORDING[request.language];
  const name = input.patient.name?.trim() ?? '';
  const due = addDays(request.sentOn, RESPONSE_DAYS);
  return {
    language: request.language,
    title: w.followUp.title,
    from: fromLines(w, input),
    date: longDate(w, input.today),
    to: toLines(request),
    subject: w.followUp.subject(name),
    salutation: w.records.salutation(request.provider.department.trim()),
    body: [w.followUp.opening(longDate(w, request.sentOn), longDate(w, due)), w.followUp.ask, ...askBlocks(w, request)],
    closing: w.closing,
    signature: signature(w, input),
  };
}

/** The referral or prior-authorization request to the referring doctor's office or the insurance plan. */
export function referralLetter(input: RequestLetterInput): Letter {
  const { request } = input;
  const w = WORDING[request.language];
  const name = input.patient.name?.trim() ?? '';
  const doctorName = request.doctorName.trim();
  return {
    language: request.language,
    title: w.referral.title,
    from: fromLines(w, input),
    date: longDate(w, input.today),
    to: toLines(request),
    subject: w.referral.subject(name),
    salutation: request.provider.department.trim()
      ? w.records.salutation(request.provider.department.trim())
      : w.referral.salutation,
    body: [
      w.referral.opening(doctorName),
      w.referral.ask,
      ...(request.note.trim() ? [w.referral.note(request.note.trim())] : []),
      w.referral.sendNumber(doctorName),
    ],
    closing: w.closing,
    signature: signature(w, input),
  };
}
