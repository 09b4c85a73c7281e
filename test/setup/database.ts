// Gives each mocha run its own database: a temporary SQLite file, or a fresh MariaDB database that is dropped after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const target = process.env.TEST_DATABASE === 'mysql' ? 'mysql' : 'sqlite';
const workDir = mkdtempSync(path.join(tmpdir(), 'nosfolio-test-'));
const databaseName = `nosfolio_test_${process.pid}_${Date.now()}`;

// Set before any test module imports the connection, which reads the configuration once.
process.env.NODE_ENV = 'test';
process.env.DATA_DIR = workDir;
if (target === 'mysql') {
  const base = process.env.TEST_MYSQL_URL;
  if (!base) throw new Error('TEST_DATABASE=mysql needs TEST_MYSQL_URL, for example mysql://root@127.0.0.1:3306/');
  const url = new URL(base);
  url.pathname = `/${databaseName}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.DATABASE_URL = `sqlite:${path.join(workDir, 'test.sqlite')}`;
}

async function serverConnection() {
  const mysql = await import('mysql2/promise');
  const url = new URL(process.env.TEST_MYSQL_URL!);
  url.pathname = '/';
  return mysql.createConnection(url.toString());
}

export async function mochaGlobalSetup() {
  if (target === 'mysql') {
    const connection = await serverConnection();
    await connection.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
  }
  const { sequelize } = await import('#db/connection.ts');
  const { migrate } = await import('#db/migrator.ts');
  await migrate(sequelize);
  console.log(`  Integration database: ${target} (${sequelize.getDialect()})`);
}

export async function mochaGlobalTeardown() {
  const { sequelize } = await import('#db/connection.ts');
  await sequelize.close();
  if (target === 'mysql') {
    const connection = await serverConnection();
    await connection.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
    await connection.end();
  }
  rmSync(workDir, { recursive: true, force: true });
}
