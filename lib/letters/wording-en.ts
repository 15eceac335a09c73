import { MONTH_NAMES } from '../core/month-names';
import type { Wording } from './wording';

export const wordingEn: Wording = {
  months: MONTH_NAMES.en,
  longDate: (day, month, year) => `${month} ${day}, ${year}`,
  birthDate: (date) => `Date of birth: ${date}`,
  contact: 'Contact:',
  records: {
    title: 'Request for medical records',
    subject: (name) => `Re: Request for copies of my medical records${name ? ` (${name})` : ''}`,
    salutation: (department) => `Dear ${department || 'Medical Records Department'},`,
    opening:
      'I am writing to ask for copies of my medical records. I am seeking a second opinion and the doctor needs my complete records.',
    which: (range) => `Please send the following records, ${range}:`,
    family: {
      notes: "Doctors' notes and progress notes (visit summaries and assessments)",
      pathology: 'The pathology reports and, if requested, the slides and blocks',
      'imaging-reports': 'The radiology reports of my imaging studies (X-ray, CT, MRI, ultrasound, PET)',
      'imaging-images': 'The images in DICOM format on disc or by secure download',
      labs: 'Laboratory results, with their values, units, reference ranges and dates',
      medications: 'My medication list, current and past, with doses',
      'treatment-plan': 'Treatment plans, proposed or under way',
      operative: 'Surgical and operative reports',
      'family-history': 'The family history recorded in my chart',
    },
    range: {
      between: (from, to) => `for my care from ${from} to ${to}`,
      since: (from) => `for my care since ${from}`,
      until: (to) => `for my care up to ${to}`,
      all: 'for all dates of my care',
    },
    form: 'Please provide an electronic copy (for example PDF files, and the images in DICOM format).',
    toPatient: 'Please send the records to me, using the contact details above.',
    toDoctor: (doctor) =>
      `Please send the records directly to the doctor giving me the second opinion:\n${doctor}\nThis letter is my written request to send my records to this doctor.`,
    right:
      'Under the HIPAA Privacy Rule (45 CFR 164.524), I have the right to a copy of my health information. You must respond to this request within 30 days, and you may charge only a reasonable, cost-based fee. Please tell me in advance if there is a fee.',
    questions: 'If you need anything else from me, such as your own form signed, please contact me.',
  },
  followUp: {
    title: 'Follow-up: request for medical records',
    subject: (name) => `Re: Follow-up on my request for medical records${name ? ` (${name})` : ''}`,
    opening: (sentOn, due) =>
      `On ${sentOn} I asked you for copies of my medical records. Under 45 CFR 164.524 a response was due within 30 days, by ${due}. I have not yet received the records.`,
    ask: 'Please send them as soon as possible, or tell me in writing when I will receive them and the reason for the delay.',
    original: 'My request was for:',
  },
  referral: {
    title: 'Request for a referral or prior authorization',
    subject: (name) => `Re: Referral or prior authorization for a second opinion${name ? ` (${name})` : ''}`,
    salutation: 'Dear Sir or Madam,',
    opening: (doctor) =>
      `I am seeking a second opinion${doctor ? ` from ${doctor}` : ''}. My insurance plan may require a referral or a prior authorization for this visit.`,
    ask: 'Please issue the referral or prior authorization, or tell me what you need from me to do so.',
    note: (note) => `Details: ${note}`,
    sendNumber: (doctor) =>
      `Please send me the referral or authorization number${doctor ? `, and send a copy to ${doctor}` : ''}.`,
  },
  decision: {
    title: 'My decision about my treatment',
    subject: (name) => `Re: My treatment decision${name ? ` (${name})` : ''}`,
    salutation: 'Dear Doctors,',
    thanks:
      'Thank you for your care and for your opinions. I am writing to both of you to tell you what I have decided.',
    choice: {
      'first-plan': (plan) =>
        `I have decided to go ahead with the treatment plan first proposed to me${plan ? `: ${plan}` : '.'}`,
      switch: (plan) =>
        `I have decided to follow the treatment plan recommended in the second opinion${plan ? `: ${plan}` : '.'}`,
      'third-opinion': () => 'I have decided to seek a third opinion before I choose a treatment plan.',
      'doctors-review': () => "Before I decide, I would like you to review each other's findings.",
      other: (plan) => `My decision: ${plan}`,
    },
    share:
      'Please share my records with each other, including your notes, reports and test results, so that both of you have the full picture. This letter is my written request to do so.',
  },
  note: (note) => `Note: ${note}`,
  closing: 'Thank you,',
  signatureName: (name) => name,
  signLine: 'Signature: ______________________    Date: ______________',
};
