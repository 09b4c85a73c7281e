// `npm test`: unit and integration tests on SQLite, the integration tests again on MariaDB/MySQL when
// TEST_MYSQL_URL is set, then the end-to-end tests in Chromium against the built app. Ends with one summary line.
import { spawnSync } from 'node:child_process';

const mocha = ['node_modules/.bin/mocha'];
const runs = [
  { name: 'unit and integration (SQLite)', args: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'], env: { TEST_DATABASE: 'sqlite' } },
  ...(process.env.TEST_MYSQL_URL
    ? [{ name: 'integration (MariaDB/MySQL)', args: ['test/integration/**/*.test.ts'], env: { TEST_DATABASE: 'mysql' } }]
    : []),
  { name: 'end-to-end (Chromium)', args: ['--config', 'test/e2e/.mocharc.json', 'test/e2e/**/*.test.ts'], env: {} },
].filter((run) => !process.env.TEST_ONLY || run.name.includes(process.env.TEST_ONLY));

let passed = 0;
let failed = 0;
let failedRuns = [];
for (const run of runs) {
  console.log(`\n=== ${run.name} ===`);
  const result = spawnSync(mocha[0], [...run.args, '--require', 'test/setup/database.ts', ...process.argv.slice(2)], {
    env: { ...process.env, ...run.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(result.stdout ?? '');
  passed += Number(/(\d+) passing/.exec(result.stdout ?? '')?.[1] ?? 0);
  failed += Number(/(\d+) failing/.exec(result.stdout ?? '')?.[1] ?? 0);
  if (result.status !== 0) failedRuns.push(run.name);
}
if (!process.env.TEST_MYSQL_URL) console.log('\n(TEST_MYSQL_URL is not set: the integration tests ran on SQLite only.)');
if (failedRuns.length) console.log(`\nFailed: ${failedRuns.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedRuns.length ? 1 : 0);
