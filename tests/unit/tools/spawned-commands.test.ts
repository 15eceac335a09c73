// @vitest-environment node
// Every external program a test, benchmark or tool spawns must be installed by the project's setup script,
// so a fresh machine runs the whole suite and no test passes only because a program happened to be there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SETUP_SCRIPT = 'tests/tools/ensure-browsers.sh';
/** The premise of the README: Node (with npm and npx) is on the PATH; npm ci brings the rest. */
const PREMISE = new Set(['node', 'npm', 'npx']);
const SKIP_DIRS = new Set(['node_modules', '.output', '.wxt', '.git', 'coverage']);
const SPAWNERS = ['execFileSync', 'execFile', 'spawnSync', 'spawn', 'execSync', 'exec', 'fork'];
/** Spawners whose first argument is a shell command line (its first word is the program). */
const SHELL_SPAWNERS = new Set(['execSync', 'exec']);

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources(path, out);
    else if (/\.(?:[cm]?[jt]s|tsx)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Commands the setup script finds or installs: `require_cmd CMD PKG` and `require_exe "${VAR:-/path}" PKG`. */
function setupCommands(script: string): Map<string, string> {
  const commands = new Map<string, string>();
  for (const line of script.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    const cmd = /^\s*require_cmd\s+(\S+)\s+(\S+)/.exec(line);
    if (cmd) commands.set(cmd[1]!, cmd[2]!);
    const exe = /^\s*require_exe\s+"\$\{\w+:-([^}]+)\}"\s+(\S+)/.exec(line);
    if (exe) commands.set(basename(exe[1]!), exe[2]!);
  }
  return commands;
}

interface Spawn {
  file: string;
  line: number;
  call: string;
  programs: string[];
}

const literal = /^(['"`])([^'"`$]*)\1$/;

/** What a first argument names: a literal, a constant with a literal default, or a parameter typed as a union of literals. */
function resolve(arg: string, text: string, all: string[]): string[] | undefined {
  const lit = literal.exec(arg);
  if (lit) return [lit[2]!];
  if (arg === 'process.execPath') return ['node'];
  if (!/^\w+$/.test(arg)) return undefined;
  for (const source of [text, ...all]) {
    const constant = new RegExp(
      `\\bconst ${arg}\\s*=\\s*(?:process\\.env\\.\\w+\\s*\\?\\?\\s*)?(['"])([^'"]+)\\1`,
    ).exec(source);
    if (constant) return [constant[2]!];
  }
  const union = new RegExp(`\\b${arg}\\s*:\\s*((?:'[\\w.+-]+'\\s*\\|?\\s*)+)[,)]`).exec(text);
  if (union) return [...union[1]!.matchAll(/'([\w.+-]+)'/g)].map((m) => m[1]!);
  return undefined;
}

function spawnedPrograms(files: { path: string; text: string }[]): { found: Spawn[]; unresolved: string[] } {
  const found: Spawn[] = [];
  const unresolved: string[] = [];
  const all = files.map((f) => f.text);
  for (const { path, text } of files) {
    const names = new Map<string, string>(); // local name -> child_process function
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"](?:node:)?child_process['"]/g))
      for (const part of m[1]!.split(',')) {
        const [imported, local] = part.trim().split(/\s+as\s+/);
        if (imported && SPAWNERS.includes(imported.replace(/^type\s+/, '')))
          names.set((local ?? imported).trim(), imported);
      }
    for (const m of text.matchAll(/import\s*\*\s*as\s+(\w+)\s+from\s*['"](?:node:)?child_process['"]/g))
      for (const fn of SPAWNERS) names.set(`${m[1]}.${fn}`, fn);
    const calls: { at: number; call: string; arg: string }[] = [];
    for (const [local, fn] of names) {
      const re = new RegExp(`(?<![.\\w])${local.replace('.', '\\.')}\\s*\\(\\s*([^,)]+)`, 'g');
      for (const m of text.matchAll(re)) calls.push({ at: m.index, call: fn, arg: m[1]!.trim() });
    }
    for (const m of text.matchAll(/\bexecutablePath\s*:\s*([^,}\n]+)/g))
      calls.push({ at: m.index, call: 'executablePath', arg: m[1]!.trim() });
    for (const { at, call, arg } of calls) {
      const line = text.slice(0, at).split('\n').length;
      const where = `${relative(ROOT, path)}:${line} ${call}(${arg})`;
      const programs = resolve(arg, text, all);
      if (!programs) unresolved.push(where);
      else
        found.push({
          file: relative(ROOT, path),
          line,
          call,
          programs: programs.map((p) => basename(SHELL_SPAWNERS.has(call) ? p.split(/\s+/)[0]! : p)),
        });
    }
  }
  return { found, unresolved };
}

/** The programs package.json scripts run: the first word of each command, after environment assignments. */
function scriptPrograms(): { script: string; program: string }[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const out: { script: string; program: string }[] = [];
  for (const [script, line] of Object.entries(pkg.scripts))
    for (const command of line.split(/&&|\|\||;|\|/)) {
      const words = command.trim().split(/\s+/);
      const program = words.find((w) => !/^\w+=/.test(w));
      if (program) out.push({ script, program });
    }
  return out;
}

describe('the setup script installs every program the tests spawn', () => {
  const installed = setupCommands(readFileSync(join(ROOT, SETUP_SCRIPT), 'utf8'));
  const files = sources(ROOT).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const { found, unresolved } = spawnedPrograms(files);

  it('finds the spawn calls and can tell which program each one runs', () => {
    expect(unresolved, 'spawn calls whose program cannot be read (use a literal or a const)').toEqual([]);
    const programs = new Set(found.flatMap((s) => s.programs));
    // The scan is only worth something if it sees what we know is spawned.
    for (const known of ['7z', 'chromium', 'firefox-esr', 'pdftotext', 'pdfinfo', 'unzip'])
      expect(programs, `the scan did not see ${known}`).toContain(known);
    console.info(`spawned programs: ${[...programs].sort().join(', ')} (${found.length} call sites)`);
  });

  it(`every spawned program is installed by ${SETUP_SCRIPT}`, () => {
    const missing = found.flatMap((s) =>
      s.programs.filter((p) => !PREMISE.has(p) && !installed.has(p)).map((p) => `${p} (${s.file}:${s.line} ${s.call})`),
    );
    expect(missing, `add a require_cmd line to ${SETUP_SCRIPT} for each`).toEqual([]);
  });

  it('every program a package.json script runs comes from npm ci, the premise or the setup script', () => {
    const missing = scriptPrograms()
      .filter(({ program }) => !PREMISE.has(program) && !installed.has(program))
      .filter(({ program }) => !existsSync(join(ROOT, 'node_modules/.bin', program)))
      .map(({ script, program }) => `${program} (npm run ${script})`);
    expect(missing).toEqual([]);
  });

  it('programs another engineer spawns soon are there already (xsltproc)', () => {
    expect(installed.get('xsltproc')).toBe('xsltproc');
    expect(installed.get('7z')).toBe('p7zip-full');
  });
});
