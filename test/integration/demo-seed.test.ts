// The demo organisation: loading it again adds nothing, and its story holds together (signed before held).
import { expect } from 'chai';
import { Op } from 'sequelize';
import { today } from '#app/utils/dates/index.ts';
import { Organisation, sequelize, SupervisionAgreement, SupervisionSession, SupervisionSignature } from '#db/models/index.ts';
import { seedDemo } from '#db/seed/index.ts';
import { DEMO_ORGANISATION } from '#db/seed/people.ts';

/** The number of rows in every table of the database, by table name. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = (await sequelize.getQueryInterface().showAllTables()).map((table) => (typeof table === 'string' ? table : (table as { tableName: string }).tableName));
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    const [rows] = await sequelize.query(`SELECT COUNT(*) AS n FROM ${sequelize.getQueryInterface().quoteIdentifier(table)}`);
    counts[table] = Number((rows as { n: number | string }[])[0]!.n);
  }
  return counts;
}

describe('the demo organisation', function () {
  this.timeout(120_000);

  before(async () => {
    await seedDemo();
  });

  it('adds no row to any table and no audit event when it is loaded again', async () => {
    const before = await rowCounts();
    expect(before.audit_events, 'the first load writes audit events').to.be.greaterThan(0);
    expect(before.supervision_sessions).to.be.greaterThan(0);
    await seedDemo();
    expect(await rowCounts()).to.deep.equal(before);
  });

  it('has every agreement signed by both before any session held under it', async () => {
    const organisation = await Organisation.findOne({ where: { slug: DEMO_ORGANISATION.slug } });
    const agreements = await SupervisionAgreement.findAll({ where: { organisationId: organisation!.id } });
    const signatures = await SupervisionSignature.findAll({ where: { agreementId: agreements.map((agreement) => agreement.id) } });
    const sessions = await SupervisionSession.findAll({
      where: { agreementId: { [Op.in]: agreements.map((agreement) => agreement.id) }, startsAt: { [Op.lt]: new Date() } },
    });
    expect(sessions, 'the demo has sessions held under an agreement').to.not.be.empty;
    for (const session of sessions) {
      const signed = signatures.filter((signature) => signature.agreementId === session.agreementId);
      expect(signed.map((signature) => signature.party).sort(), `both parties signed agreement ${session.agreementId}`).to.deep.equal(['supervisor', 'worker']);
      for (const signature of signed) expect(signature.signedAt.getTime(), 'signed before the session').to.be.lessThan(session.startsAt.getTime());
    }
  });

  it('dates its evidence from today rather than from a fixed year', async () => {
    const [rows] = await sequelize.query('SELECT MAX(activity_date) AS latest FROM evidence_revisions');
    const latest = String((rows as { latest: string }[])[0]!.latest).slice(0, 10);
    const daysOld = (Date.parse(today()) - Date.parse(latest)) / 86_400_000;
    expect(daysOld).to.be.within(0, 60);
  });
});
