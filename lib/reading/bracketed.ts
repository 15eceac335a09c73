import type { LabResultRow } from '../core/model';
import { labRow, unparsedRow } from './lab-row';
import { oneLineText } from './dom';

/**
 * Oracle Health (Cerner) style, on HealtheLife pages and in Cerner C-CDA narratives:
 * `Glucose, Random [65-110 mg/dL]` then one value per date, `185 mg/dL *HI* (07/10/2013 22:25 America/Chicago)`.
 */
const NAME_LINE = /^(.+?)\s*\[([^\]]*)\]$/;
const VALUE_LINE = /^(.+?)\s*\(([^()]*\b\d{4}\b[^()]*)\)$/;

export const isBracketedName = (text: string) => NAME_LINE.test(text.trim());

/** One trend row per value; a value without its date stays unparsed (it may be a footnote, not a result). */
export function bracketedRows(name: string, values: string[]): LabResultRow[] | undefined {
  const head = NAME_LINE.exec(oneLineText(name));
  if (!head) return undefined;
  const [, test, range] = head;
  return values
    .map(oneLineText)
    .filter(Boolean)
    .map((line) => {
      const value = VALUE_LINE.exec(line);
      return value ? labRow({ test: test!, value: value[1]!, range, date: value[2] }) : unparsedRow(line, test);
    });
}
