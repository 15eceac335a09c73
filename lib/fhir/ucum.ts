/** The UCUM system URI of FHIR Quantity codes; printed units map to UCUM codes in the labs room, once. */
export const UCUM = 'http://unitsofmeasure.org';
export { ucumUnit } from '../labs';
