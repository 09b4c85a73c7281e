// In Chromium: a worker's home lists each task waiting for them (a record to agree, a policy to acknowledge, a role past
// its target date) and each link lands on the page where it is done; the supervisor follows a debrief to its session.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { assignRoleProfile, createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { shareRecord } from '#app/domain/supervision/records.server.ts';
import { requestUrgentDebrief } from '#app/domain/supervision/sessions.server.ts';
import { addMonths, today } from '#app/utils/dates/index.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Person, Policy, StandardVersion } from '#db/models/index.ts';
import { actorFor, createPerson, recordedSession, TEST_PASSWORD, unique } from '#test/factories/index.ts';
import { AccessibilityAudit, closePage, loginWith, newPage, url, waitForHeading } from './harness.ts';

/** A new supervisor and worker in the demo organisation, the worker with a shared record, a debrief asked for and a role past its target. */
async function workerWithTasks() {
  const admin = await Person.findOne({ where: { email: 'amira.khan@riverside.example.org' } });
  if (!admin) throw new Error('The demo organisation is not seeded');
  const organisationId = admin.organisationId;
  const supervisor = actorFor(await createPerson(organisationId, { roles: ['supervisor'], name: unique('Sam Supervisor') }), ['supervisor']);
  const worker = actorFor(await createPerson(organisationId, { roles: ['worker'], name: unique('Wren Worker'), lineSupervisorId: supervisor.id }), ['worker']);
  const { session, recordId } = await recordedSession(supervisor, worker, 2);
  await shareRecord(contextFor(supervisor), recordId);
  const debriefId = await requestUrgentDebrief(contextFor(worker), 'A distressing call this morning');

  const asAdmin = actorFor(admin, ['admin']);
  const standard = await StandardVersion.findOne({ where: { organisationId, isCurrent: true }, order: [['id', 'ASC']] });
  const roleName = unique('Night contact worker');
  const profileId = await createRoleProfile(contextFor(asAdmin), {
    name: roleName,
    standardIds: [standard!.standardId],
    supervisionFrequencyWeeks: 6,
    urgentDebriefOnRequest: true,
    targetMonths: 6,
  });
  await assignRoleProfile(contextFor(asAdmin), { personId: worker.id, roleProfileId: profileId, startedOn: addMonths(today(), -7) });
  const policies = await Policy.findAll({ where: { organisationId }, order: [['title', 'ASC']] });
  return { supervisor, worker, sessionId: session.id, debriefId, roleName, policies };
}

/** The home page's links whose text matches, with their addresses. */
async function homeLinks(page: Page, pattern: RegExp): Promise<{ text: string; href: string }[]> {
  const links = await page.$$eval('main a', (anchors) => anchors.map((anchor) => ({ text: anchor.textContent?.trim() ?? '', href: anchor.getAttribute('href') ?? '' })));
  return links.filter((link) => pattern.test(link.text));
}

async function follow(page: Page, href: string, heading: RegExp): Promise<void> {
  await page.goto(url('/'), { waitUntil: 'load' });
  await waitForHeading(page, /^Hello, /);
  await page.click(`main a[href="${href}"]`);
  await waitForHeading(page, heading);
  expect(new URL(page.url()).pathname, `after following ${href}`).to.equal(href);
}

describe('home page tasks (issue 13, point 3)', function () {
  this.timeout(120_000);

  it('the worker sees each task on home and each link opens the record, the policy and the progress page; the supervisor opens the debrief', async () => {
    const { supervisor, worker, sessionId, debriefId, roleName, policies } = await workerWithTasks();
    expect(policies.length, 'the demo organisation has a policy').to.be.greaterThan(0);
    const axe = new AccessibilityAudit();
    let page: Page | undefined;
    try {
      page = await newPage();
      await loginWith(page, worker.email, TEST_PASSWORD);
      await axe.check(page, '/ (worker with tasks)');

      const record = await homeLinks(page, /^A supervision record is waiting for your comments and agreement\.$/);
      expect(record.map((link) => link.href)).to.deep.equal([`/supervision/sessions/${sessionId}`]);
      const policyLinks = await homeLinks(page, /^Read and acknowledge version /);
      expect(policyLinks.map((link) => link.href).sort()).to.deep.equal(policies.map((policy) => `/policies/${policy.id}`).sort());
      const target = await homeLinks(page, new RegExp(`^Your ${roleName} role: the target date, \\d{1,2} [A-Z][a-z]+ \\d{4}, has passed with \\d+ items still to do\\.$`));
      expect(target.map((link) => link.href)).to.deep.equal(['/progress']);
      const debrief = await homeLinks(page, /^Your urgent debrief request is waiting/);
      expect(debrief.map((link) => link.href)).to.deep.equal([`/supervision/sessions/${debriefId}`]);

      await follow(page, `/supervision/sessions/${sessionId}`, /^Regular supervision: Wren Worker/);
      expect(await page.$eval('main', (main) => main.textContent ?? '')).to.contain('Talked through two difficult calls');
      await axe.check(page, '/supervision/sessions/<record to agree>');
      await follow(page, `/policies/${policies[0]!.id}`, new RegExp(`^${policies[0]!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      await axe.check(page, '/policies/<to acknowledge>');
      await follow(page, '/progress', /^Your progress$/);
      await axe.check(page, '/progress (target passed)');
      await closePage(page);

      page = await newPage();
      await loginWith(page, supervisor.email, TEST_PASSWORD);
      const asked = await homeLinks(page, /asked for an urgent debrief on .*: arrange a time\.$/);
      expect(asked.map((link) => link.href)).to.deep.equal([`/supervision/sessions/${debriefId}`]);
      expect(asked[0]!.text).to.match(/^Wren Worker/);
      await axe.check(page, '/ (supervisor with a debrief asked for)');
      await follow(page, `/supervision/sessions/${debriefId}`, /^Urgent debrief: Wren Worker/);
      await axe.check(page, '/supervision/sessions/<debrief>');
    } finally {
      await closePage(page);
    }
    axe.expectNone();
  });
});
