import { defineConfig } from 'wxt';

// Test builds (SECOND_LOOK_TEST_HOSTS=1) pre-grant the loopback demo portal, because headless
// browsers cannot answer the permission prompt (DESIGN.md, "Site access"). Never set for release.
const testHosts = process.env.SECOND_LOOK_TEST_HOSTS === '1';
// `npm run bench` measures bundle composition from a separate build with source maps (never shipped).
const sourceMaps = process.env.SECOND_LOOK_SOURCEMAP === '1';

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
          },
        }
      : {}),
  }),
});
