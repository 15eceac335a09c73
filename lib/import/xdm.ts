import { ImportError } from './import-error';
import { attr, descendants, parseXml, type XmlParser } from './xml';
import { entryNameProblem } from '../zip';
import { readZipDirectory } from './zip-directory';
import { readEntryBytes } from './zip-entry';
import { zipSource } from './zip-source';

/** MyChart's "Download my record" is an IHE XDM zip: IHE_XDM/<subset>/METADATA.XML plus C-CDA documents. */
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

/** The package importer's refusals, worded for the XDM import's message. */
function refusal(error: unknown, limits: ZipLimits): Error {
  if (!(error instanceof ImportError))
    return new ZipRefused(
      `The file is not a readable zip (${error instanceof Error ? error.message : String(error)}).`,
    );
  const detail = error.detail.slice(0, 200);
  switch (error.code) {
    case 'too-many-entries':
      return new ZipRefused(`The zip has more than ${limits.maxEntries} entries.`);
    case 'unsafe-path':
    case 'symlink':
      return new ZipRefused(`The zip holds an unsafe path: ${detail}`);
    case 'compression-ratio':
      return new ZipRefused(`A zip entry is compressed suspiciously well (${detail}).`);
    case 'too-large':
      return new ZipRefused('The zip expands to more than the allowed size.');
    default:
      return new ZipRefused(`The file is not a readable zip (${error.code}: ${detail}).`);
  }
}

/**
 * The C-CDA documents of an XDM zip. The central directory is vetted as for our own packages (paths,
 * links, overlaps, ratios) and sizes are checked before anything is inflated; each entry is inflated
 * into a buffer of its declared size, so a bomb fails fast.
 */
export async function readXdm(
  zip: Uint8Array,
  parse: XmlParser,
  limits: ZipLimits = XDM_LIMITS,
): Promise<XdmDocument[]> {
  return (await readXdmPackage(zip, parse, limits)).documents;
}

/** The documents of an XDM zip, and the ones METADATA.XML lists that the zip does not hold. */
export interface XdmPackage {
  documents: XdmDocument[];
  /** Paths METADATA.XML names (`IHE_XDM/SUBSET01/DOC0002.XML`) with no entry in the zip. */
  missing: string[];
}

export async function readXdmPackage(
  zip: Uint8Array,
  parse: XmlParser,
  limits: ZipLimits = XDM_LIMITS,
): Promise<XdmPackage> {
  const source = zipSource(zip);
  const files: Record<string, Uint8Array> = {};
  const entryNames = new Set<string>();
  try {
    const entries = await readZipDirectory(source, {
      maxEntries: limits.maxEntries,
      // Only the documents we read count towards the total (below); other entries are never inflated.
      maxTotalBytes: Number.MAX_SAFE_INTEGER,
      maxRatio: limits.maxRatio,
      ratioMinBytes: 1025,
    });
    for (const e of entries) entryNames.add(e.name.toLowerCase());
    const wanted = entries.filter((e) => !e.directory && XDM_PATH.test(e.name) && /\.xml$/i.test(e.name));
    if (wanted.reduce((n, e) => n + e.size, 0) > limits.maxTotalBytes)
      throw new ZipRefused('The zip expands to more than the allowed size.');
    for (const entry of wanted) files[entry.name] = await readEntryBytes(source, entry);
  } catch (error) {
    throw error instanceof ZipRefused ? error : refusal(error, limits);
  }
  const metadata = Object.keys(files).filter((n) => /\/METADATA\.XML$/i.test(n));
  if (metadata.length === 0) {
    throw new ZipRefused(
      'This zip is not an IHE XDM package (no IHE_XDM/<folder>/METADATA.XML). Export "Download my record" from the portal.',
    );
  }
  const decoder = new TextDecoder('utf-8');
  const documents: XdmDocument[] = [];
  const missing: string[] = [];
  for (const meta of metadata) {
    const folder = meta.slice(0, meta.lastIndexOf('/') + 1);
    // METADATA.XML names the documents in URI slots; fall back to every XML file of the subset.
    const listed = documentUris(decoder.decode(files[meta]!), parse).map((uri) => folder + uri);
    const candidates =
      listed.length > 0 ? listed : Object.keys(files).filter((n) => n.startsWith(folder) && n !== meta);
    for (const path of candidates) {
      const key = Object.keys(files).find((n) => n.toLowerCase() === path.toLowerCase());
      if (!key && !entryNames.has(path.toLowerCase())) {
        // Listed but absent: said, never skipped silently (the other documents are still read).
        missing.push(path);
        continue;
      }
      if (!key) continue; // listed and present, but not XML (a PDF or image rendition)
      const xml = decoder.decode(files[key]!);
      if (/<(\w+:)?ClinicalDocument\b/.test(xml.slice(0, 20_000))) documents.push({ path: key, xml });
    }
  }
  return { documents, missing };
}

function documentUris(metadataXml: string, parse: XmlParser): string[] {
  try {
    const root = parseXml(metadataXml, parse);
    return descendants(root, 'Slot')
      .filter((slot) => attr(slot, 'name') === 'URI')
      .flatMap((slot) => descendants(slot, 'Value').map((v) => (v.childNodes[0]?.nodeValue ?? '').trim()))
      .filter((uri) => uri && entryNameProblem(uri) === undefined && !uri.includes('/'));
  } catch {
    return []; // Unreadable metadata: the subset's XML files are still worth trying.
  }
}
