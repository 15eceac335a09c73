// Files a record links to: finding them in a page, fetching them with the session, chunking and sniffing.
// Other rooms import from here, not from the files inside.
export * from './links';
export * from './chunks';
export * from './sniff';
export * from './embedded';
export * from './displayed-image';
export * from './file-fetcher';
