// Section 1's breakdown: where a clip's time goes inside the portal tab, measured with the capture's own
// code on the same page as the floor, so the report can say which part of the ratio is the sanitizer.
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import type { StageTimes } from './clip-stages-page';

export type { StageTimes };

let bundle: Promise<string> | undefined;

/** The stage script, bundled once per run from lib/ (esbuild is the bundler tsx and Vite already bring). */
function stageScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./clip-stages-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    logLevel: 'silent',
  }).then((out) => out.outputFiles[0]!.text);
  return bundle;
}

/** Runs the stages once in `page` (evaluated over CDP, so the portal's CSP does not apply). */
export async function measureStages(page: Page): Promise<StageTimes> {
  const script = await stageScript();
  return (await page.evaluate(`(() => { ${script}; return globalThis.slClipStages(); })()`)) as StageTimes;
}
