// Printed lab units -> UCUM codes, and the conversions between them that a lab table needs.
// Factors come from UCUM's own definitions (prefixes, g, mol, eq, L, U, [IU]); tests check them against
// @lhncbc/ucum-lhc, which is not shipped (it would add ~274 KB to the extension).

/** Units as portals print them -> UCUM. Only units we are sure of; anything else stays text. */
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
    .replace(/\/mcl$/i, '/uL')
    .replace(/^mEq\//, 'meq/');
  const known = KNOWN_UNITS[cleaned.toLowerCase()];
  if (known) return known;
  if (!SIMPLE_UNIT.test(cleaned)) return undefined;
  // Litre is `L` in UCUM; portals also print `l` (`mmol/l`, `dl`).
  return cleaned
    .split('/')
    .map((part) => (/^(?:k|d|c|m|u|n|p|f)?l$/.test(part) ? `${part.slice(0, -1)}L` : part))
    .join('/');
}

/** UCUM prefixes (ucum-essence.xml). */
const PREFIXES: Record<string, number> = {
  '': 1,
  k: 1e3,
  d: 1e-1,
  c: 1e-2,
  m: 1e-3,
  u: 1e-6,
  n: 1e-9,
  p: 1e-12,
  f: 1e-15,
};

/**
 * What a quantity measures. `eq` is kept apart from `mol` (UCUM defines 1 eq as 1 mol, which is only
 * true for a charge of 1); an arbitrary unit ([IU]) is only ever compared with itself.
 */
type Measure = 'mass' | 'substance' | 'eq' | 'count' | 'enzyme' | 'arbitrary-iu' | 'volume' | 'percent';

/** A unit as `scale` of a measure per `perLitre` litres (undefined: not per volume). */
export interface LabUnit {
  ucum: string;
  measure: Measure;
  scale: number;
  perLitre: number | undefined;
}

const NUMERATORS: [RegExp, Measure, (m: RegExpMatchArray) => number][] = [
  [/^([kdcmunpf]?)g$/, 'mass', (m) => PREFIXES[m[1]!]!],
  [/^([kdcmunpf]?)mol$/, 'substance', (m) => PREFIXES[m[1]!]!],
  [/^([kdcmunpf]?)eq$/, 'eq', (m) => PREFIXES[m[1]!]!],
  [/^([kdcmunpf]?)U$/, 'enzyme', (m) => PREFIXES[m[1]!]!],
  [/^([kdcmunpf]?)\[IU\]$/, 'arbitrary-iu', (m) => PREFIXES[m[1]!]!],
  [/^10\*(\d{1,2})$/, 'count', (m) => 10 ** Number(m[1])],
  [/^$/, 'count', () => 1],
  [/^([kdcmunpf]?)L$/, 'volume', (m) => PREFIXES[m[1]!]!],
  [/^%$/, 'percent', () => 1],
];

/** The unit's measure and scale, for the units a lab table converts; undefined for anything else. */
export function labUnit(printed: string | undefined): LabUnit | undefined {
  const ucum = ucumUnit(printed);
  if (!ucum) return undefined;
  const [top, bottom, ...rest] = ucum.split('/');
  if (rest.length > 0 || top === undefined) return undefined;
  const numerator = NUMERATORS.map(([re, measure, scale]) => {
    const m = top.match(re);
    return m ? { measure, scale: scale(m) } : undefined;
  }).find((x) => x !== undefined);
  if (!numerator) return undefined;
  if (bottom === undefined) return top === '' ? undefined : { ucum, ...numerator, perLitre: undefined };
  const litre = bottom.match(/^([kdcmunpf]?)L$/);
  if (!litre || numerator.measure === 'volume' || numerator.measure === 'percent') return undefined;
  return { ucum, ...numerator, perLitre: PREFIXES[litre[1]!]! };
}

/** What an analyte adds to units: its molar mass (g/mol) for mass <-> substance, its charge for eq <-> mol. */
export interface AnalyteChemistry {
  molarMass?: number;
  charge?: number;
}

/** Amount in the measure's base (g, mol, eq ...) per litre for one of `unit`, or undefined. */
function toBase(unit: LabUnit): number {
  return unit.scale / (unit.perLitre ?? 1);
}

/**
 * The factor that turns a value in `from` into `to`, or undefined when they are not commensurable
 * for this analyte. Never across % and mmol/mol, never between an arbitrary unit and another unit.
 */
export function conversionFactor(from: LabUnit, to: LabUnit, chemistry: AnalyteChemistry = {}): number | undefined {
  if ((from.perLitre === undefined) !== (to.perLitre === undefined)) return undefined;
  const ratio = toBase(from) / toBase(to);
  if (from.measure === to.measure) return ratio;
  // mass = substance x molar mass; substance = eq / charge.
  const inMol = (measure: Measure): number | undefined =>
    measure === 'substance'
      ? 1
      : measure === 'mass' && chemistry.molarMass
        ? 1 / chemistry.molarMass
        : measure === 'eq' && chemistry.charge
          ? 1 / chemistry.charge
          : undefined;
  const a = inMol(from.measure);
  const b = inMol(to.measure);
  return a !== undefined && b !== undefined ? (ratio * a) / b : undefined;
}

/** Rounds a converted value to the significant digits a lab prints (3, at least the original's). */
export function roundConverted(value: number, originalDigits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(Math.max(3, Math.min(6, originalDigits))));
}

/** Significant digits of a printed number ("0.84" -> 2, "104" -> 3, "5.60" -> 3). */
export function significantDigits(printed: string): number {
  const digits = printed.replace(/^[^0-9]*/, '').match(/^[0-9]*\.?[0-9]*/)?.[0] ?? '';
  const stripped = digits.replace('.', '').replace(/^0+/, '');
  return Math.max(1, stripped.length);
}

/** Half the step of the last printed digit ("5.8" -> 0.05): how far a printed value may be from the true one. */
export function printedHalfStep(printed: string): number {
  const decimals = printed.match(/\.(\d+)/)?.[1]?.length ?? 0;
  return 0.5 * 10 ** -decimals;
}
