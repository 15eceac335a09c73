/**
 * A generated FHIR collection Bundle of `count` glucose Observations (a value per entry, twelve months of dates),
 * as JSON text: the large input the streaming FHIR reader is tested and benchmarked with. Synthetic, no patient.
 */
export function labObservationBundle(count: number): string {
  const subject = { reference: 'Patient/p1' };
  const entry = Array.from({ length: count }, (_, i) => ({
    fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    resource: {
      resourceType: 'Observation',
      id: `o${i}`,
      status: 'final',
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
      ],
      code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }], text: 'Glucose' },
      subject,
      effectiveDateTime: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
      valueQuantity: { value: 80 + (i % 50), unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
    },
  }));
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry });
}
