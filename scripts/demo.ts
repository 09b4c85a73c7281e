// `npm run demo`: migrate the embedded SQLite database, load the demo organisation, build, serve, print logins.
import { spawn, spawnSync } from 'node:child_process';
import { ROLE_LABELS } from '#app/domain/roles.ts';
import { env } from '#app/utils/env.server.ts';
import { sequelize } from '#db/connection.ts';
import { migrate } from '#db/migrator.ts';
import { demoLogins, seedDemo } from '#db/seed/index.ts';

const config = env();
console.log(`Database: ${config.databaseUrl}`);
await migrate(sequelize);
await seedDemo();
await sequelize.close();

console.log('Building the portal…');
const build = spawnSync('npx', ['remix', 'vite:build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ['server/index.js'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, NODE_ENV: 'production', PORT: String(config.port) },
});
server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!chunk.toString().includes('listening')) return;
  console.log(`\nOpen ${config.publicUrl} and sign in with one of these demo logins:\n`);
  for (const login of demoLogins()) {
    console.log(`  ${ROLE_LABELS[login.role].padEnd(26)} ${login.email.padEnd(40)} ${login.password}`);
  }
  console.log('\nPress Ctrl+C to stop.');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
