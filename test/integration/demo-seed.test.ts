// The demo organisation: loading it again adds nothing, and its story holds together (signed before held).
import { expect } from 'chai';
import { Op } from 'sequelize';
import { planStandingOf } from '#app/domain/development/plans.server.ts';
import { managedTeamIds } from '#app/domain/relationships.server.ts';
import { today } from '#app/utils/dates/index.ts';
import { AssessmentDecision, DevelopmentActivity, DevelopmentOpportunity, DevelopmentPlan, DevelopmentPlanVersion, Location, Organisation, Person, sequelize, SupervisionAgreement, SupervisionSession, StandardItem, StandardVersion, SupervisionSignature, Team } from '#db/models/index.ts';
import { seedDemo } from '#db/seed/index.ts';
import { DEMO_ORGANISATION, DEMO_PEOPLE } from '#db/seed/people.ts';
import { actorFor } from '#test/factories/index.ts';

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

  it('is a team of about twenty across both locations, with PDPs current, stale, put forward and missing', async () => {
    const organisation = await Organisation.findOne({ where: { slug: DEMO_ORGANISATION.slug } });
    const people = await Person.findAll({ where: { organisationId: organisation!.id, deactivatedAt: null } });
    expect(people.length).to.be.within(18, 24);
    const teams = await Team.findAll({ where: { organisationId: organisation!.id } });
    const locations = new Set(teams.filter((team) => people.some((person) => person.teamId === team.id)).map((team) => team.locationId));
    expect((await Location.count({ where: { organisationId: organisation!.id } })), 'two locations').to.equal(2);
    expect(locations.size, 'people work at both').to.equal(2);
    const idOf = (key: string) => people.find((person) => person.email === DEMO_PEOPLE.find((demo) => demo.key === key)!.email)!.id;
    // A team within a team: Ben works on the evening line, part of customer contact, which the registered manager manages.
    const evenings = teams.find((team) => team.id === people.find((person) => person.id === idOf('ben'))!.teamId)!;
    const contact = teams.find((team) => team.id === evenings.parentTeamId);
    expect([evenings.name, contact?.name]).to.deep.equal(['Evening line', 'Adult Services Customer Contact']);
    const grace = people.find((person) => person.id === idOf('grace'))!;
    expect(await managedTeamIds(actorFor(grace, ['manager']))).to.include(evenings.id);
    const standing = await planStandingOf(people.map((person) => person.id), today());
    const state = (key: string) => standing[idOf(key)]!.state;
    expect(['josh', 'zoe'].map(state)).to.deep.equal(['stale', 'stale']);
    expect(['sarah', 'liam', 'amelia', 'kwame', 'niamh'].map(state)).to.deep.equal(['current', 'current', 'current', 'current', 'current']);
    expect(['fatima', 'ruth', 'gareth', 'peter'].map(state)).to.deep.equal(['missing', 'missing', 'missing', 'missing']);
    // Ben's plan is put forward by David and waits for Ben.
    const bensPlan = await DevelopmentPlan.findOne({ where: { workerId: idOf('ben') } });
    const versions = await DevelopmentPlanVersion.findAll({ where: { planId: bensPlan!.id } });
    expect(versions.map((version) => [version.supervisorAgreedAt !== null, version.workerAgreedAt])).to.deep.equal([[true, null]]);
  });

  it('has development delivered in the past with attendance and items met after it, and development still to come', async () => {
    const organisation = await Organisation.findOne({ where: { slug: DEMO_ORGANISATION.slug } });
    const activities = await DevelopmentActivity.findAll({ where: { organisationId: organisation!.id }, order: [['startsOn', 'ASC']] });
    expect(activities.filter((activity) => String(activity.startsOn) > today()), 'development still to come').to.not.be.empty;
    const delivered = activities[0]!;
    expect(String(delivered.startsOn) < today()).to.equal(true);
    const opportunities = await DevelopmentOpportunity.findAll({ where: { activityId: delivered.id } });
    expect(opportunities.map((row) => row.status).sort()).to.deep.equal(['completed', 'did_not_attend', 'in_progress']);
    expect(opportunities.find((row) => row.status === 'completed')!.outcome).to.not.equal('');
    const plans = await DevelopmentPlan.findAll({ where: { id: opportunities.map((row) => row.planId) } });
    const sectionItems = await StandardItem.findAll({
      where: { section: delivered.section! },
      include: [{ model: StandardVersion, as: 'standardVersion', where: { standardId: delivered.standardId! }, attributes: [] }],
    });
    const metAfter = await AssessmentDecision.count({
      where: { workerId: plans.map((plan) => plan.workerId), standardItemId: sectionItems.map((item) => item.id), outcome: 'met', createdAt: { [Op.gte]: new Date(`${String(delivered.startsOn)}T00:00:00Z`) } },
    });
    expect(metAfter, 'an item met after the training').to.be.greaterThan(0);
  });
});
