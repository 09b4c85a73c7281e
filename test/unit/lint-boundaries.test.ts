// The lint rules that keep routes thin: no database and no unchecked internal helpers from app/routes.
import { expect } from 'chai';
import { ESLint } from 'eslint';

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('lint boundaries', function () {
  this.timeout(20_000);

  it('refuses #db/ and any /internal/ path in a route', async () => {
    const messages = await restrictedImports(
      'app/routes/probe.tsx',
      "import { x } from '#app/domain/evidence/internal/held.server.ts';\nimport { sequelize } from '#db/models/index.ts';\nexport const y = [sequelize, x];\n",
    );
    expect(messages).to.have.length(2);
    expect(messages[0]).to.include('internal/');
    expect(messages[1]).to.include('Routes never touch the database');
  });

  it('lets the domain use both', async () => {
    const messages = await restrictedImports(
      'app/domain/probe.server.ts',
      "import { x } from '#app/domain/evidence/internal/held.server.ts';\nimport { sequelize } from '#db/models/index.ts';\nexport const y = [sequelize, x];\n",
    );
    expect(messages).to.deep.equal([]);
  });
});
