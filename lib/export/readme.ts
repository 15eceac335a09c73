import type { Case } from '../core/model';
import { PACKAGE_DISCLAIMER } from './disclaimer';

/** README.TXT: plain text for anyone who opens the zip without knowing what it is. */
export function readmeText(caseData: Case, generatedAt: Date, generator: string, paths: string[]): string {
  return [
    `SECOND OPINION RECORDS PACKAGE: ${caseData.title}`,
    '',
    `Prepared on ${generatedAt.toISOString().slice(0, 10)} by the patient (or someone acting for them) with ${generator}.`,
    '',
    'WHAT THIS IS',
    'Copies of medical records that the patient collected from their patient portals, with their story and',
    'questions, for a second-opinion doctor. The content is patient-collected copies of portal records;',
    'each record names the portal address it came from and when it was captured.',
    '',
    PACKAGE_DISCLAIMER,
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
    ...paths.map((path) => `  ${path}`),
    '',
  ].join('\r\n');
}
