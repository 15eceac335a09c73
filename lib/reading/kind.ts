import type { RecordKind } from '../core/model';

/** Words that point at a kind; title matches weigh more than body matches. Order breaks ties. */
const SIGNALS: [RecordKind, RegExp][] = [
  ['pathology', /\b(pathology|biopsy|cytology|specimen|histolog\w*|frozen section|gross description)\b/gi],
  [
    'imaging',
    /\b(radiology|imaging|x-?ray|ct\b|mri|ultrasound|sonogra\w+|mammogra\w+|pet\b|impression|technique|dexa)\b/gi,
  ],
  ['surgical', /\b(operative report|op note|procedure note|surgery|surgical|post-?operative|pre-?operative)\b/gi],
  [
    'lab',
    /\b(lab|labs|laboratory|test results?|reference range|standard range|normal range|panel|cbc|metabolic|components?)\b/gi,
  ],
  ['medication', /\b(medications?|prescriptions?|dosage|refills?|sig:|tablet|capsule)\b/gi],
  ['plan', /\b(treatment plan|care plan|plan of care|chemotherapy regimen|regimen)\b/gi],
  ['family-history', /\b(family history|familial|maternal|paternal|genetic)\b/gi],
  [
    'note',
    /\b(progress note|visit note|office visit|clinic note|consult\w*|history of present illness|assessment|subjective|chief complaint)\b/gi,
  ],
];

const count = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

/** A first guess at what a page holds; the user can change it. Falls back to `other`. */
export function guessKind(title: string, text: string, path = ''): RecordKind {
  const head = text.slice(0, 20_000);
  let best: { kind: RecordKind; score: number } = { kind: 'other', score: 0 };
  for (const [kind, re] of SIGNALS) {
    const score = 5 * count(re, title) + 3 * count(re, path.replace(/[-_/]/g, ' ')) + count(re, head);
    if (score > best.score) best = { kind, score };
  }
  return best.score >= 2 ? best.kind : 'other';
}
