// Reads PDFs with poppler (pdftotext, pdfinfo): real PDF software, independent of the writer under test.
// tests/tools/ensure-browsers.sh installs poppler-utils; a unit test fails loudly rather than skip without it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PopplerResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[], pdf: Uint8Array): PopplerResult {
  const dir = mkdtempSync(join(tmpdir(), 'second-look-pdf-'));
  try {
    const file = join(dir, 'summary.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
    if (run.error)
      throw new Error(`${tool} not runnable (${run.error.message}): run bash tests/tools/ensure-browsers.sh`);
    return { stdout: run.stdout, stderr: run.stderr, status: run.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page text as `pdftotext -layout` lays it out; pages are separated by form feeds. */
export const pdftotext = (pdf: Uint8Array) => poppler('pdftotext', ['-layout'], pdf);

export const pdfinfo = (pdf: Uint8Array) => poppler('pdfinfo', [], pdf);
