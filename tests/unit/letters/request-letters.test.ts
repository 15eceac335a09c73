// Records-request, follow-up and referral letters in English and Spanish, read back from the PDF with poppler.
// Every expected sentence is written here by hand from the wording the issue asks for.
import { describe, expect, it } from 'vitest';
import type { RecordsRequest } from '../../../lib/core/request-model';
import { blankRequest } from '../../../lib/letters/requests';
import {
  followUpLetter,
  letterFileName,
  letterPdf,
  letterText,
  referralLetter,
  requestLetter,
} from '../../../lib/letters/make';
import { pdfinfo, pdftotext } from '../helpers/poppler';

const patient = { name: 'Robin Demo-Patient', birthDate: '1961-04-12' };
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

function request(edit: Partial<RecordsRequest> = {}): RecordsRequest {
  return {
    ...blankRequest('case-1', 'records', ['pathology', 'imaging-images', 'labs'], 'en', '2026-12-06T10:00:00.000Z'),
    provider: {
      name: 'Valley General Hospital',
      department: 'Health Information Management',
      address: '100 Example Road\nSpringfield, ST 00000',
      fax: '555-0100',
    },
    contact: '12 Sample Street, Springfield\nrobin@example.test',
    dateFrom: '2026-03-01',
    dateTo: '2026-11-30',
    ...edit,
  };
}

async function pdfText(pdf: Uint8Array): Promise<string> {
  const read = pdftotext(pdf);
  expect(read.status, read.stderr).toBe(0);
  return flat(read.stdout);
}

describe('records-request letter', () => {
  it('in English names who it is to and from, the records, the form, where to send them and the right of access', async () => {
    const letter = requestLetter({ request: request(), patient, today: '2026-12-06' });
    const text = letterText(letter);
    expect(text).toContain(
      'Robin Demo-Patient\nDate of birth: April 12, 1961\n12 Sample Street, Springfield\nrobin@example.test',
    );
    expect(text).toContain(
      'Valley General Hospital\nHealth Information Management\n100 Example Road\nSpringfield, ST 00000\nFax: 555-0100',
    );
    expect(text).toContain('December 6, 2026');
    expect(text).toContain('Dear Health Information Management,');
    expect(text).toContain('Please send the following records, for my care from March 1, 2026 to November 30, 2026:');
    expect(text).toContain('- The pathology reports and, if requested, the slides and blocks');
    expect(text).toContain('- The images in DICOM format on disc or by secure download');
    expect(text).toContain('- Laboratory results, with their values, units, reference ranges and dates');
    expect(text).not.toContain('Surgical');
    expect(text).toContain('Please provide an electronic copy');
    expect(text).toContain('Please send the records to me, using the contact details above.');
    expect(text).toContain('45 CFR 164.524');
    expect(text).toContain('within 30 days');
    expect(text).toContain('reasonable, cost-based fee');

    const pdf = await letterPdf(letter, new Date('2026-12-06T10:00:00Z'));
    const read = await pdfText(pdf);
    for (const expected of [
      'Re: Request for copies of my medical records (Robin Demo-Patient)',
      'Valley General Hospital',
      'Fax: 555-0100',
      'Date of birth: April 12, 1961',
      'for my care from March 1, 2026 to November 30, 2026',
      'The pathology reports and, if requested, the slides and blocks',
      'The images in DICOM format on disc or by secure download',
      'Under the HIPAA Privacy Rule (45 CFR 164.524), I have the right to a copy of my health information.',
      'You must respond to this request within 30 days, and you may charge only a reasonable, cost-based fee.',
    ])
      expect(read).toContain(expected);
    expect(pdfinfo(pdf).stdout).toMatch(/Title:\s+Request for medical records/);
  });

  it('in Spanish reads as Spanish in the PDF, accents and ¿ included', async () => {
    const letter = requestLetter({ request: request({ language: 'es' }), patient, today: '2026-12-06' });
    const read = await pdfText(await letterPdf(letter, new Date('2026-12-06T10:00:00Z')));
    for (const expected of [
      '6 de diciembre de 2026',
      'Fecha de nacimiento: 12 de abril de 1961',
      'Asunto: Solicitud de copias de mis registros médicos (Robin Demo-Patient)',
      'Estimado Health Information Management:',
      'de mi atención del 1 de marzo de 2026 al 30 de noviembre de 2026',
      'Los informes de patología y, si se solicitan, las laminillas y los bloques',
      'Las imágenes en formato DICOM en disco o por descarga segura',
      'Según la Regla de Privacidad de HIPAA (45 CFR 164.524), tengo derecho a obtener una copia de mi información de salud.',
      'en un plazo de 30 días',
      'una tarifa razonable basada en el costo',
      '¿Necesita algo más de mí',
      'Atentamente,',
    ])
      expect(read).toContain(expected);
  });

  it('sends the records straight to the second-opinion doctor when the patient names one', () => {
    const text = letterText(
      requestLetter({
        request: request({ sendTo: 'doctor', doctorName: 'Dr. Ana Example', doctorAddress: 'Example Cancer Center' }),
        patient,
        today: '2026-12-06',
      }),
    );
    expect(text).toContain(
      'Please send the records directly to the doctor giving me the second opinion:\nDr. Ana Example\nExample Cancer Center\n',
    );
    expect(text).not.toContain('Please send the records to me');
  });

  it('says "since", "up to" or "all dates" when the range is open', () => {
    const body = (edit: Partial<RecordsRequest>) =>
      letterText(requestLetter({ request: request(edit), patient, today: '2026-12-06' }));
    expect(body({ dateTo: '' })).toContain('for my care since March 1, 2026:');
    expect(body({ dateFrom: '' })).toContain('for my care up to November 30, 2026:');
    expect(body({ dateFrom: '', dateTo: '' })).toContain('for all dates of my care:');
    expect(body({ dateFrom: '', dateTo: '', language: 'es' })).toContain('de todas las fechas de mi atención:');
  });

  it('leaves out what the patient has not given: no name, no date of birth, no department', () => {
    const letter = requestLetter({
      request: request({ provider: { name: 'Clinic', department: '', address: '', fax: '' }, contact: '' }),
      patient: {},
      today: '2026-12-06',
    });
    expect(letter.from).toEqual([]);
    expect(letter.to).toEqual(['Clinic']);
    expect(letter.salutation).toBe('Dear Medical Records Department,');
    expect(letter.subject).toBe('Re: Request for copies of my medical records');
  });
});

