/**
 * The clip's baselines in the report: the plumbing clip (the processes a real clip crosses, doing nothing else)
 * and each stage of ours against its own native lower bound, measured in the same runs
 * (entrypoints/bench/floors.ts). The reason given for a missed clip target is written from these figures.
 */
import type { ClipResult, PlumbingResult, StageBounds } from './clip-stages';
import { fmtMs } from './stats';

type Row = [string, string, string, string];

/** One of our stages (or several summed) against the lower bound measured for it. */
interface StageVsBound {
  name: string;
  ours: number;
  bound: number;
  boundName: string;
}

const x = (a: number, b: number) => `x${(a / b).toFixed(a / b < 10 ? 1 : 0)}`;
const ms = (v: number) => v.toFixed(v < 10 ? 1 : 0);

/** Each stage of ours that has a measured lower bound, with it. */
export function stagesVsBounds(c: ClipResult, p: PlumbingResult, b: StageBounds): StageVsBound[] {
  const m = (k: keyof ClipResult['stages']) => c.stages[k].median;
  return [
    {
      name: 'injection + messaging',
      ours: m('injection') + m('messaging'),
      bound: p.message.median + p.injectAndReturn.median,
      boundName: "the plumbing's message + executeScript returning the markup",
    },
    { name: 'extraction', ours: m('extraction'), bound: b.walk.median, boundName: 'one walk reading every cell' },
    {
      name: 'cloning + sanitizing',
      ours: m('cloning') + m('sanitizing'),
      bound: b.sanitize.median,
      boundName: `the page's markup through ${b.sanitizer === 'none' ? 'a plain parse (no Sanitizer API)' : b.sanitizer}`,
    },
    {
      name: 'serializing',
      ours: m('serializing'),
      bound: b.serialize.median,
      boundName: `innerHTML + textContent + JSON both ways of ${b.sameRecords ? "the clip's own records" : 'a stand-in of the same page'}`,
    },
    {
      name: 'IndexedDB write',
      ours: m('idbWrite'),
      bound: p.put.median,
      boundName: `one durable put of the markup (the record's JSON is x${(b.jsonChars / p.chars).toFixed(1)} its size, its result rows objects)`,
    },
    {
      name: 'panel update',
      ours: m('panelUpdate'),
      bound: p.notice.median,
      boundName: 'a live query in another extension page noticing the row',
    },
  ];
}

/** The lowest clip these bounds allow: the plumbing, plus the in-tab stages at their native bounds. */
export const lowestClip = (p: PlumbingResult, b: StageBounds) =>
  p.total.median + b.walk.median + b.sanitize.median + b.serialize.median;

export function floorRows(c: ClipResult): Row[] {
  const p = c.plumbing;
  const b = c.bounds;
  if (!p || !b) return [];
  const size = `${c.rows} rows${c.bare ? ', bare page' : ''}`;
  const pairs = stagesVsBounds(c, p, b);
  const lowest = lowestClip(p, b);
  return [
    [
      `   plumbing clip, ${size} (panel message + inject + return markup + durable put + panel notice)`,
      fmtMs(p.total),
      `message ${ms(p.message.median)} + inject and return ${ms(p.injectAndReturn.median)} + durable put ${ms(p.put.median)} + panel notice ${ms(p.notice.median)} (medians, ms; ${(p.chars / 1024).toFixed(1)} KB of markup)`,
      `clip ${x(c.clip.median, p.total.median)} of plumbing; plumbing ${x(p.total.median, c.floor.median)} of floor`,
    ],
    [
      `   stages vs their native lower bounds, ${size} (medians, ms)`,
      pairs.map((s) => `${s.name} ${ms(s.ours)} / ${ms(s.bound)} = ${x(s.ours, s.bound)}`).join('; '),
      `${pairs.map((s) => `${s.name}: ${s.boundName}`).join('; ')}; no bound for validating ${ms(c.stages.validating.median)} and other in the tab ${ms(c.stages.otherInTab.median)}`,
      `lowest clip from these bounds ${ms(lowest)} ms = ${x(lowest, c.floor.median)} of floor; ours ${x(c.clip.median, lowest)} of it`,
    ],
  ];
}

/** Why a clip size misses its target, from its own figures; undefined when its baselines were not measured. */
export function clipWhy(c: ClipResult | undefined, limit: number): string | undefined {
  const p = c?.plumbing;
  const b = c?.bounds;
  if (!c || !p || !b) return undefined;
  const floor = c.floor.median;
  const lowest = lowestClip(p, b);
  const pairs = stagesVsBounds(c, p, b).map((s) => ({ ...s, gap: s.ours - s.bound, ratio: s.ours / s.bound }));
  const plumbFloor = p.total.median / floor;
  const lowestFloor = lowest / floor;
  const reach =
    lowestFloor > limit
      ? `no clip through these processes can meet ${limit}x: the plumbing alone is ${x(p.total.median, floor)} of the floor and with the in-tab stages at their native bounds the lowest clip is ${ms(lowest)} ms = ${x(lowest, floor)}`
      : `the target is not below what the processes allow: the plumbing is ${x(p.total.median, floor)} of the floor and the lowest clip from these bounds ${ms(lowest)} ms = ${x(lowest, floor)}, so what holds it is our own work, not the plumbing`;
  // A stage whose native bound alone is past the target: no implementation of that stage can meet it.
  const alone = pairs.filter((s) => s.bound > limit * floor);
  const far = pairs.filter((s) => s.ratio > 3).sort((a, b2) => b2.gap - a.gap);
  const near = pairs.filter((s) => s.ratio <= 1.5);
  const describe = (s: (typeof pairs)[number]) =>
    `${s.name} ${ms(s.ours)} ms against ${ms(s.bound)} (${x(s.ours, s.bound)}, ${ms(s.gap)} ms over)`;
  const unbound = c.stages.validating.median + c.stages.otherInTab.median;
  return [
    `At ${c.rows.toLocaleString('en')} rows the clip is ${ms(c.clip.median)} ms, the floor ${ms(floor)} ms; the plumbing clip (the same processes doing nothing else: the panel's message, one executeScript returning the markup, one durable put, the panel's live query noticing it) ${ms(p.total.median)} ms (${plumbFloor < 1.05 ? 'about the floor' : `${x(p.total.median, floor)} of the floor`}).`,
    `Irreducible: ${reach}.`,
    alone.length > 0
      ? `Alone past ${limit}x of the floor: ${alone.map((s) => `${s.boundName} (${ms(s.bound)} ms, ${x(s.bound, floor)})`).join('; ')}.`
      : '',
    `The clip is ${x(c.clip.median, lowest)} of that lowest clip. Each stage against its own lower bound (same runs): ${pairs.map(describe).join('; ')}; validating and other work in the tab ${ms(unbound)} ms have no bound measured.`,
    far.length > 0
      ? `Far from their bounds (places to go faster, largest gap first): ${far.map((s) => `${s.name} ${ms(s.gap)} ms over`).join(', ')}.`
      : 'No stage is more than 3x its bound.',
    near.length > 0 ? `Near their bounds (within 1.5x): ${near.map((s) => s.name).join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
