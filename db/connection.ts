// The one Sequelize connection of the process, to SQLite (embedded default) or MySQL/MariaDB.
import path from 'node:path';
import { Transaction, type Options, type Sequelize } from 'sequelize';
import { env } from '#app/utils/env.server.ts';
import { keepSqlitePrivate, makePrivateFolder } from '#app/utils/private-files.server.ts';
import { PortalSequelize } from './transactions.ts';

export type Dialect = 'sqlite' | 'mysql';

/** Counts statements, so benchmarks and tests can prove a page runs a fixed number of queries. */
export const queryCounter = { count: 0 };

/** The portal's Sequelize: a PortalSequelize (db/transactions.ts), the one place transactions are queued and retried. */
export function createSequelize(databaseUrl: string, logSql = false): Sequelize {
  const logging: Options['logging'] = (sql) => {
    queryCounter.count += 1;
    if (logSql) console.log(sql);
  };
  const define: Options['define'] = { underscored: true, timestamps: true };

  if (databaseUrl.startsWith('sqlite:')) {
    const storage = databaseUrl.slice('sqlite:'.length);
    if (storage !== ':memory:') {
      makePrivateFolder(path.dirname(path.resolve(storage)));
      keepSqlitePrivate(storage);
    }
    return new PortalSequelize({ dialect: 'sqlite', storage, logging, define, transactionType: Transaction.TYPES.IMMEDIATE });
  }
  const url = databaseUrl.replace(/^mariadb:/, 'mysql:');
  return new PortalSequelize(url, {
    dialect: 'mysql',
    logging,
    define: { ...define, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
    timezone: '+00:00',
    dialectOptions: { charset: 'utf8mb4', dateStrings: false },
    pool: { max: 10, min: 0, idle: 10_000 },
  });
}

export const sequelize = createSequelize(env().databaseUrl, env().logSql);

export function dialect(): Dialect {
  return sequelize.getDialect() === 'sqlite' ? 'sqlite' : 'mysql';
}
