// WXT, vitest 5 and puppeteer-core need Node >= 22.12. The `node` devDependency puts Node 22 first on
// the PATH of npm scripts; `npm ci --ignore-scripts` skips it silently, so say so instead of failing oddly.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Second Look needs Node >= 22.12 but this script runs on ${process.versions.node}.\n` +
      "Run `npm ci` (without --ignore-scripts) so the project's own Node 22 is installed, then use `npm run ...`.",
  );
  process.exit(1);
}
