import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rooms of lib/ and their floor in the layering: a room may import only from rooms on a lower floor.
 * A new room gets a line here and one in README's layout block; both tests below fail until it does.
 */
export const ROOM_FLOORS: Record<string, number> = {
  core: 0,
  zip: 0,
  sanitize: 1,
  labs: 1,
  attachments: 1,
  reading: 2,
  case: 2,
  portals: 3,
  fhir: 3,
  capture: 4,
  clip: 4,
  export: 4,
  import: 5,
  imaging: 5,
  letters: 5,
};

const root = resolve(__dirname, '../../..');
const lib = join(root, 'lib');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const roomOf = (file: string) => relative(lib, file).split(sep)[0]!;

/** Relative specifiers of static and dynamic imports and re-exports. */
export function importSpecifiers(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g);
  return [...found].map((m) => m[1]!);
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** Every import that crosses from one room into another, as "from -> to (specifier)". */
export function layeringViolations(files: { path: string; source: string }[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const from = roomOf(file.path);
    for (const specifier of importSpecifiers(file.source)) {
      const target = resolveImport(file.path, specifier);
      if (!target?.startsWith(lib + sep)) continue;
      const to = roomOf(target);
      if (to === from) continue;
      const where = `${relative(root, file.path)} imports ${specifier}`;
      if (!(to in ROOM_FLOORS)) violations.push(`${where}: lib/${to} is not a room`);
      else if (ROOM_FLOORS[to]! >= ROOM_FLOORS[from]!)
        violations.push(`${where}: ${to} (floor ${ROOM_FLOORS[to]}) is not below ${from} (floor ${ROOM_FLOORS[from]})`);
      // core's modules are each an entrance (model, db, messaging, ...); other rooms have an index.
      else if (to !== 'core' && target !== join(lib, to, 'index.ts'))
        violations.push(`${where}: enter lib/${to} through its index`);
    }
  }
  return violations;
}

describe('lib/ rooms', () => {
  const files = sourceFiles(lib).map((path) => ({ path, source: readFileSync(path, 'utf8') }));

  it('holds folders only: every file sits in a room', () => {
    expect(files.map((f) => relative(lib, f.path)).filter((p) => !p.includes(sep))).toEqual([]);
  });

  it('has a floor for every room and a room for every floor', () => {
    const rooms = readdirSync(lib).filter((name) => statSync(join(lib, name)).isDirectory());
    expect(rooms.sort()).toEqual(Object.keys(ROOM_FLOORS).sort());
  });

  it('imports only from rooms below, through their entrance', () => {
    expect(layeringViolations(files)).toEqual([]);
  });

  it('names every room in README with its purpose', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const missing = Object.keys(ROOM_FLOORS).filter(
      (room) => !new RegExp(`^\\s*lib/${room}/\\s+\\S`, 'm').test(readme),
    );
    expect(missing).toEqual([]);
  });

  it('sees a wrong import (a room reaching up, or past an entrance)', () => {
    const upward = { path: join(lib, 'core', 'model.ts'), source: "import { addRecords } from '../case';" };
    const inner = { path: join(lib, 'export', 'package.ts'), source: "import { trendKey } from '../labs/lab-trends';" };
    expect(layeringViolations([upward, inner])).toEqual([
      'lib/core/model.ts imports ../case: case (floor 2) is not below core (floor 0)',
      'lib/export/package.ts imports ../labs/lab-trends: enter lib/labs through its index',
    ]);
  });
});
