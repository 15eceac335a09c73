import type { PackageText } from './package-text';

const table = (caption: string, ...headers: string[]) => ({ caption, headers });

export const PACKAGE_TEXT_EN: PackageText = {
  lang: 'en',
  disclaimer:
    "This is the patient's own copy of their records, collected by them from their patient portals. " +
    'It is not medical advice, it may be incomplete, and the original records remain with the providers who wrote them.',
  kinds: {
    note: "Doctors' notes",
    pathology: 'Diagnosis and pathology reports',
    imaging: 'Imaging reports',
    lab: 'Lab results',
    medication: 'Medication lists',
    plan: 'Treatment plans',
    surgical: 'Surgical and operative reports',
    'family-history': 'Family history',
    allergy: 'Allergies',
    problem: 'Problems and diagnoses',
    procedure: 'Procedures',
    immunization: 'Immunizations',
    'vital-signs': 'Vital signs',
    encounter: 'Visits and encounters',
    'social-history': 'Social history',
    other: 'Other records',
  },
  undated: 'undated',
  yes: 'yes',
  dateSpan: ' to ',
  index: {
    title: (caseTitle) => `${caseTitle}: records for a second opinion`,
    intro: (date, count) =>
      `Records collected by the patient from their patient portals with Second Look, for a second opinion.
Prepared ${date}. ${count} record(s).
These are patient-collected copies; each record page names its source and the time it was captured.
A printable summary is in summary.pdf.`,
    nav: {
      reason: 'Reason for the opinion',
      questions: 'Questions',
      completeness: 'Completeness',
      records: 'Records',
      labs: 'Lab results across dates',
      attachments: 'Attached files',
    },
    recordsHeading: 'Records by kind, newest first',
    noRecords: 'No records in this case yet.',
    recordColumns: ['Date', 'Record', 'Files', 'Portal'],
    titleOnly: '(only the title was captured)',
    attachmentsHeading: (count) => `Attached files (${count})`,
    attachmentsNotice:
      'Exactly as downloaded from the portal (byte-identical). Images in DICOM format need a DICOM viewer.',
    attachmentColumns: ['File', 'Type', 'Size', 'Record'],
    patientShared: {
      included: (path) =>
        `${path} is a FHIR R4 bundle a record system can file as patient-shared (Kill the Clipboard profile): the patient, the structured records, the patient's story and a rendered PDF of the records.`,
      redacted: () =>
        'This package has no patient-shared FHIR bundle: it was redacted, and that bundle exists to name the patient (name, date of birth, sex) so a record system can match it.',
      unticked: () => 'This package has no patient-shared FHIR bundle: the patient chose to leave it out.',
      'no-patient': () =>
        'This package has no patient-shared FHIR bundle: the patient has not given their name, date of birth and sex ("About the patient"), which a record system needs to match it.',
    },
  },
  cover: {
    timeSensitive: 'The patient marked this decision as time-sensitive.',
    reasonHeading: 'Reason for the second opinion',
    storyHeading: "The patient's story",
    questionsHeading: "The patient's questions, most important first",
    recordLink: (n) => `record ${n}`,
    see: 'See',
    answerNoted: 'Answer noted:',
    completenessHeading: 'Completeness',
    knownGaps: 'Known gaps:',
    stillRequesting: 'The patient may still be requesting these.',
    noGaps: 'Every checklist family has at least one record.',
    completenessColumns: ['Records', 'Status', 'Count', 'Gap'],
    // The checklist's own status words (present, missing, report-only, not-applicable).
    status: (status) => status,
  },
  labs: {
    heading: 'Lab results across dates',
    notice: `Values as captured from the portals, oldest date first, each with its own flag (H, L, A, CRIT: the portal's) and time.
One test printed in another unit is converted to the row's unit, the printed value shown beside it.
A result found in several records is shown once; "sources differ" marks two records giving different values for the same test and time.`,
    pdfNotice:
      'Values as captured from the portals, oldest date first, each with its own flag (the portal\'s) and time. A value in another unit is converted to the row\'s unit, the printed value beside it; a result found in several records is shown once; "sources differ" marks records that disagree for the same test and time.',
    columns: ['Test', 'Unit', 'Reference range'],
    pdfRange: 'Range',
    alsoPrintedAs: 'also printed as',
    pdfAlso: 'also',
    sameResultIn: (count) => `Same result in ${count} records:`,
    datesOf: (from, to, total) => `Dates ${from}-${to} of ${total}`,
    cell: { from: 'from', ref: 'ref', sourcesDiffer: 'sources differ', seeEachValue: 'see each value' },
  },
  record: {
    labels: {
      record: 'Record',
      kind: 'Kind',
      clinicalDate: 'Clinical date',
      portal: 'Portal',
      sourceAddress: 'Source address',
      pageTitle: 'Page title',
      capturedAt: 'Captured at',
      sha256: 'SHA-256 of captured content',
      note: 'Patient note',
    },
    notStated: 'not stated',
    snapshotLabel: 'The record as it looked in the portal',
    back: 'Back to the index',
    copyNotice: "A copy the patient captured from their portal with Second Look. The original is the portal's record.",
    filesWithRecord: 'Files downloaded with this record:',
    section: (title, code) => `Section of the document: ${title}${code ? ` (LOINC ${code})` : ''}, kept as written.`,
    tables: {
      allergies: table('Allergies and intolerances', 'Substance', 'Reaction', 'Severity', 'Status', 'Onset', 'Code'),
      problems: table('Problems', 'Problem', 'Status', 'Onset', 'Resolved', 'Code'),
      procedures: table('Procedures', 'Procedure', 'Date', 'Status', 'Performed by', 'Body site', 'Code'),
      immunizations: table('Immunizations', 'Vaccine', 'Date', 'Status', 'Lot', 'Code'),
      encounters: table('Visits and encounters', 'Visit', 'Date', 'Location', 'Provider', 'Reason', 'Code'),
      familyHistory: table('Family history', 'Relative', 'Condition', 'Age at onset', 'Deceased', 'Code'),
      entries: table('Coded entries', 'Observation', 'Value', 'Date', 'Status', 'Code'),
      medications: table('Medications', 'Medication', 'Dose', 'Route', 'Frequency', 'Start', 'Status'),
    },
  },
  readme: ({ title, date, generator, disclaimer }) => [
    `SECOND OPINION RECORDS PACKAGE: ${title}`,
    '',
    `Prepared on ${date} by the patient (or someone acting for them) with ${generator}.`,
    '',
    'WHAT THIS IS',
    'Copies of medical records that the patient collected from their patient portals, with their story and',
    'questions, for a second-opinion doctor. The content is patient-collected copies of portal records;',
    'each record names the portal address it came from and when it was captured.',
    '',
    disclaimer,
    '',
    'HOW TO OPEN IT',
    '1. Extract (unzip) the whole archive into a folder.',
    '2. Open INDEX.HTM in any web browser. It works offline and needs no JavaScript.',
    '   summary.pdf is a printable summary: the questions, a lab table and the record index.',
    '3. Each record is in records/<number>_<date>_<kind>_<title>/ as record.html (as it looked) and',
    '   record.txt (plain text); files/ holds documents and images exactly as downloaded.',
    '4. Software can read data/manifest.json (index, sizes and SHA-256 of every file) and',
    '   data/fhir-bundle.json (FHIR R4 Bundle).',
    '',
    'FILES',
  ],
  pdf: {
    intro: (date, count) => `Records for a second opinion, prepared ${date}. ${count} record(s).`,
    copies:
      'Patient-collected copies of portal records; each record page in the package names its source and capture time.',
    recordIndex: 'Record index',
    indexColumns: ['#', 'Date', 'Kind', 'Record', 'Portal'],
  },
};
