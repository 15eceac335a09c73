import { sparklinePoints } from '../lib/labs/lab-trends';

const WIDTH = 80;
const HEIGHT = 24;

/** A tiny trend line of the numeric values, out-of-range points drawn as filled dots. Decorative:
 * the table beside it carries every value, so screen readers get the numbers, not the drawing. */
export function Sparkline({ values, outOfRange }: { values: number[]; outOfRange: boolean[] }) {
  if (values.length < 2) return null;
  const points = sparklinePoints(values, WIDTH, HEIGHT, 3);
  return (
    <svg
      class="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
      focusable="false"
    >
      <polyline
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        points={points.map((p) => `${p.x},${p.y}`).join(' ')}
      />
      {points.map((p, i) => (
        <circle
          key={i}
          cx={p.x}
          cy={p.y}
          r={outOfRange[i] ? 3 : 1.5}
          class={outOfRange[i] ? 'out' : undefined}
          fill="currentColor"
        />
      ))}
    </svg>
  );
}
