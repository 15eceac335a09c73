/** What the clip section measures: the clip, its stages, its floor and its baselines (browser-clip.ts drives it). */
import type { ClipTrace } from '../lib/clip/clip-trace';
import type { Stat } from './stats';

/** A generated results page to clip: `bare` drops its header row, class names and portal marks. */
export interface ClipPage {
  rows: number;
  bare?: boolean;
}

/**
 * The processes a real clip crosses, doing nothing else (entrypoints/bench/floors.ts): a message from a panel
 * page, one executeScript returning the page's markup, one durable put of it, a live query in the panel's page
 * noticing it. Milliseconds; the parts sum to the total.
 */
export interface PlumbingResult {
  total: Stat;
  message: Stat;
  injectAndReturn: Stat;
  put: Stat;
  notice: Stat;
  /** Characters of markup returned and stored. */
  chars: number;
}

/** Native lower bounds of the stages that run in the tab, measured in its isolated world after each clip. */
export interface StageBounds {
  /** One walk reading every table cell's textContent. */
  walk: Stat;
  /** The page's markup read, parsed and sanitized natively (`sanitizer` says by which call). */
  sanitize: Stat;
  /** innerHTML + textContent of the sanitized body, JSON.stringify and JSON.parse of what the clip ships. */
  serialize: Stat;
  stringifyAndParse: Stat;
  /** executeScript of a function returning 0, once the isolated world exists. */
  emptyCall: Stat;
  sanitizer: string;
  cells: number;
  jsonChars: number;
  /** The JSON timed was of the very records the clip shipped. */
  sameRecords: boolean;
}

export interface ClipResult {
  rows: number;
  /** The page had no header row, no class names and no portal marks: read by its content alone. */
  bare?: boolean;
  bytes: number;
  clip: Stat;
  floor: Stat;
  serialize: Stat;
  idbWrite: Stat;
  ratio: number;
  longestTask: number;
  records: number;
  /** Where the clip's time went, stage by stage; per run the stages sum to the clip's time. */
  stages: Record<ClipStage, Stat>;
  /** Which sanitizer ran in the tab. */
  sanitizer: string;
  /** Run on the same page as each clip, interleaved (absent in results from before they were measured). */
  plumbing?: PlumbingResult;
  bounds?: StageBounds;
}

/** The stages of one clip, in the order they happen; `messaging` is what the others leave of the total. */
export const CLIP_STAGES = [
  'injection',
  'extraction',
  'cloning',
  'sanitizing',
  'serializing',
  'otherInTab',
  'validating',
  'messaging',
  'idbWrite',
  'panelUpdate',
] as const;
export type ClipStage = (typeof CLIP_STAGES)[number];

/**
 * One clip's stages from the panel's click and shown times and the background's trace (all epoch ms,
 * `performance.timeOrigin + performance.now()` in each context). Serializing includes the JSON both ways
 * (stringified in the tab, parsed in the background); messaging is the remainder: the panel's message to
 * the background, the background's case and tab look-ups, and the executeScript round trip.
 */
export function clipStages(click: number, shown: number, trace: ClipTrace): Record<ClipStage, number> {
  const tab = trace.inTab;
  if (!tab || trace.writtenAt === undefined) throw new Error('the clip left no complete trace');
  const known = {
    injection: trace.injection ?? 0,
    extraction: tab.extract,
    cloning: tab.clone,
    sanitizing: tab.sanitize,
    serializing: tab.serialize + (trace.decode ?? 0),
    otherInTab: Math.max(0, tab.total - tab.extract - tab.clone - tab.sanitize - tab.serialize),
    validating: (trace.validate ?? 0) + (trace.transfer ?? 0),
    idbWrite: trace.write ?? 0,
    panelUpdate: shown - trace.writtenAt,
  };
  const sum = Object.values(known).reduce((a, b) => a + b, 0);
  return { ...known, messaging: shown - click - sum };
}
