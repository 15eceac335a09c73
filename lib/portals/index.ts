// One adapter per portal family and the registry that picks one for a page.
// Other rooms import from here, not from the files inside.
export * from './registry';
export { vaRecordsFromJson, type VaRecord } from './va-json';
