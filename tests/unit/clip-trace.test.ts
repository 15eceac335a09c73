import { beforeEach, describe, expect, it } from 'vitest';
import { CLIP_STAGES, clipStages } from '../../bench/clip-stages';
import { createCase } from '../../lib/case/cases';
import { clipTab, type ClipDeps } from '../../lib/clip/clip';
import { ClipTrace } from '../../lib/clip/clip-trace';
import { CaseDb } from '../../lib/core/db';
import { capturedRecord } from './factories';

let db: CaseDb;
let caseId: string;
beforeEach(async () => {
  db = new CaseDb(`clip-trace-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Case')).id;
});

const inTab = { extract: 40, clone: 5, sanitize: 30, serialize: 12, total: 95, sanitizer: 'native' as const };
const deps = (raw: unknown): ClipDeps => ({
  db,
  activeCaseId: async () => caseId,
  tabUrl: async () => 'https://portal.example.org/MyChart/results',
  runCapture: async (_tab, _selection, timing) => {
    timing.injection = 7;
    return raw;
  },
});

describe('the clip trace (where a clip spends its time)', () => {
  it('records every extension-side stage of a clip, and the timings the tab sent', async () => {
    const trace: ClipTrace = { startedAt: 1 };
    const raw = JSON.stringify({ ok: true, records: [capturedRecord()], warnings: [], timings: inTab });
    expect(await clipTab(deps(raw), 1, false, trace)).toMatchObject({ ok: true });
    expect(ClipTrace.safeParse(trace).success).toBe(true);
    expect(trace.injection).toBe(7);
    expect(trace.inTab).toEqual(inTab);
    for (const stage of ['setup', 'captureCall', 'decode', 'validate', 'transfer', 'write'] as const)
      expect(trace[stage]).toBeGreaterThanOrEqual(0);
    expect(trace.writtenAt).toBeGreaterThan(0);
  });

  it('refuses timings that are not durations (the tab is untrusted)', async () => {
    const raw = JSON.stringify({
      ok: true,
      records: [capturedRecord()],
      warnings: [],
      timings: { ...inTab, sanitize: -1 },
    });
    expect(await clipTab(deps(raw), 1, false, { startedAt: 1 })).toEqual({ ok: false, error: 'invalid-page-data' });
  });

  it("splits a clip into stages that add up to the panel's click-to-shown time", () => {
    const trace: ClipTrace = {
      startedAt: 1_000,
      setup: 1,
      injection: 6,
      captureCall: 100,
      decode: 2,
      validate: 3,
      transfer: 0,
      write: 9,
      writtenAt: 1_130,
      inTab,
    };
    const stages = clipStages(995, 1_150, trace);
    expect(Object.keys(stages).sort()).toEqual([...CLIP_STAGES].sort());
    const sum = Object.values(stages).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(155, 6);
    expect(stages).toMatchObject({
      injection: 6,
      extraction: 40,
      cloning: 5,
      sanitizing: 30,
      serializing: 14,
      otherInTab: 8,
      validating: 3,
      idbWrite: 9,
      panelUpdate: 20,
    });
    // What the measured stages leave: the panel's message, look-ups and the executeScript round trip.
    expect(stages.messaging).toBeCloseTo(20, 6);
  });
});
