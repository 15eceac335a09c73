import { ANALYTES, type Analyte, type Specimen } from './lab-names';
import type { AnalyteChemistry } from './units';

export type { Specimen } from './lab-names';

/** What the identity reads from a result: its name, its LOINC code, and the panel around it. */
export interface LabTestInput {
  test: string;
  loinc?: string;
  /** The panel's name and specimen ("Urinalysis", "Urine"): a bare "Glucose" there is urine glucose. */
  panelName?: string;
  panelSpecimen?: string;
}

export interface LabTestIdentity {
  /** Equal keys: the same test. */
  key: string;
  /** Set when the curated table knows the test. */
  analyte: string | undefined;
  specimen: Specimen | undefined;
  chemistry: AnalyteChemistry;
  /** The row's own LOINC code, when it is well formed. */
  loinc: string | undefined;
}

/** Case, punctuation, word order and Unicode form do not make a different test. */
function words(name: string): string[] {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}
const wordKey = (list: string[]) => [...list].sort().join(' ');

const BY_NAME = new Map<string, Analyte>();
const BY_LOINC = new Map<string, { analyte: Analyte; specimen: Specimen }>();
for (const analyte of ANALYTES) {
  for (const name of analyte.names) BY_NAME.set(wordKey(words(name)), analyte);
  for (const [code, specimen] of Object.entries(analyte.loinc)) BY_LOINC.set(code, { analyte, specimen });
}

/** Words that name the specimen inside a test name ("Glucose, Urine", "POC Glucose"). */
const SPECIMEN_WORDS: Record<string, Specimen> = {
  urine: 'urine',
  ur: 'urine',
  ua: 'urine',
  urn: 'urine',
  urinalysis: 'urine',
  csf: 'csf',
  spinal: 'csf',
  cerebrospinal: 'csf',
  fluid: 'fluid',
  pleural: 'fluid',
  peritoneal: 'fluid',
  synovial: 'fluid',
  serum: 'serum-plasma',
  plasma: 'serum-plasma',
  ser: 'serum-plasma',
  plas: 'serum-plasma',
  serpl: 'serum-plasma',
  // Whole blood, as bedside meters and blood gas analysers measure it.
  whole: 'blood',
  wb: 'blood',
  poc: 'blood',
  meter: 'blood',
  glucometer: 'blood',
  fingerstick: 'blood',
  capillary: 'blood',
  bedside: 'blood',
  istat: 'blood',
};
/**
 * Words that never change the test: "Glucose Lvl", "Glucose, Random". A bare "blood" is here too:
 * portals write "Glucose, Blood" for the serum test drawn from a vein.
 */
const NOISE = new Set(['lvl', 'level', 'random', 'rand', 'result', 'value', 'conc', 'concentration', 'blood', 'bld']);

/** A specimen named by the panel: only urine, CSF and other fluids (a "blood" panel is usually serum). */
function panelSpecimen(input: LabTestInput): Specimen | undefined {
  const text = `${input.panelSpecimen ?? ''} ${input.panelName ?? ''}`;
  if (/urin|\bUA\b/i.test(text)) return 'urine';
  if (/\bCSF\b|spinal/i.test(text)) return 'csf';
  if (/\b(pleural|peritoneal|synovial|body)\s+fluid\b/i.test(text)) return 'fluid';
  return undefined;
}

/** The name's words without specimen and noise words, and the specimen those words named. */
function strip(all: string[]): { kept: string[]; specimen: Specimen | undefined } {
  let specimen: Specimen | undefined;
  const kept = all.filter((w) => {
    const s = SPECIMEN_WORDS[w];
    if (s) specimen ??= s;
    return !s && !NOISE.has(w);
  });
  return { kept, specimen };
}

function nameMatch(test: string): { analyte?: Analyte; specimen?: Specimen; rest: string } {
  const tries = test.includes('(')
    ? [test, test.replace(/\([^)]*\)/g, ' '), ...Array.from(test.matchAll(/\(([^)]*)\)/g), (m) => m[1]!)]
    : [test];
  let fallback: { specimen?: Specimen; rest: string } | undefined;
  for (const candidate of tries) {
    const all = words(candidate);
    if (all.length === 0) continue;
    const exact = BY_NAME.get(wordKey(all));
    if (exact) return { analyte: exact, rest: wordKey(all) };
    const { kept, specimen } = strip(all);
    const rest = wordKey(kept.length ? kept : all);
    const analyte = kept.length ? BY_NAME.get(rest) : undefined;
    if (analyte) return { analyte, specimen, rest };
    fallback ??= { specimen, rest };
  }
  return fallback ?? { rest: '' };
}

