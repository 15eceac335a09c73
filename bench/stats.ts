export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

export const fmtMs = (s: Stat) =>
  `${s.median.toFixed(s.median < 10 ? 1 : 0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
export const fmtMb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
export const fmtKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
