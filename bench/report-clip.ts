/** Section 1's rows: each clip with its floor, its stages, and (when measured) its baselines. */
import { CLIP_STAGES, type ClipResult, type ClipStage } from './clip-stages';
import { floorRows } from './report-floors';
import { fmtKb, fmtMs } from './stats';

type Row = [string, string, string, string];
export type Target = (name: string, met: boolean, detail: string) => string;

export const STAGE_NAMES: Record<ClipStage, string> = {
  injection: 'script injection',
  extraction: 'extraction',
  cloning: 'cloning',
  sanitizing: 'sanitizing',
  serializing: 'serializing (markup, text, JSON both ways)',
  otherInTab: 'other in the tab',
  validating: 'validating',
  messaging: 'messaging',
  idbWrite: 'IndexedDB write',
  panelUpdate: 'panel update',
};

export function clipRows(clips: ClipResult[], target: Target): Row[] {
  const rows: Row[] = [];
  for (const c of clips) {
    const limit = c.rows <= 200 ? 3 : 5;
    const marked = clips.find((m) => m.rows === c.rows && !m.bare);
    const name = `${c.rows}${c.bare ? ' bare' : ''}`;
    if (c.bare && marked) {
      const ratio = c.clip.median / marked.clip.median;
      rows.push([
        `1. clip ${c.rows.toLocaleString('en')} rows, no header row, no class names, no portal marks (${fmtKb(c.bytes)})`,
        fmtMs(c.clip),
        `the same rows as the portal writes them (adapter's table path) ${fmtMs(marked.clip)}`,
        target(
          `clip ${name} reading by content`,
          ratio <= 1.5,
          `x${ratio.toFixed(2)} of the table path (target <= 1.5x)`,
        ),
      ]);
    } else
      rows.push([
        `1. clip ${c.rows.toLocaleString('en')} rows (${fmtKb(c.bytes)})`,
        fmtMs(c.clip),
        `floor ${fmtMs(c.floor)} = serialise ${c.serialize.median.toFixed(1)} + IDB write ${c.idbWrite.median.toFixed(1)}`,
        target(
          `clip ${c.rows} ratio`,
          c.ratio <= limit,
          `x${c.ratio.toFixed(1)} of floor (target <= ${limit}x${c.rows > 200 && c.rows < 50000 ? ': none stated between 200 and 50,000 rows, 5x used' : ''})`,
        ),
      ]);
    if (c.stages) {
      const st = c.stages;
      const parts = CLIP_STAGES.map((k) => `${STAGE_NAMES[k]} ${st[k].median.toFixed(1)}`).join(' + ');
      const heaviest = [...CLIP_STAGES].sort((a, b) => st[b].median - st[a].median)[0]!;
      rows.push([
        `   stages, ${c.rows} rows${c.bare ? ', bare page' : ''} (medians, ms; ${c.sanitizer ?? '?'} sanitizer)`,
        parts,
        `largest: ${STAGE_NAMES[heaviest]} x${(st[heaviest].median / c.floor.median).toFixed(1)} of floor`,
        '-',
      ]);
    }
    rows.push([
      `   longest panel task, ${c.rows} rows${c.bare ? ', bare page' : ''}`,
      `${c.longestTask.toFixed(0)} ms`,
      '-',
      target(`clip ${name} long task`, c.longestTask <= 100, `${c.longestTask.toFixed(0)} ms (target <= 100 ms)`),
    ]);
    rows.push(...floorRows(c));
  }
  return rows;
}
