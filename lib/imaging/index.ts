// Imaging studies (DICOM): reading headers and DICOMDIRs, the study list, import, de-identification.
// Other rooms import from here, not from the files inside.
export * from './dicom-header';
export * from './dicom-instance';
export * from './dicomdir';
export * from './study-list';
export * from './import-study';
export * from './deidentify-profile';
export * from './deidentify';
export * from './deidentify-package';
