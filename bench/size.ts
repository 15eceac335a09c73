/**
 * Section 5: bytes shipped per build, and which module every byte of the Chrome build's JavaScript
 * comes from (decoded from the source maps of a build made with SECOND_LOOK_SOURCEMAP=1, which is the
 * same minified output plus maps).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BuildSize {
  build: string;
  js: number;
  css: number;
  other: number;
  total: number;
  zipped: number | null;
  files: { path: string; bytes: number }[];
  /** JS bytes each context loads before doing anything: its entry file plus everything it imports statically. */
  loads: { background: number; panel: number; capture: number; lazy: number };
  /** What one clip injects into the tab, by kind of page: every file, summed (entrypoints/background.ts). */
  injected: InjectedPerClip[];
}

export interface InjectedPerClip {
  page: string;
  files: string[];
  bytes: number;
}

/**
 * The files the background injects per clip, by what the page needs: capture.js always; the parts for
 * frames, canvases, shadow roots, embedded documents and images when the page has any; the families' readers when
 * detection names a family with a reader of its own; the file fetcher when the page links or embeds
 * files; DOMPurify where the HTML Sanitizer API is missing. The first kind is the size goal's.
 */
export const INJECTED_KINDS: { page: string; files: string[] }[] = [
  { page: 'plain results page (no known family, no frames, embeds or images, no files)', files: ['capture.js'] },
  { page: 'page of a recognised portal family', files: ['capture.js', 'capture-portals.js'] },
  { page: 'page with frames, canvases, shadow roots, embeds or images', files: ['capture.js', 'capture-frames.js'] },
  { page: 'page with files to fetch', files: ['capture.js', 'capture-files.js'] },
  {
    page: 'portal family page with frames or embeds and files (the most)',
    files: ['capture.js', 'capture-frames.js', 'capture-portals.js', 'capture-files.js'],
  },
  {
    page: 'the most, without the HTML Sanitizer API (purify.js)',
    files: ['capture.js', 'purify.js', 'capture-frames.js', 'capture-portals.js', 'capture-files.js'],
  },
];

function injectedOf(files: { path: string; bytes: number }[]): InjectedPerClip[] {
  const size = new Map(files.map((f) => [f.path, f.bytes]));
  return INJECTED_KINDS.filter((kind) => kind.files.every((f) => size.has(f))).map((kind) => ({
    ...kind,
    bytes: kind.files.reduce((n, f) => n + size.get(f)!, 0),
  }));
}

/** Static `import ... from "./x.js"` targets of a built module, as paths relative to the build root. */
function staticImports(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return [
    ...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g),
  ].map((m) => new URL(m[1]!, `file:///${base}`).pathname.slice(1));
}

function closure(dir: string, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(dir, file))) return;
    seen.add(file);
    staticImports(dir, file).forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

/** Which JS loads when: at browser start (background), when the panel opens, per clip, later (dynamic imports). */
function loadsOf(dir: string, files: { path: string; bytes: number }[]): BuildSize['loads'] {
  const bytes = (set: Set<string>) => files.filter((f) => set.has(f.path)).reduce((n, f) => n + f.bytes, 0);
  const panelHtml = existsSync(join(dir, 'sidepanel.html')) ? readFileSync(join(dir, 'sidepanel.html'), 'utf8') : '';
  const panelRoots = [...panelHtml.matchAll(/src="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const background = closure(dir, ['background.js']);
  const panel = closure(dir, panelRoots);
  // Per clip: capture.js and the files injected after it when the page needs them (INJECTED_KINDS).
  const capture = closure(dir, ['capture.js', 'capture-frames.js', 'capture-portals.js', 'capture-files.js']);
  const all = new Set(files.filter((f) => /\.m?js$/.test(f.path)).map((f) => f.path));
  const lazy = new Set([...all].filter((f) => !background.has(f) && !panel.has(f) && !capture.has(f)));
  return { background: bytes(background), panel: bytes(panel), capture: bytes(capture), lazy: bytes(lazy) };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function buildSize(dir: string, zipFile: string | null, build: string): BuildSize {
  const files = walk(dir)
    .filter((p) => !p.endsWith('.map'))
    .map((p) => ({ path: relative(dir, p), bytes: statSync(p).size }));
  const sum = (re: RegExp) => files.filter((f) => re.test(f.path)).reduce((n, f) => n + f.bytes, 0);
  const js = sum(/\.m?js$/);
  const css = sum(/\.css$/);
  const total = files.reduce((n, f) => n + f.bytes, 0);
  return {
    build,
    js,
    css,
    other: total - js - css,
    total,
    zipped: zipFile && existsSync(zipFile) ? statSync(zipFile).size : null,
    files,
    loads: loadsOf(dir, files),
    injected: injectedOf(files),
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one line of source-map mappings into [generatedColumn, sourceIndex | -1] pairs. */
function decodeLine(line: string, state: { source: number }): [number, number][] {
  const out: [number, number][] = [];
  let col = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
      const digit = B64_INDEX.get(ch)!;
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    col += values[0]!;
    if (values.length >= 4) {
      state.source += values[1]!;
      out.push([col, state.source]);
    } else out.push([col, -1]);
  }
  return out;
}

/** node_modules/<pkg>/... -> pkg; app code -> its top folder. */
export function ownerOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/^\/?/, '');
  const top = clean.split('/');
  if (top[0] === 'lib' && top.length > 2) return `app: lib/${top[1]}/`;
  return `app: ${top[0]}${top.length > 1 ? '/' : ''}`;
}

/** Bytes of each JS file of `dir` per owning package (from its .map), with unmapped bytes named as such. */
export function attribute(dir: string): { file: string; bytes: number; owners: Record<string, number> }[] {
  return walk(dir)
    .filter((p) => /\.m?js$/.test(p) && existsSync(`${p}.map`))
    .map((p) => {
      const code = readFileSync(p, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');
      const map = JSON.parse(readFileSync(`${p}.map`, 'utf8')) as { sources: string[]; mappings: string };
      const lines = code.split('\n');
      const mapLines = map.mappings.split(';');
      const owners: Record<string, number> = {};
      const add = (owner: string, n: number) => (owners[owner] = (owners[owner] ?? 0) + n);
      const state = { source: 0 };
      lines.forEach((text, i) => {
        const bytesOf = (a: number, b: number) => Buffer.byteLength(text.slice(a, b));
        const segments = decodeLine(mapLines[i] ?? '', state);
        let covered = 0;
        if (segments.length) covered = segments[0]![0];
        if (covered > 0) add('(unmapped)', bytesOf(0, covered));
        segments.forEach(([col, src], k) => {
          const end = k + 1 < segments.length ? segments[k + 1]![0] : text.length;
          add(src < 0 ? '(unmapped)' : ownerOf(map.sources[src]!), bytesOf(col, end));
        });
        if (!segments.length) add('(unmapped)', Buffer.byteLength(text));
        if (i < lines.length - 1) add('(unmapped)', 1);
      });
      return { file: relative(dir, p), bytes: Buffer.byteLength(code), owners };
    });
}

/** Builds the Chrome extension again with source maps into .output-sourcemap (not shipped). */
export function buildWithSourceMaps(root: string): string {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: root,
    env: { ...process.env, SECOND_LOOK_SOURCEMAP: '1' },
    stdio: 'ignore',
  });
  return join(root, '.output-sourcemap', 'chrome-mv3');
}
