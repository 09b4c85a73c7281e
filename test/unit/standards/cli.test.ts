// Runs scripts/standards-parse.ts as a child process: JSON on stdout, warnings and a summary on stderr, exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { fixturePath, LAYOUTS, parseFixture } from './layout-fixtures.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function runCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/standards-parse.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('standards-parse CLI', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'standards-parse-'));
  });
  after(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints a seed as JSON, its warnings and a summary line, and exits 0', () => {
    const result = runCli('standards/sources/ASTH325.txt');
    expect(result.status, result.stderr).to.equal(0);
    const standard = JSON.parse(result.stdout) as { urn: string; items: Array<{ kind: string }> };
    expect(standard.urn).to.equal('ASTH325');
    expect(standard.items.filter((item) => item.kind === 'P')).to.have.length(12);
    expect(standard.items.filter((item) => item.kind === 'K')).to.have.length(19);
    expect(result.stderr.trimEnd().split('\n')).to.deep.equal([
      'warning: ASTH325 P2: looks cut short in the source (text ends "…situations which require immediate"); kept as found',
      'ASTH325: 12 P, 19 K, 1 warning',
    ]);
  });

  it('rejects a file that is not a NOS with one line on stderr and exit code 1', () => {
    const file = join(scratch, 'policy.txt');
    writeFileSync(file, 'Customer Care Policy\n\nWe aim to treat every client with respect and courtesy.\n');
    const result = runCli(file);
    expect(result.status).to.equal(1);
    expect(result.stdout).to.equal('');
    expect(result.stderr.trimEnd().split('\n')).to.have.length(1);
    expect(result.stderr).to.match(/^error: .*policy\.txt is not a readable NOS: .*Performance criteria/);
  });

  it('reports a missing file with exit code 1', () => {
    const result = runCli(join(scratch, 'absent.txt'));
    expect(result.status).to.equal(1);
    expect(result.stderr).to.match(/^error: cannot read .*absent\.txt: ENOENT\n$/);
  });
});

describe('standards-parse CLI on each layout fixture', () => {
  for (const layout of LAYOUTS) {
    it(`prints ${layout} exactly as the parser reads it, with its warnings and counts`, () => {
      const result = runCli(fixturePath(layout));
      expect(result.status, result.stderr).to.equal(0);
      const { standard, warnings } = parseFixture(layout);
      expect(JSON.parse(result.stdout)).to.deep.equal(standard);
      const count = (kind: string) => standard.items.filter((item) => item.kind === kind).length;
      const flagged = standard.items.filter((item) => item.needsReview).length;
      expect(result.stderr.trimEnd().split('\n')).to.deep.equal([
        ...warnings.map((warning) => `warning: ${warning}`),
        `${standard.urn}: ${count('P')} P, ${count('K')} K, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}${flagged ? `, ${flagged} flagged for review` : ''}`,
      ]);
    });
  }
});
