// Letters and sheets the patient hands to others: the visit sheet (records requests and the decision letter
// join it). Other rooms import from here, not from the files inside.
export * from './visit-sheet';
export * from './visit-sheet-content';
export * from './visit-sheet-text';
