// The embedded database and its write-ahead log are readable by the portal's own user only.
import { existsSync, statSync } from 'node:fs';
import { expect } from 'chai';
import { env } from '#app/utils/env.server.ts';
import { dialect, sequelize } from '#db/connection.ts';
import { Organisation } from '#db/models/index.ts';
import { unique } from '#test/factories/index.ts';

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('private database files', () => {
  it('keeps the SQLite file and its -wal and -shm files at mode 600', async function () {
    if (dialect() !== 'sqlite') this.skip();
    await sequelize.transaction(async (transaction) => Organisation.create({ name: 'Files', slug: unique('org') }, { transaction }));
    const storage = env().databaseUrl.slice('sqlite:'.length);
    const files = [storage, `${storage}-wal`, `${storage}-shm`];
    expect(files.filter((file) => !existsSync(file))).to.deep.equal([]);
    expect(files.map(modeOf)).to.deep.equal(['600', '600', '600']);
  });
});
