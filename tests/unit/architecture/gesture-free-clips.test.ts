// @vitest-environment node
// Tests that clip a tab without the user's gesture (a `clip/*` message sent from a script, or a tab other
// than the one whose toolbar button was clicked) can only work where the host is pre-granted: the test
// build. They must never run against the release build, whose manifest pre-grants nothing
// (tests/e2e/release-build.e2e.test.ts), or they would pass by granting what a user never grants.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const HARNESS = join(ROOT, 'tests/harness');

/** Written by hand: a new gesture-free clip test must be added here on purpose, and is then checked below. */
const CLIPS_WITHOUT_GESTURE = [
  'tests/e2e/chromium-menu-shortcut.e2e.test.ts',
  'tests/e2e/firefox-capture.e2e.test.ts',
  'tests/e2e/firefox-embedded.e2e.test.ts',
  'tests/e2e/firefox-skeleton.e2e.test.ts',
  'tests/e2e/trust-firefox.e2e.test.ts',
  'tests/e2e/trust-messages.e2e.test.ts',
  'tests/faults/crash.fault.test.ts',
  'tests/faults/firefox.fault.test.ts',
];

function files(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files(path, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

const harness = files(HARNESS).map((path) => readFileSync(path, 'utf8'));
/** Harness functions that send a clip message themselves (e.g. clipTabsAtOnce). */
const clippingHelpers = harness.flatMap((text) =>
  [...text.matchAll(/export (?:async )?function (\w+)\([^]*?\n\}/g)]
    .filter((m) => /type: 'clip\/(?:tab|preview|save)'/.test(m[0]))
    .map((m) => m[1]!),
);
/** Harness launchers that start the test build (and never the release build). */
const testBuildLaunchers = harness.flatMap((text) =>
  [...text.matchAll(/export (?:async )?function (\w+)\([^]*?\n\}/g)]
    .filter((m) => /\btestBuild\(/.test(m[0]) && !/\breleaseBuild\(/.test(m[0]))
    .map((m) => m[1]!),
);

const sources = ['tests/e2e', 'tests/faults', 'tests/tools', 'bench']
  .flatMap((dir) => files(join(ROOT, dir)))
  .map((path) => ({ file: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

const clipsWithoutGesture = (text: string) =>
  /['"`]clip\/(?:tab|preview|save)['"`]/.test(text) ||
  // A menu click or shortcut fired through the extension's own event object carries no activeTab grant.
  /\.(?:onCommand|onClicked)\.dispatch\(/.test(text) ||
  clippingHelpers.some((name) => new RegExp(`\\b${name}\\(`).test(text));

describe('tests that clip without a user gesture', () => {
  it('are the ones listed by name', () => {
    expect(clippingHelpers).toContain('clipTabsAtOnce');
    const found = sources.filter((s) => clipsWithoutGesture(s.text)).map((s) => s.file);
    console.info(`Gesture-free clip tests (test build only): ${found.join(', ')}`);
    expect(found.sort()).toEqual([...CLIPS_WITHOUT_GESTURE].sort());
  });

  it.each(CLIPS_WITHOUT_GESTURE)('%s runs on the test build only', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const launches = [/\btestBuild\(/, ...testBuildLaunchers.map((name) => new RegExp(`\\b${name}\\(`))];
    expect(
      launches.some((re) => re.test(text)),
      `${file} starts no test build`,
    ).toBe(true);
    expect(text).not.toMatch(/\breleaseBuild\(|['"`/]\.output\//);
  });
});
