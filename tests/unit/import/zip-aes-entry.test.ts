// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../lib/import/import-error';
import { aesEntryReader } from '../../../lib/import/zip-aes-entry';
import { readZipDirectory } from '../../../lib/import/zip-directory';
import { zipSource } from '../../../lib/import/zip-source';

const PASSWORD = 'correct horse battery staple';
const report = 'Chest X-ray: no acute findings. '.repeat(2000);
const scan = new Uint8Array(randomBytes(300_000));

/** An AES-256 zip written by zip.js (the reference implementation we used to ship), deflated and stored entries. */
async function zipJsArchive(): Promise<Uint8Array> {
  const writer = new ZipWriter(new BlobWriter('application/zip'), {
    password: PASSWORD,
    encryptionStrength: 3,
    useWebWorkers: false,
  });
  await writer.add('records/report.txt', new TextReader(report), { level: 6 });
  await writer.add('records/scan.dcm', new Uint8ArrayReader(scan), { level: 0 });
  return new Uint8Array(await (await writer.close()).arrayBuffer());
}

async function readAll(zip: Uint8Array, password: string) {
  const entries = await readZipDirectory(zipSource(zip), undefined, { allowEncrypted: true });
  const reader = await aesEntryReader(zip, password);
  const out = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const chunks: Uint8Array[] = [];
    await reader.read(entry, (c) => chunks.push(c.slice()));
    out.set(entry.name, new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer()));
  }
  return out;
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof ImportError ? error.code : String(error)),
  );

describe('reading WinZip AES entries', () => {
  it('decrypts what zip.js wrote, deflated and stored', async () => {
    const files = await readAll(await zipJsArchive(), PASSWORD);
    expect(new TextDecoder().decode(files.get('records/report.txt'))).toBe(report);
    expect(files.get('records/scan.dcm')).toEqual(scan);
  });

  it('refuses a wrong password by the verifier, before decrypting', async () => {
    expect(await code(readAll(await zipJsArchive(), 'not the password'))).toBe('wrong-password');
  });

  it('refuses an entry whose ciphertext or authentication code was altered', async () => {
    const zip = await zipJsArchive();
    const entries = await readZipDirectory(zipSource(zip), undefined, { allowEncrypted: true });
    const scanEntry = entries.find((e) => e.name === 'records/scan.dcm')!;
    // A flipped ciphertext byte in a stored entry still decrypts to the right size: only the HMAC notices.
    const flipped = zip.slice();
    flipped[scanEntry.dataOffset + 18 + 1000]! ^= 1;
    expect(await code(readAll(flipped, PASSWORD))).toBe('corrupt');
    const badCode = zip.slice();
    badCode[scanEntry.dataOffset + scanEntry.compressedSize - 1]! ^= 1;
    expect(await code(readAll(badCode, PASSWORD))).toBe('corrupt');
  });
});
