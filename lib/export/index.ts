// The records package: INDEX.HTM, record pages, summary.pdf, manifest, FHIR, zip.
// Other rooms import from here, not from the files inside.
export * from './manifest';
export * from './record-page';
export { ATTACHMENT_OWN_FIELDS } from './package-input';
// The PDF text layout (standard fonts, WinAnsi), for other documents the patient hands out.
export { PdfFlow, type TextStyle, type TableColumn } from './pdf-flow';
export { slugify } from './names';
