// What makes the letters (their wording in both languages and the PDF writer): the panel loads this
// on first use, so none of it weighs on the panel's first load.
export { letterText, type Letter } from './letter';
export { letterPdf } from './letter-pdf';
export { requestLetter, followUpLetter, referralLetter, type RequestLetterInput } from './request-letters';
export { decisionLetter, type DecisionLetterInput } from './decision-letter';
export { letterFileName, type LetterKind } from './file-names';
