// Golden files are written by hand or by the code under test only on request (UPDATE_GOLDEN=1), and a
// rewrite never passes silently: the run that changes a golden file fails and prints the diff, so a
// person reviews it (and commits it) before the next run, without UPDATE_GOLDEN, can pass.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** A line diff (`-` old, `+` new, two lines of context), from the longest common subsequence of the changed middle. */
export function lineDiff(before: string, after: string, context = 2): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length * y.length > 25_000_000) return [...x.map((l) => `- ${l}`), ...y.map((l) => `+ ${l}`)].join('\n'); // too large for LCS: show both
  const lcs = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const lines: string[] = a.slice(Math.max(0, start - context), start).map((l) => `  ${l}`);
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      lines.push(`  ${x[i]}`);
      i++;
      j++;
    } else if (i < x.length && (j === y.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) lines.push(`- ${x[i++]}`);
    else lines.push(`+ ${y[j++]}`);
  }
  lines.push(...a.slice(endA, endA + context).map((l) => `  ${l}`));
  return `@@ line ${start + 1} @@\n${lines.join('\n')}`;
}

/**
 * With UPDATE_GOLDEN=1, writes `actual` to `path`; when that changes the file, throws with the diff for
 * review. Without it, does nothing (the caller compares against the file as it is).
 */
export function updateGolden(path: string, actual: unknown): void {
  if (!UPDATE_GOLDEN) return;
  const next = `${JSON.stringify(actual, null, 2)}\n`;
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (previous === next) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, next);
  throw new Error(
    `UPDATE_GOLDEN rewrote ${path}. Review this diff against the source document (the expected values must ` +
      `be right, not merely what the code produces now), commit it, and run again without UPDATE_GOLDEN:\n` +
      lineDiff(previous, next),
  );
}
