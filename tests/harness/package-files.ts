import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { CdpPage } from './cdp-page';

/** Extracts a zip with Info-ZIP's unzip (the reader a doctor's Linux box would use). */
export function extract(zipPath: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sl-pkg-'));
  execFileSync('unzip', ['-q', zipPath, '-d', dir]);
  return dir;
}

/**
 * Opens `page` (a file in an extracted package) in a context with JavaScript disabled, as a doctor
 * double-clicking it with scripts blocked would, and returns the links whose targets do not exist.
 */
export async function brokenLinks(
  browser: Browser,
  root: string,
  page: string,
): Promise<{ checked: number; broken: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const tab = await context.newPage();
    const url = pathToFileURL(join(root, page)).href;
    await tab.goto(url);
    const hrefs = await tab.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const broken: string[] = [];
    for (const href of hrefs) {
      const target = new URL(href, url);
      if (target.protocol !== 'file:') {
        broken.push(`${href} (not a file in the package)`);
        continue;
      }
      const path = fileURLToPath(target);
      if (!path.startsWith(resolve(root)) || !existsSync(path)) broken.push(href);
      else if (target.hash && path.endsWith('.html') === false && path.endsWith('.HTM') === false) broken.push(href);
      else if (target.hash) {
        const id = decodeURIComponent(target.hash.slice(1));
        if (!readFileSync(path, 'utf8').includes(`id="${id}"`)) broken.push(`${href} (no such anchor)`);
      }
    }
    return { checked: hrefs.length, broken };
  } finally {
    await context.close();
  }
}

/** Hands a file to an <input type=file> in the panel, as choosing it in the file picker would. */
export async function chooseFile(panel: CdpPage, selector: string, path: string): Promise<void> {
  const { root } = await panel.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
  const { nodeId } = await panel.send<{ nodeId: number }>('DOM.querySelector', { nodeId: root.nodeId, selector });
  if (!nodeId) throw new Error(`no ${selector} in the panel`);
  await panel.send('DOM.setFileInputFiles', { nodeId, files: [path] });
}
