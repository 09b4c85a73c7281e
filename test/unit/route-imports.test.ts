// Routes reach the domain through its checked API only: nothing under a domain `internal` folder (or named
// *.internal.server.ts), whose functions skip the permission check, may be imported by a route module.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';

const ROUTES = path.resolve('app/routes');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file imports or re-exports, statically or dynamically. */
function importedModules(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
  return [...source.matchAll(pattern)].map((match) => match[2]!);
}

function isInternal(specifier: string): boolean {
  return /(^|\/)internal(\/|$)/.test(specifier) || /\.internal\.server(\.tsx?)?$/.test(specifier);
}

describe('route modules and the domain API', () => {
  it('finds imports of every form, and recognises internal modules', () => {
    const source = [
      "import { a } from '#app/domain/evidence/internal/held-items.server.ts';",
      "import type { B } from \"../domain/x.internal.server.ts\";",
      "export { c } from '#app/domain/supervision/internal/diary.server.ts';",
      "import '#app/styles/app.css';",
      "const d = await import('#app/domain/internal/e.server.ts');",
      "import { f } from '#app/domain/evidence.server.ts';",
    ].join('\n');
    expect(importedModules(source).filter(isInternal)).to.have.length(4);
    expect(isInternal('#app/domain/internals.server.ts')).to.equal(false);
  });

  it('no route imports an internal module', () => {
    const offenders = routeFiles(ROUTES).flatMap((file) =>
      importedModules(readFileSync(file, 'utf8'))
        .filter(isInternal)
        .map((specifier) => `${path.relative(process.cwd(), file)} imports ${specifier}`),
    );
    expect(routeFiles(ROUTES).length).to.be.greaterThan(10);
    expect(offenders).to.deep.equal([]);
  });
});
