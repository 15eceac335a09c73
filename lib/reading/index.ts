// Reading records out of documents: dates, values, units, ranges, flags, tables, sections, kinds, clean source URLs.
// Other rooms import from here, not from the files inside.
export * from './clean-url';
export * from './text';
export * from './bracketed';
export * from './dates';
export * from './lab-row';
export * from './lab-table';
export * from './exam';
export * from './kind';
export * from './dom';
export * from './document-root';
export * from './result-cells';
export * from './result-content';
export * from './sections';
