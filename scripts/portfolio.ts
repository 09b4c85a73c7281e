// `npm run portfolio -- --worker EMAIL --out FILE.pdf [--organisation SLUG]`: makes one worker's portfolio as the
// organisation's admin (the same permission path and audit as the portal, docs/decisions/034), writes it atomically
// (a temporary file beside it, then a rename) and prints the verification code.
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadAdminActor, normaliseEmail } from '#app/domain/accounts.server.ts';
import { closePrintingBrowser } from '#app/domain/portfolio/browser.server.ts';
import { groupedCode } from '#app/domain/portfolio/codes.ts';
import { issuePortfolio } from '#app/domain/portfolio/portfolios.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Organisation, Person, sequelize } from '#db/models/index.ts';

const USAGE = 'Usage: npm run portfolio -- --worker EMAIL --out FILE.pdf [--organisation SLUG]';

async function main(): Promise<number> {
  let values: { worker?: string; out?: string; organisation?: string };
  try {
    ({ values } = parseArgs({ options: { worker: { type: 'string' }, out: { type: 'string' }, organisation: { type: 'string' } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.worker || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const worker = await Person.findOne({ where: { email: normaliseEmail(values.worker) }, attributes: ['id', 'organisationId'] });
  const organisation = worker ? await Organisation.findByPk(worker.organisationId, { attributes: ['id', 'slug'] }) : null;
  if (!worker || !organisation || (values.organisation && organisation.slug !== values.organisation)) {
    console.error(`No person with the email ${values.worker}${values.organisation ? ` in the organisation ${values.organisation}` : ''}.`);
    return 1;
  }
  const admin = await loadAdminActor(organisation.id);
  if (!admin) {
    console.error(`The organisation ${organisation.slug} has no active admin to issue the portfolio as.`);
    return 1;
  }
  const issued = await issuePortfolio(contextFor(admin, { ipAddress: 'command line' }), worker.id);
  const out = path.resolve(values.out);
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, issued.bytes, { flag: 'wx', mode: 0o600 });
    await rename(temporary, out);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  console.log(`Wrote ${out} (${issued.pages} pages, ${issued.bytes.byteLength} bytes) as ${admin.name}.`);
  console.log(`Verification code ${groupedCode(issued.code)}: ${issued.verifyUrl}`);
  return 0;
}

let status = 1;
try {
  status = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await closePrintingBrowser();
  await sequelize.close();
}
process.exit(status);
