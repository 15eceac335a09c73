/**
 * Diagnostic, not part of `npm run bench`: `tsx bench/profile-clip.ts [ROWS]` clips one generated page
 * through the real panel with the CPU profiler on in the service worker, the portal tab and the panel,
 * and prints where the time went (self time by function).
 */
import { benchBuild } from './build-dir';
import { CdpPage } from '../tests/harness/cdp-page';
import { launchChromium } from '../tests/harness/chromium';
import { startDemoPortal } from '../tests/harness/portal-server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function top(label: string, profile: Profile, n = Number(process.env.SL_PROFILE_TOP ?? 15)) {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const busy = [...self.entries()]
    .filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'))
    .reduce((a, [, v]) => a + v, 0);
  console.warn(`\n${label}: ${busy.toFixed(0)} ms busy`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.warn(`${v.toFixed(1).padStart(8)} ms  ${k}`);
}

const rows = Number(process.argv[2] ?? '5000');
const portal = await startDemoPortal();
const run = await launchChromium({ extensionDir: benchBuild() });
try {
  const page = run.context.pages()[0] ?? (await run.context.newPage());
  await page.goto(`${portal.origin}/generated/labs.html?rows=${rows}`);
  const panel = await run.openPanel(page);
  await panel.fill('[data-testid="case-new-title"]', 'profile');
  await panel.click('[data-testid="case-create"]');
  await panel.waitForSelector('[data-testid="case-select"]');
  await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
  const { targetInfos } = (await run.cdp.send('Target.getTargets')) as {
    targetInfos: { type: string; url: string; targetId: string }[];
  };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(run.extensionId))!;
  const list = (await (await fetch(`http://127.0.0.1:${await devtoolsPort(run)}/json/list`)).json()) as {
    id: string;
    webSocketDebuggerUrl: string;
  }[];
  const swPage = await CdpPage.connect(list.find((t) => t.id === sw.targetId)!.webSocketDebuggerUrl);
  const tab = await run.context.newCDPSession(page);
  for (const s of [swPage, panel]) {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
  }
  await tab.send('Profiler.enable');
  await tab.send('Profiler.setSamplingInterval', { interval: 200 });
  await tab.send('Profiler.start');
  const t0 = Date.now();
  await panel.click('[data-testid="clip-page"]');
  await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length > 0, [], 180_000);
  console.warn(`clip of ${rows} rows shown after ~${Date.now() - t0} ms`);
  top('service worker', (await swPage.send<{ profile: Profile }>('Profiler.stop')).profile);
  top('portal tab', ((await tab.send('Profiler.stop')) as unknown as { profile: Profile }).profile);
  top('panel', (await panel.send<{ profile: Profile }>('Profiler.stop')).profile);
  swPage.close();
  panel.close();
} finally {
  await run.close();
  await portal.close();
}

async function devtoolsPort(r: typeof run): Promise<string> {
  const { readFileSync } = await import('node:fs');
  return readFileSync(`${r.userDataDir}/DevToolsActivePort`, 'utf8').split('\n')[0]!;
}
