// The configuration: defaults that need nothing, and one clear line naming a bad variable.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ConfigurationError, parseEnv } from '#app/utils/env.server.ts';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'nosfolio-env-'));

function errorFor(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('defaults to a SQLite file under data/ and a generated, remembered session secret', () => {
    const dir = dataDir();
    const first = parseEnv({ DATA_DIR: dir });
    expect(first.databaseUrl).to.equal(`sqlite:${path.join(dir, 'nosfolio.sqlite')}`);
    expect(first.port).to.equal(3000);
    expect(first.sessionSecret).to.have.length(64);
    expect(parseEnv({ DATA_DIR: dir }).sessionSecret).to.equal(first.sessionSecret);
    expect(first.secureCookies).to.equal(false);
  });

  it('accepts a MariaDB URL and marks cookies Secure when served over https', () => {
    const config = parseEnv({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/nosfolio',
      PUBLIC_URL: 'https://portfolio.example.org',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(config.databaseUrl).to.equal('mysql://root@127.0.0.1:3306/nosfolio');
    expect(config.secureCookies).to.equal(true);
    expect(config.sessionSecret).to.equal('x'.repeat(40));
  });

  it('names the variable in one line when a value is bad', () => {
    expect(errorFor({ DATABASE_URL: 'postgres://localhost/db' })).to.match(/^Configuration error: DATABASE_URL must start with sqlite:/);
    expect(errorFor({ PORT: 'eighty' })).to.match(/^Configuration error: PORT /);
    expect(errorFor({ SESSION_SECRET: 'short' })).to.equal('Configuration error: SESSION_SECRET must be at least 32 characters long');
    expect(errorFor({ PUBLIC_URL: 'not a url' })).to.match(/^Configuration error: PUBLIC_URL must be a full URL/);
    expect(errorFor({ PORT: '3000', NODE_ENV: 'staging' })).to.match(/^Configuration error: NODE_ENV /);
    expect(errorFor({ PORT: '99999' })).not.to.contain('\n');
  });

  it('trusts a reverse proxy only when TRUST_PROXY is true, and logs at info unless told', () => {
    const dir = dataDir();
    expect(parseEnv({ DATA_DIR: dir })).to.include({ trustProxy: false, logLevel: 'info' });
    expect(parseEnv({ DATA_DIR: dir, TRUST_PROXY: 'true', LOG_LEVEL: 'warn' })).to.include({ trustProxy: true, logLevel: 'warn' });
    expect(errorFor({ DATA_DIR: dir, TRUST_PROXY: 'yes' })).to.equal('Configuration error: TRUST_PROXY must be true or false');
    expect(errorFor({ DATA_DIR: dir, LOG_LEVEL: 'loud' })).to.match(/^Configuration error: LOG_LEVEL /);
  });

  it('reads a variable set to nothing as not set', () => {
    const env = parseEnv({ DATA_DIR: dataDir(), REDIS_URL: '', PUBLIC_URL: ' ', SESSION_SECRET: 'x'.repeat(32) });
    expect(env.redisUrl).to.equal(undefined);
    expect(env.publicUrl).to.equal('http://localhost:3000');
  });

  it('keeps every Redis key under one prefix, nosfolio unless told, of plain characters', () => {
    const dir = dataDir();
    expect(parseEnv({ DATA_DIR: dir }).redisPrefix).to.equal('nosfolio');
    expect(parseEnv({ DATA_DIR: dir, REDIS_PREFIX: 'staging.nosfolio' }).redisPrefix).to.equal('staging.nosfolio');
    expect(errorFor({ DATA_DIR: dir, REDIS_PREFIX: 'a:b' })).to.match(/^Configuration error: REDIS_PREFIX must be 1 to 40 letters/);
  });
});
