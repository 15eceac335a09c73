import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

// Test builds (SECOND_LOOK_TEST_HOSTS=1) pre-grant the loopback demo portal, because headless
// browsers cannot answer the permission prompt (DESIGN.md, "Site access"). Never set for release.
const testHosts = process.env.SECOND_LOOK_TEST_HOSTS === '1';
// `npm run bench` measures bundle composition from a separate build with source maps (never shipped).
const sourceMaps = process.env.SECOND_LOOK_SOURCEMAP === '1';

/**
 * Removes dead eval/innerHTML paths from dependencies at their source, so `web-ext lint
 * --warnings-as-errors` passes without silencing the linter (issue 6, "Boundaries"). Each rewrite must
 * match exactly once: if a dependency update changes the text, the build fails instead of shipping the
 * sink again unnoticed.
 */
interface Rewrite {
  /** Which module (resolved id) the rewrite applies to. */
  module: RegExp;
  find: RegExp;
  replace: string;
  why: string;
}

const REWRITES: Rewrite[] = [
  {
    module: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    // zod's JIT probe `new Function("")`. We run jitless (lib/core/schema.ts), so the probe never decides anything.
    find: /const F = Function;\s*new F\(""\);\s*return true;/,
    replace: 'return false;',
    why: 'zod JIT probe (new Function)',
  },
  {
    module: /[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    // Fallback for browsers without DOMParser. Both targets have it; without it, sanitizing now yields
    // nothing and lib/sanitize/sanitize.ts fails closed.
    find: /doc\.documentElement\.innerHTML = IS_EMPTY_INPUT \? emptyHTML : dirtyPayload;/,
    replace: 'void 0;',
    why: 'DOMPurify innerHTML fallback',
  },
  {
    module: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    // dangerouslySetInnerHTML support. Our code may not use it (eslint rule); make it throw if anything does.
    find: /(\w+)\.innerHTML=(\w+)\.__html\)/,
    replace: '(()=>{throw new Error("dangerouslySetInnerHTML is disabled")})())',
    why: 'Preact dangerouslySetInnerHTML',
  },
  {
    module: /[\\/]@zip\.js[\\/]zip\.js[\\/]lib[\\/]core[\\/]codec-registry\.js$/,
    // zip.js can import codec modules from a URL; we never configure one, and extensions load no remote code.
    find: /await import\(\/\* webpackIgnore: true \*\/ \/\* @vite-ignore \*\/ codecURI\)/,
    replace: 'await Promise.reject(new Error("codec modules from a URL are disabled"))',
    why: 'zip.js codec import from a URL',
  },
  {
    // WXT's virtual module (node_modules/wxt/dist/virtual/unlisted-script-entrypoint.mjs).
    module: /^\0virtual:wxt-unlisted-script-entrypoint$/,
    // WXT's wrapper around every injected script (capture.js and its parts) only logs a failure through
    // its logger, which prints nothing in a production build: ~0.4 KB per file for no behaviour. Same
    // calls, same result, same thrown error.
    find: /const result = \(\(\) => \{[\s\S]*?\n\}\)\(\);/,
    replace: 'const result = (initPlugins(), definition.main());',
    why: 'silent startup logging of injected scripts',
  },
];

