// The FHIR shapes, the string rule and the dateTime rule live in the FHIR room.
export { fhirDateTime, text, type FhirResource, type Reference } from '../fhir';
