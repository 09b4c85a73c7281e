// Runs the forward-only migrations in db/migrations on SQLite or MariaDB alike.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

type MigrationModule = { up: (params: { context: QueryInterface }) => Promise<void> };

export function createMigrator(sequelize: Sequelize) {
  const files = readdirSync(migrationsDir)
    .filter((file) => /^\d{4}-[\w-]+\.ts$/.test(file))
    .sort();
  return new Umzug<QueryInterface>({
    migrations: files.map((file) => ({
      name: file.replace(/\.ts$/, ''),
      up: async (params) => {
        const module = (await import(pathToFileURL(path.join(migrationsDir, file)).href)) as MigrationModule;
        await module.up(params);
      },
    })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

export async function migrate(sequelize: Sequelize): Promise<string[]> {
  const applied = await createMigrator(sequelize).up();
  return applied.map((migration) => migration.name);
}
