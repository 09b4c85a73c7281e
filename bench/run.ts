// `npm run bench -- NAME [--db sqlite|mysql] [bench options]`: runs bench/NAME.ts against a fresh, migrated
// database (a temporary SQLite file by default, or a new MariaDB/MySQL database that is dropped afterwards) and
// prints the bench's figures as one JSON line, last.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

export type BenchDb = 'sqlite' | 'mysql';
export type BenchContext = { db: BenchDb; args: string[] };
/** What a bench module exports: figures to print after `bench` and `db` in the JSON line. */
export type BenchModule = { run: (context: BenchContext) => Promise<Record<string, unknown>> };

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.endsWith('.d.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

const ArgsSchema = z.object({
  name: z
    .string({ required_error: `Name a bench: npm run bench -- NAME [--db sqlite|mysql] (available: ${available.join(', ') || 'none'})` })
    .refine((name) => available.includes(name), (name) => ({
      message: `No bench called "${name}" in bench/ (available: ${available.join(', ') || 'none'})`,
    })),
  db: z.enum(['sqlite', 'mysql'], { errorMap: () => ({ message: '--db must be sqlite or mysql' }) }).default('sqlite'),
});

const BenchModuleSchema = z.object({
  run: z.custom<BenchModule['run']>((value) => typeof value === 'function', { message: 'a bench must export an async run(context) function' }),
});

/** Splits argv into the bench name, --db and whatever else the bench itself understands. */
function parseArgv(argv: string[]) {
  let name: string | undefined;
  let db: string | undefined;
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--db') {
      db = argv[index + 1] ?? '';
      index += 1;
    } else if (arg.startsWith('--db=')) {
      db = arg.slice('--db='.length);
    } else if (name === undefined && !arg.startsWith('-')) {
      name = arg;
    } else {
      rest.push(arg);
    }
  }
  const parsed = ArgsSchema.safeParse({ name, db });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => issue.message).join('\n'));
    process.exit(2);
  }
  return { ...parsed.data, args: rest };
}

async function serverConnection(base: string) {
  const mysql = await import('mysql2/promise');
  const url = new URL(base);
  url.pathname = '/';
  return mysql.createConnection(url.toString());
}

async function main(): Promise<void> {
  const { name, db, args } = parseArgv(process.argv.slice(2));
  const workDir = mkdtempSync(path.join(tmpdir(), 'nosfolio-bench-'));
  const mysqlBase = process.env.BENCH_MYSQL_URL || process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/';
  const databaseName = `nosfolio_bench_${process.pid}`;
  let databaseCreated = false;
  let sequelizeLoaded = false;

  // The connection reads its configuration once, at import: set it before anything from #db or #app loads.
  process.env.DATA_DIR = workDir;
  if (db === 'mysql') {
    const url = new URL(mysqlBase);
    url.pathname = `/${databaseName}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.DATABASE_URL = `sqlite:${path.join(workDir, 'bench.sqlite')}`;
  }

  try {
    if (db === 'mysql') {
      const connection = await serverConnection(mysqlBase);
      await connection.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await connection.end();
      databaseCreated = true;
    }
    const { sequelize } = await import('#db/connection.ts');
    sequelizeLoaded = true;
    const { migrate } = await import('#db/migrator.ts');
    await migrate(sequelize);
    const version = await sequelize.databaseVersion();
    console.log(`bench ${name} on ${db} (${sequelize.getDialect()} ${version}${db === 'mysql' ? `, database ${databaseName}` : `, ${workDir}`})`);

    const module: BenchModule = BenchModuleSchema.parse(await import(pathToFileURL(path.join(benchDir, `${name}.ts`)).href));
    const figures = await module.run({ db, args });
    await sequelize.close();
    sequelizeLoaded = false;
    process.stdout.write(`${JSON.stringify({ bench: name, db, ...figures })}\n`);
  } finally {
    if (sequelizeLoaded) {
      const { sequelize } = await import('#db/connection.ts');
      await sequelize.close().catch(() => undefined);
    }
    if (databaseCreated) {
      const connection = await serverConnection(mysqlBase);
      await connection.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
      await connection.end();
    }
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
