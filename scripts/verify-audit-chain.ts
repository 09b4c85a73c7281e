// `npm run audit:verify`: walks every organisation's tamper-evident chain, prints one line each, and exits non-zero
// naming the first broken entry when any chain does not hold.
import { plural } from '#app/utils/words.ts';
import { describeBreak, verifyChains, type ChainReport } from '#db/chain-verify.ts';
import { Organisation, sequelize } from '#db/models/index.ts';

const reports = await verifyChains();
const names = new Map((await Organisation.findAll({ attributes: ['id', 'name'] })).map((organisation) => [organisation.id, organisation.name]));
const label = (report: ChainReport) =>
  report.chainKey === 0 ? 'Events of no organisation' : `Organisation ${report.chainKey} (${names.get(report.chainKey) ?? 'no longer there'})`;

for (const report of reports) {
  const checked = plural(report.entries, 'entry', 'entries');
  const head = report.head ? `, last hash ${report.head.hash}` : '';
  console.log(report.broken ? `${label(report)}: BROKEN at ${describeBreak(report.broken)} (${checked} whole before it)` : `${label(report)}: whole, ${checked}${head}`);
}
const firstBroken = reports.find((report) => report.broken);
await sequelize.close();
if (firstBroken) {
  console.error(`The record is not whole: ${label(firstBroken)}, ${describeBreak(firstBroken.broken!)}`);
  process.exit(1);
}
console.log(`Every chain is whole: ${plural(reports.reduce((sum, report) => sum + report.entries, 0), 'entry', 'entries')} checked.`);