describe('follow-up letter', () => {
  it('names when the request was sent and when the answer was due, and asks again', async () => {
    const sent = request({ sentOn: '2026-10-01' });
    const en = letterText(followUpLetter({ request: sent, patient, today: '2026-11-05' }));
    expect(en).toContain(
      'On October 1, 2026 I asked you for copies of my medical records. Under 45 CFR 164.524 a response was due within 30 days, by October 31, 2026. I have not yet received the records.',
    );
    expect(en).toContain('- The pathology reports and, if requested, the slides and blocks');
    const es = await pdfText(
      await letterPdf(
        followUpLetter({ request: { ...sent, language: 'es' }, patient, today: '2026-11-05' }),
        new Date(),
      ),
    );
    expect(es).toContain('El 1 de octubre de 2026 le solicité copias de mis registros médicos.');
    expect(es).toContain('a más tardar el 31 de octubre de 2026');
    expect(es).toContain('Seguimiento de mi solicitud de registros médicos');
  });
});

describe('referral request', () => {
  it('asks for the referral or prior authorization with the note, in both languages', async () => {
    const referral = request({
      purpose: 'referral',
      families: [],
      provider: { name: 'Example Health Plan', department: 'Prior Authorizations', address: '', fax: '555-0199' },
      doctorName: 'Dr. Ana Example',
      note: 'Member ID on my card; plan requires a referral for out-of-network specialists.',
    });
    const en = letterText(referralLetter({ request: referral, patient, today: '2026-12-06' }));
    expect(en).toContain('Re: Referral or prior authorization for a second opinion (Robin Demo-Patient)');
    expect(en).toContain('I am seeking a second opinion from Dr. Ana Example.');
    expect(en).toContain('Please issue the referral or prior authorization');
    expect(en).toContain('Details: Member ID on my card; plan requires a referral for out-of-network specialists.');
    expect(en).toContain('Please send me the referral or authorization number, and send a copy to Dr. Ana Example.');
    const es = await pdfText(
      await letterPdf(
        referralLetter({ request: { ...referral, language: 'es' }, patient, today: '2026-12-06' }),
        new Date(),
      ),
    );
    expect(es).toContain('Remisión o autorización previa para una segunda opinión');
    expect(es).toContain('Estoy buscando una segunda opinión con Dr. Ana Example.');
  });
});

describe('letter file names', () => {
  it('say what the letter is, who it is to and the date, in portable characters', () => {
    expect(letterFileName('records-request', 'Clínica Ñuñoa / St. Mary’s', '2026-12-06', 'pdf')).toBe(
      'records-request_Clinica-Nunoa-St-Mary-s_2026-12-06.pdf',
    );
    expect(letterFileName('decision-letter', '', '2026-12-06', 'txt')).toBe('decision-letter_2026-12-06.txt');
  });
});
