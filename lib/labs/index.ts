// Lab results across records: one identity per test, trends, the table across dates.
// Other rooms import from here, not from the files inside.
export * from './lab-identity';
export * from './lab-matrix';
export * from './lab-results';
export * from './lab-trends';
export * from './units';
