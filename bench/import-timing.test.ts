// @vitest-environment node
// Not part of the unit suite (vitest only includes tests/unit): run with
// `npx vitest run --config bench/vitest.config.ts` to measure export and import time.
import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { packageEntries } from '../lib/export/package';
import { readPackage } from '../lib/import/package-import';
import { sha256Hex } from '../lib/core/hash';
import { collect, packageInput } from '../tests/unit/helpers/synthetic-case';
import { zipEntries } from '../tests/unit/helpers/zip-build';
import { THIRD_PARTY } from '../tests/harness/shared';

it('times', async () => {
  for (const name of ['zbsm.zip', 'zip-slip.zip']) {
    const file = new Uint8Array(readFileSync(`${THIRD_PARTY}/archives/${name}`));
    const t = performance.now();
    const result = await readPackage(new Blob([file]));
    console.info(`${name}: ${result.ok ? 'ok' : result.error.code} in ${(performance.now() - t).toFixed(1)} ms`);
  }
  const big = new Uint8Array(100 * 1024 * 1024);
  for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
  const input = await packageInput();
  input.attachments!.push({
    id: 'big',
    recordId: 'rec-ct',
    name: 'series.dcm',
    mediaType: 'application/dicom',
    size: big.length,
    sha256: await sha256Hex(big),
    data: big,
  });
  let t = performance.now();
  const zip = await zipEntries(await collect(packageEntries(input)));
  console.info(`export of ${(zip.length / 1048576).toFixed(0)} MB package: ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const result = await readPackage(new Blob([zip as Uint8Array<ArrayBuffer>]));
  console.info(
    `import (all checks, SHA-256 of every file): ${result.ok ? 'ok' : result.error.code} in ${(performance.now() - t).toFixed(0)} ms`,
  );
});
