// One adapter per portal family and the registry that picks one for a page.
// Other rooms import from here, not from the files inside.
export * from './registry';
export { familyReaders } from './family-readers';
export { addressNamesReaderFamily } from './family-signs';
export { familyKit, FAMILY_KIT_GLOBAL, FAMILY_READERS_GLOBAL } from './family-kit';
export { vaRecordsFromJson, type VaRecord } from './va-json';
