/** Units as portals print them -> UCUM (the units FHIR Quantity codes). */
export const UCUM = 'http://unitsofmeasure.org';

/** Only units we are sure of; anything else stays text. */
const KNOWN_UNITS: Record<string, string> = {
  'x10^3/ul': '10*3/uL',
  'x10e3/ul': '10*3/uL',
  '10^3/ul': '10*3/uL',
  '10*3/ul': '10*3/uL',
  'k/ul': '10*3/uL',
  'thou/ul': '10*3/uL',
  'x10^9/l': '10*9/L',
  '10^9/l': '10*9/L',
  '10*9/l': '10*9/L',
  'x10^6/ul': '10*6/uL',
  'x10e6/ul': '10*6/uL',
  '10^6/ul': '10*6/uL',
  '10*6/ul': '10*6/uL',
  'm/ul': '10*6/uL',
  'mill/ul': '10*6/uL',
  'x10^12/l': '10*12/L',
  '10^12/l': '10*12/L',
  'meq/l': 'meq/L',
  'iu/l': '[IU]/L',
  'miu/l': 'm[IU]/L',
  'uiu/ml': 'u[IU]/mL',
  'miu/ml': 'm[IU]/mL',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73 m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m^2': 'mL/min/{1.73_m2}',
  'mm/hr': 'mm/h',
  sec: 's',
  seconds: 's',
  min: 'min',
  'cells/ul': '/uL',
  '/hpf': '/[HPF]',
  '/lpf': '/[LPF]',
  ratio: '{ratio}',
  index: '{index}',
  'copies/ml': '{copies}/mL',
  '%': '%',
};
const PREFIX = '(?:k|d|c|m|u|n|p|f)?';
const ATOM = `${PREFIX}(?:g|L|l|mol|eq|U|kat)`;
/** Simple metric units such as mg/dL, umol/L, ng/mL, fL, pg, U/L. */
const SIMPLE_UNIT = new RegExp(`^${ATOM}(?:/${ATOM})?$`);

/** UCUM code for a printed unit, or undefined when it does not parse with confidence. */
export function ucumUnit(unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  const cleaned = unit
    .trim()
    .replace(/[µμ]/g, 'u')
    .replace(/^mcg/, 'ug')
    .replace(/\/mcl$/i, '/uL');
  const known = KNOWN_UNITS[cleaned.toLowerCase()];
  if (known) return known;
  if (!SIMPLE_UNIT.test(cleaned)) return undefined;
  // Litre is `L` in UCUM; portals also print `l` (`mmol/l`, `dl`).
  return cleaned
    .split('/')
    .map((part) => (/^(?:k|d|c|m|u|n|p|f)?l$/.test(part) ? `${part.slice(0, -1)}L` : part))
    .join('/');
}
