import { vaRecordsFromJson } from '../portals';
import type { CapturedRecord } from '../core/model';
import { importedToCapturedRecords } from './ccda-records';

/**
 * A VA.gov medical-records JSON saved to disk (a chemistry/hematology DiagnosticReport, a My HealtheVet
 * radiology record, or a list of them) as records; undefined when the JSON is not one of VA's shapes.
 */
export function recordsFromVaJson(text: string, fileName: string): CapturedRecord[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const records = vaRecordsFromJson(json);
  return records
    ? importedToCapturedRecords(records, { portal: 'va-mhv', path: fileName, pageTitle: fileName })
    : undefined;
}