const LOINC_CODE = /^[0-9]{1,8}-[0-9]$/;

/**
 * The single rule for "is this the same test": a LOINC code the table knows decides; otherwise the
 * curated name variants, keyed by specimen (a bare name means the analyte's usual specimen, the panel
 * can say urine or CSF); a test the table does not know is keyed by its own LOINC code, else by its
 * normalised name and specimen. Look-alikes (HbA1c and glucose, free and total T4, LDL and HDL ...)
 * are different entries, so they never share a key.
 */
export function labTestIdentity(input: LabTestInput): LabTestIdentity {
  const loinc = input.loinc?.trim() && LOINC_CODE.test(input.loinc.trim()) ? input.loinc.trim() : undefined;
  const coded = loinc ? BY_LOINC.get(loinc) : undefined;
  const chemistry = (a: Analyte): AnalyteChemistry => ({ molarMass: a.molarMass, charge: a.charge });
  if (coded) {
    const { analyte, specimen } = coded;
    return { key: `${analyte.id}|${specimen}`, analyte: analyte.id, specimen, chemistry: chemistry(analyte), loinc };
  }
  const named = nameMatch(input.test);
  const fromPanel = panelSpecimen(input);
  if (named.analyte) {
    const specimen = named.specimen ?? fromPanel ?? named.analyte.specimen;
    return {
      key: `${named.analyte.id}|${specimen}`,
      analyte: named.analyte.id,
      specimen,
      chemistry: chemistry(named.analyte),
      loinc,
    };
  }
  const specimen = named.specimen ?? fromPanel;
  return {
    key: loinc ? `loinc:${loinc}` : `name:${named.rest}|${specimen ?? 'serum-plasma'}`,
    analyte: undefined,
    specimen,
    chemistry: {},
    loinc,
  };
}

/** Whether two results are of the same test (their units may still differ: see `conversionFactor`). */
export function sameLabTest(a: LabTestInput, b: LabTestInput): boolean {
  const x = labTestIdentity(a);
  const y = labTestIdentity(b);
  if (x.key === y.key) return true;
  // The same LOINC code is the same test, whatever the names say.
  return x.loinc !== undefined && x.loinc === y.loinc;
}

/**
 * Identities for the rows of one case, where rows teach each other: a result without LOINC joins a
 * LOINC code that the table does not know when another row of the same name carries it (and only that
 * one code), and every row of one LOINC code shares the key of the first curated row carrying it.
 */
export function caseIdentities(inputs: LabTestInput[]): LabTestIdentity[] {
  // A case repeats the same few tests many times: read each distinct one once.
  const seen = new Map<string, LabTestIdentity>();
  const base = inputs.map((input) => {
    const key = `${input.test}\u0000${input.loinc ?? ''}\u0000${input.panelName ?? ''}\u0000${input.panelSpecimen ?? ''}`;
    let identity = seen.get(key);
    if (!identity) seen.set(key, (identity = labTestIdentity(input)));
    return identity;
  });
  const byLoinc = new Map<string, string>();
  base.forEach((id) => {
    if (id.loinc && !byLoinc.has(id.loinc)) byLoinc.set(id.loinc, id.key);
  });
  for (const [code, key] of byLoinc) {
    const curated = base.find((id) => id.loinc === code && id.analyte);
    if (curated) byLoinc.set(code, curated.key);
    else byLoinc.set(code, key);
  }
  const codesByName = new Map<string, Set<string>>();
  base.forEach((id, i) => {
    if (!id.loinc || id.analyte) return;
    const name = labTestIdentity({ ...inputs[i]!, loinc: undefined }).key;
    codesByName.set(name, (codesByName.get(name) ?? new Set()).add(id.loinc));
  });
  return base.map((id) => {
    if (id.loinc) return { ...id, key: byLoinc.get(id.loinc) ?? id.key };
    const codes = codesByName.get(id.key);
    if (!id.analyte && codes?.size === 1) {
      const code = [...codes][0]!;
      return { ...id, key: byLoinc.get(code) ?? `loinc:${code}`, loinc: undefined };
    }
    return id;
  });
}
