import { describe, expect, it } from 'vitest';
import { CLIP_STAGES, type ClipResult, type ClipStage } from '../../bench/clip-stages';
import { clipWhy, floorRows } from '../../bench/report-floors';
import { targetNotes } from '../../bench/report-why';
import type { Stat } from '../../bench/stats';

const s = (median: number): Stat => ({ median, min: median, max: median, n: 1 });

/** A 200-row clip with its baselines; every figure written by hand. */
function clip(floor: number, plumbingTotal: number, withBaselines = true): ClipResult {
  const stages: Record<ClipStage, number> = {
    injection: 6,
    extraction: 10,
    cloning: 0,
    sanitizing: 6,
    serializing: 3,
    otherInTab: 1,
    validating: 2,
    messaging: 12,
    idbWrite: 6,
    panelUpdate: 14,
  };
  return {
    rows: 200,
    bytes: 34_000,
    clip: s(60),
    floor: s(floor),
    serialize: s(0.5),
    idbWrite: s(floor - 0.5),
    ratio: 60 / floor,
    longestTask: 0,
    records: 1,
    stages: Object.fromEntries(CLIP_STAGES.map((k) => [k, s(stages[k])])) as Record<ClipStage, Stat>,
    sanitizer: 'native',
    ...(withBaselines
      ? {
          plumbing: {
            total: s(plumbingTotal),
            message: s(2),
            injectAndReturn: s(5),
            put: s(4),
            notice: s(3),
            chars: 34_000,
          },
          bounds: {
            walk: s(0.5),
            sanitize: s(2),
            serialize: s(1.5),
            stringifyAndParse: s(1),
            emptyCall: s(1),
            sanitizer: 'Document.parseHTML',
            cells: 1000,
            jsonChars: 80_000,
            sameRecords: true,
          },
        }
      : {}),
  };
}

describe('the clip against its plumbing and its stage bounds (bench report)', () => {
  it('says the target is out of reach when the plumbing and the bounds alone exceed it', () => {
    const why = clipWhy(clip(4, 14), 3)!;
    // Plumbing 14 / floor 4; lowest clip 14 + 0.5 + 2 + 1.5 = 18 ms = 4.5 x the floor.
    expect(why).toContain('14 ms (x3.5 of the floor)');
    expect(why).toContain('no clip through these processes can meet 3x');
    expect(why).toContain('the lowest clip is 18 ms = x4.5');
    // Extraction 10 vs 0.5 and the panel 14 vs 3 are far; the write 6 vs 4 is near; sanitizing 6 vs 2 is neither.
    expect(why).toContain(
      'Far from their bounds (places to go faster, largest gap first): panel update 11 ms over, extraction 9.5 ms over.',
    );
    expect(why).toContain('Near their bounds (within 1.5x): IndexedDB write.');
    expect(why).toContain('cloning + sanitizing 6.0 ms against 2.0 (x3.0, 4.0 ms over)');
  });

  it('names a stage whose native bound alone is past the target', () => {
    const c = clip(4, 14);
    c.bounds!.sanitize = s(20);
    expect(clipWhy(c, 3)).toContain(
      "Alone past 3x of the floor: the page's markup through Document.parseHTML (20 ms, x5.0).",
    );
    expect(clipWhy(clip(4, 14), 3)).not.toContain('Alone past');
  });

  it('blames our own work when the processes leave room for the target', () => {
    const why = clipWhy(clip(20, 30), 3)!;
    expect(why).toContain('what holds it is our own work, not the plumbing');
    expect(why).not.toContain('no clip through these processes');
  });

  it('adds the plumbing and bounds rows under the clip, with the ratios', () => {
    const [plumbing, bounds] = floorRows(clip(4, 14));
    expect(plumbing![3]).toBe('clip x4.3 of plumbing; plumbing x3.5 of floor');
    expect(bounds![1]).toContain('extraction 10 / 0.5 = x20');
    expect(bounds![3]).toBe('lowest clip from these bounds 18 ms = x4.5 of floor; ours x3.3 of it');
  });

  it('keeps the earlier reason for results measured before the baselines', () => {
    const old = clip(4, 14, false);
    expect(floorRows(old)).toEqual([]);
    expect(clipWhy(old, 3)).toBeUndefined();
    const notes = targetNotes([{ name: 'clip 200 ratio', met: false, detail: 'x15.0 of floor (target <= 3x)' }], [old]);
    expect(notes).toContain('What holds each size now: at 200 rows the fixed costs of three processes');
  });
});
