// The case and its workspace: records, questions, opinions, story, completeness, pending edits.
// Other rooms import from here, not from the files inside.
export * from './records';
export * from './completeness';
export * from './questions';
export * from './title-only';
export * from './case-details';
export * from './timeline';
export * from './sent-log';
export * from './case-write';
