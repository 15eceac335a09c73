// @vitest-environment happy-dom
// Not part of the unit suite: `npx vitest run --config bench/vitest.config.ts bench/timeline.test.ts`.
// The case timeline at 100 and 10,000 records: building it (lib/case/timeline.ts), the panel's first render
// (TimelineView, one page of 100 entries), filtering to one kind, and INDEX.HTM's timeline section.
import { render } from 'preact';
import { it } from 'vitest';
import { TimelineView } from '../components/TimelineView';
import { I18n } from '../components/i18n';
import { caseTimeline, filterTimeline } from '../lib/case/timeline';
import type { CaseRecord } from '../lib/core/model';
import { PACKAGE_TEXT_EN } from '../lib/export/package-text-en';
import { timelineHtml } from '../lib/export/timeline-html';
import { translate } from '../tests/unit/components/render';
import { caseRecord, labRecord } from '../tests/unit/fixtures/records';

/** A mixed case: results, reports, notes, medication lists and visits, dated across three years. */
function syntheticCase(count: number): CaseRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 1000) * 86_400_000).toISOString().slice(0, 10);
    switch (i % 5) {
      case 0:
        return labRecord(`r${i}`, day, [
          { test: 'Glucose', value: String(80 + (i % 60)), unit: 'mg/dL' },
          { test: 'Hemoglobin', value: '13.1', unit: 'g/dL' },
        ]);
      case 1:
        return caseRecord({ id: `r${i}`, kind: 'imaging', title: `CT chest ${i}`, clinicalDate: day });
      case 2:
        return caseRecord({ id: `r${i}`, kind: 'note', title: `Office visit note ${i}`, clinicalDate: day });
      case 3:
        return caseRecord({
          id: `r${i}`,
          kind: 'medication',
          title: 'Medications',
          clinicalDate: day,
          structured: {
            type: 'medications',
            medications: [
              { name: `Drug ${i}`, dose: '10 mg', startDate: day },
              { name: `Old drug ${i}`, status: 'stopped' },
            ],
          },
        });
      default:
        return caseRecord({
          id: `r${i}`,
          kind: 'encounter',
          title: 'Visits',
          clinicalDate: day,
          structured: { type: 'encounters', encounters: [{ type: 'Office visit', date: day, provider: 'Dr. A' }] },
        });
    }
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const range = (values: number[]) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

it('times the timeline at 100 and 10,000 records', () => {
  const sizes = [100, 10_000];
  const cases = new Map(sizes.map((n) => [n, syntheticCase(n)]));
  const times = new Map(
    sizes.map((n) => [
      n,
      { build: [] as number[], render: [] as number[], filter: [] as number[], html: [] as number[], entries: 0 },
    ]),
  );
  const host = document.createElement('div');
  document.body.append(host);
  // Interleaved runs, the first of each thrown away (warm-up).
  for (let runIndex = 0; runIndex < 6; runIndex++) {
    for (const n of sizes) {
      const t = times.get(n)!;
      let at = performance.now();
      const entries = caseTimeline(cases.get(n)!);
      const built = performance.now() - at;
      at = performance.now();
      render(
        <I18n.Provider value={translate}>
          <TimelineView entries={entries} />
        </I18n.Provider>,
        host,
      );
      const rendered = performance.now() - at;
      if (host.querySelectorAll('[data-testid="timeline-entry"]').length !== Math.min(100, entries.length))
        throw new Error('first page not rendered');
      at = performance.now();
      filterTimeline(entries, new Set(['result']));
      const filtered = performance.now() - at;
      at = performance.now();
      timelineHtml(entries, (id) => `records/${id}/record.html`, PACKAGE_TEXT_EN);
      const html = performance.now() - at;
      render(null, host);
      if (runIndex === 0) continue;
      t.build.push(built);
      t.render.push(rendered);
      t.filter.push(filtered);
      t.html.push(html);
      t.entries = entries.length;
    }
  }
  for (const n of sizes) {
    const t = times.get(n)!;
    console.info(
      `timeline ${n} records (${t.entries} entries): build ${median(t.build).toFixed(1)} ms (${range(t.build)}), ` +
        `first render ${median(t.render).toFixed(1)} ms (${range(t.render)}), filter to one kind ${median(t.filter).toFixed(2)} ms, ` +
        `INDEX.HTM section ${median(t.html).toFixed(1)} ms (${range(t.html)})`,
    );
  }
});
