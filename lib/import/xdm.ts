import { type UnzipFileInfo, unzipSync } from 'fflate';
import { attr, descendants, parseXml } from './xml';

/** Issue 3: MyChart's "Download my record" is an IHE XDM zip: IHE_XDM/<subset>/METADATA.XML plus C-CDA documents. */
export interface XdmDocument {
  /** Path inside the zip, e.g. `IHE_XDM/SUBSET01/DOC0001.XML`. */
  path: string;
  xml: string;
}

export class ZipRefused extends Error {
  override name = 'ZipRefused';
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of the entries we read. */
  maxTotalBytes: number;
  /** Uncompressed / compressed; text compresses ~10x, bombs by thousands. */
  maxRatio: number;
}

export const XDM_LIMITS: ZipLimits = { maxEntries: 2000, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 200 };

const XDM_PATH = /^IHE_XDM\/[^/]+\/[^/]+$/i;
const unsafeName = (name: string) =>
  name.startsWith('/') || /(^|[\\/])\.\.([\\/]|$)/.test(name) || /^[a-z]:/i.test(name) || name.includes('\\');

/**
 * The C-CDA documents of an XDM zip. Sizes are checked against the central directory before anything is
 * inflated, and fflate inflates each entry into a buffer of its declared size, so a bomb fails fast.
 */
export function readXdm(zip: Uint8Array, limits: ZipLimits = XDM_LIMITS): XdmDocument[] {
  const names: string[] = [];
  let total = 0;
  let entries = 0;
  const check = (file: UnzipFileInfo): boolean => {
    entries++;
    if (entries > limits.maxEntries) throw new ZipRefused(`The zip has more than ${limits.maxEntries} entries.`);
    if (unsafeName(file.name)) throw new ZipRefused(`The zip holds an unsafe path: ${file.name.slice(0, 200)}`);
    names.push(file.name);
    const wanted = XDM_PATH.test(file.name) && /\.xml$/i.test(file.name);
    if (!wanted) return false;
    total += file.originalSize;
    if (total > limits.maxTotalBytes) throw new ZipRefused('The zip expands to more than the allowed size.');
    if (file.originalSize > 1024 && file.originalSize / Math.max(file.size, 1) > limits.maxRatio) {
      throw new ZipRefused(`A zip entry is compressed suspiciously well (${file.name.slice(0, 200)}).`);
    }
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, { filter: check });
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    throw new ZipRefused(`The file is not a readable zip (${error instanceof Error ? error.message : String(error)}).`);
  }
  const metadata = Object.keys(files).filter((n) => /\/METADATA\.XML$/i.test(n));
  if (metadata.length === 0) {
    throw new ZipRefused(
      'This zip is not an IHE XDM package (no IHE_XDM/<folder>/METADATA.XML). Export "Download my record" from the portal.',
    );
  }
  const decoder = new TextDecoder('utf-8');
  const documents: XdmDocument[] = [];
  for (const meta of metadata) {
    const folder = meta.slice(0, meta.lastIndexOf('/') + 1);
    // METADATA.XML names the documents in URI slots; fall back to every XML file of the subset.
    const listed = documentUris(decoder.decode(files[meta]!)).map((uri) => folder + uri);
    const candidates =
      listed.length > 0 ? listed : Object.keys(files).filter((n) => n.startsWith(folder) && n !== meta);
    for (const path of candidates) {
      const key = Object.keys(files).find((n) => n.toLowerCase() === path.toLowerCase());
      if (!key) continue;
      const xml = decoder.decode(files[key]!);
      if (/<(\w+:)?ClinicalDocument\b/.test(xml.slice(0, 20_000))) documents.push({ path: key, xml });
    }
  }
  return documents;
}

function documentUris(metadataXml: string): string[] {
  try {
    const root = parseXml(metadataXml);
    return descendants(root, 'Slot')
      .filter((slot) => attr(slot, 'name') === 'URI')
      .flatMap((slot) => descendants(slot, 'Value').map((v) => (v.childNodes[0]?.nodeValue ?? '').trim()))
      .filter((uri) => uri && !unsafeName(uri) && !uri.includes('/'));
  } catch {
    return []; // Unreadable metadata: the subset's XML files are still worth trying.
  }
}
