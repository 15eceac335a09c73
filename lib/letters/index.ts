// Letters and sheets the patient hands to others: records requests and their follow-ups, the referral
// request, the decision letter, the visit sheet. Other rooms import from here, not from the files inside.
export * from './make';
export * from './tracking';
export * from './validation';
export * from './requests';
export * from './decision-check';
export { WORDING, longDate, type Wording } from './wording';
export * from './visit-sheet';
export * from './visit-sheet-content';
export * from './visit-sheet-text';
export * from './request-edits';
