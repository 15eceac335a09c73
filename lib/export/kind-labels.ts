import { PACKAGE_TEXT_EN } from './package-text-en';

/** The English kind names (the FHIR bundle's document types); the package pages take theirs from their language. */
export const KIND_LABELS = PACKAGE_TEXT_EN.kinds;