function removeVendorSinks(): Plugin {
  return {
    name: 'second-look:remove-vendor-sinks',
    enforce: 'pre',
    transform(code, id) {
      const rewrites = REWRITES.filter((r) => r.module.test(id.split('?')[0]!));
      if (rewrites.length === 0) return null;
      let out = code;
      for (const rewrite of rewrites) {
        const matches = out.match(new RegExp(rewrite.find.source, 'g'))?.length ?? 0;
        if (matches !== 1) this.error(`${rewrite.why}: expected 1 match in ${id}, found ${matches}`);
        out = out.replace(rewrite.find, rewrite.replace);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * Files injected after capture.js only into pages that need them, and the kit each takes from capture.js:
 * what the listed modules import from modules capture.js already carries is read from the kit capture.js
 * leaves on the isolated world's global object, instead of being bundled a second time.
 */
const KITS = [
  {
    // The portal families' own readers (lib/portals/family-kit.ts).
    entry: 'capture-portals',
    importers: /[\\/]lib[\\/]portals[\\/](mychart|healthelife|athena|followmyhealth|va)\.ts$/,
    kit: './lib/portals/family-kit.ts',
  },
  {
    // Frames, shadow roots, canvases and embedded documents (lib/capture/frames-kit.ts).
    entry: 'capture-frames',
    importers: /[\\/]lib[\\/]capture[\\/](flatten|snapshot-images)\.ts$/,
    kit: './lib/capture/frames-kit.ts',
  },
];
const KIT_PREFIX = '\0kit:';

/** Names come from the kit file; one missing there fails the build of the file that imports it. */
function capturePartsKits(): Plugin {
  let active: (typeof KITS)[number] | undefined;
  const kitSource = () => readFileSync(new URL(active!.kit, import.meta.url), 'utf8');
  return {
    name: 'second-look:capture-parts-kits',
    enforce: 'pre',
    buildStart(options) {
      const input = JSON.stringify(options.input ?? '');
      active = KITS.find((k) => input.includes(`${k.entry}.ts`));
    },
    resolveId(source, importer) {
      if (!active || !importer || !active.importers.test(importer.split('?')[0]!)) return null;
      return kitKeys(kitSource()).has(source) ? KIT_PREFIX + source : null;
    },
    load(id) {
      if (!id.startsWith(KIT_PREFIX)) return null;
      const key = id.slice(KIT_PREFIX.length);
      const text = kitSource();
      const global = /_KIT_GLOBAL = '(\w+)'/.exec(text)?.[1];
      const names = kitNames(text, key);
      const at = [...kitKeys(text)].indexOf(key);
      if (!global || names.length === 0 || at < 0) this.error(`kit: nothing for ${key} in ${active!.kit}`);
      return [
        `const kit = globalThis[${JSON.stringify(global)}][${at}];`,
        ...names.map((name, i) => `export const ${name} = kit[${i}];`),
      ].join('\n');
    },
    // What capture.js ships of each kit: the values only, in the order the kit file lists them (the
    // readers' imports above read them by position), not the names: ~0.5 KB of capture.js.
    transform(code, id) {
      const kit = KITS.find((k) => id.split('?')[0]!.endsWith(k.kit.slice(1)));
      if (!kit) return null;
      const start = /^export const \w+ = \{$/m.exec(code);
      const end = start ? code.indexOf('\n};', start.index) : -1;
      if (!start || end < 0) this.error(`kit: no kit object in ${kit.kit}`);
      const keys = [...kitKeys(code)];
      const body = keys.map((key) => `  [${kitNames(code, key).join(', ')}],`).join('\n');
      const head = start!.index + start![0].length - 1;
      return { code: `${code.slice(0, head)}[\n${body}\n]${code.slice(end + 2)}`, map: null };
    },
  };
}

const kitKeys = (text: string) => new Set([...text.matchAll(/^ {2}'([^']+)': \{/gm)].map((m) => m[1]!));

/** The names listed for one import path, in either layout prettier gives (one line, or one name a line). */
function kitNames(text: string, key: string): string[] {
  const start = text.indexOf(`  '${key}': {`);
  if (start < 0) return [];
  const body = text.slice(text.indexOf('{', start) + 1, text.indexOf('}', start));
  return body
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^\w+$/.test(name));
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // Every file imports what it uses. WXT's auto-imports guessed wrong and put components/ (with
  // Preact) into the background bundle: 12 KB for nothing (npm run bench, section 5).
  imports: false,
  outDir: sourceMaps ? '.output-sourcemap' : testHosts ? '.output-test' : '.output',
  hooks: {
    // entrypoints/bench (the benchmark's page, bench/README-section.md) exists in test builds only.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (testHosts) return;
      const i = entrypoints.findIndex((e) => e.name === 'bench');
      if (i >= 0) entrypoints.splice(i, 1);
    },
  },
  vite: () => ({
    ...(sourceMaps ? { build: { sourcemap: true } } : {}),
    plugins: [removeVendorSinks(), capturePartsKits()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'downloads',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(testHosts ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: '__MSG_actionTitle__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    commands: {
      'clip-page': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandClipPage__',
      },
    },
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'; " +
        "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; " +
        "frame-src 'self' blob: data:; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'second-look@example.org',
              // data_collection_permissions is honoured from Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
