// In Chromium: a worker and their supervisor agree a PDP through its forms, the next supervision session's agenda shows
// the plan's goals and the worker's gaps, and a learning opportunity agreed in the record appears in the PDP, linked
// back to the session. Every page is checked with axe; with SHOTS_DIR set, each is also photographed at two widths.
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { PersonStandard, Standard, StandardItem, StandardVersion } from '#db/models/index.ts';
import { AccessibilityAudit, closePage, loginWith, newPage, shoot, url, waitForHeading, waitForHydration } from './harness.ts';
import { supervisionPair } from './supervision-pair.ts';

/** A supervisor and a worker of the demo organisation holding ASTH325 (nothing of it met), with a session held yesterday. */
async function pairWithGaps() {
  const pair = await supervisionPair({ supervisor: 'Pat Supervisor', worker: 'Robin Worker' });
  const { organisationId, worker } = pair;
  const standard = await Standard.findOne({ where: { organisationId, urn: 'ASTH325' } });
  const version = await StandardVersion.findOne({ where: { standardId: standard!.id, isCurrent: true } });
  await PersonStandard.create({ organisationId, personId: worker.id, standardVersionId: version!.id, roleAssignmentId: null, targetDate: '2027-06-30' });
  const item = (await StandardItem.findOne({ where: { standardVersionId: version!.id }, order: [['position', 'ASC']] }))!;
  return { ...pair, item, versionTitle: version!.title };
}

/**
 * Focuses the box and types (re-validation may move the boxes, so no clicking). After a refused submission, leaving a
 * box re-validates the form and the error summary takes focus when its message changes, so focus is given back first.
 */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await new Promise((resolve) => setTimeout(resolve, 150));
  await page.focus(selector);
  await page.keyboard.type(text);
}

const mainText = (page: Page) => page.$eval('main', (main) => main.textContent ?? '');

async function fillOpportunity(page: Page, form: string, values: { kind: string; description: string; date?: [number, number, number] }) {
  await page.select(`${form} select[name="kind"]`, values.kind);
  await page.type(`${form} textarea[name="description"]`, values.description);
  if (values.date) {
    const [day, month, year] = values.date;
    for (const [name, value] of [['targetDate.day', day], ['targetDate.month', month], ['targetDate.year', year]] as const) {
      await typeInto(page, `${form} input[name="${name}"]`, String(value));
    }
  }
}

describe('a personal development plan', function () {
  it('is agreed by worker and supervisor, feeds the next session’s agenda, and takes what the record agrees', async () => {
    const { supervisor, worker, password, session, item, versionTitle } = await pairWithGaps();
    const axe = new AccessibilityAudit();
    const nextYear = new Date().getFullYear() + 1;
    let asWorker: Page | undefined;
    let asSupervisor: Page | undefined;
    try {
      // The worker writes their plan. A learning opportunity without a target date is refused beside the field, what was typed kept.
      asWorker = await newPage();
      await loginWith(asWorker, worker.email, password);
      await asWorker.goto(url('/development-plan'), { waitUntil: 'load' });
      await waitForHeading(asWorker, /^Your personal development plan$/);
      await waitForHydration(asWorker);
      expect(await mainText(asWorker)).to.contain('No PDP').and.contain('not yet met');
      await axe.check(asWorker, '/development-plan (empty)');
      await shoot(asWorker, 'pdp-empty');

      await asWorker.type('textarea[name="strengths"]', 'Calm and clear with distressed callers');
      await asWorker.click('button::-p-text(Save strengths)');
      await asWorker.waitForSelector('::-p-text(Strengths saved.)');
      const goalForm = 'form:has(input[name="intent"][value="goal"])';
      await asWorker.type(`${goalForm} textarea[name="description"]`, 'Agreeing contact with the people I support');
      await asWorker.select(`${goalForm} select[name="link"]`, `item:${item.id}`);
      // Without a target date it is refused beside the field, what was typed kept.
      await asWorker.click(`${goalForm} button::-p-text(Add area for development)`);
      await asWorker.waitForSelector(`${goalForm} .govuk-error-message`);
      expect(await asWorker.$eval(`${goalForm} .govuk-error-message`, (element) => element.textContent ?? '')).to.match(/target date/i);
      expect(await asWorker.$eval(`${goalForm} textarea[name="description"]`, (element) => (element as HTMLTextAreaElement).value)).to.equal('Agreeing contact with the people I support');
      await axe.check(asWorker, '/development-plan (goal without a target date)');
      for (const [name, value] of [['targetDate.day', 31], ['targetDate.month', 7], ['targetDate.year', nextYear]] as const) {
        await typeInto(asWorker, `${goalForm} input[name="${name}"]`, String(value));
      }
      await asWorker.keyboard.press('Tab');
      await new Promise((resolve) => setTimeout(resolve, 150));
      await asWorker.click(`${goalForm} button::-p-text(Add area for development)`);
      await asWorker.waitForSelector('::-p-text(Area for development added.)');
      expect(await mainText(asWorker)).to.contain(`31 July ${nextYear}`);

      const opportunityForm = 'form:has(input[name="intent"][value="opportunity"])';
      await fillOpportunity(asWorker, opportunityForm, { kind: 'e_learning', description: 'Boundaries e-learning module' });
      await asWorker.click(`${opportunityForm} button::-p-text(Add learning opportunity)`);
      await asWorker.waitForSelector(`${opportunityForm} .govuk-error-message`);
      expect(await asWorker.$eval(`${opportunityForm} .govuk-error-message`, (element) => element.textContent ?? '')).to.match(/target date/i);
      expect(await asWorker.$eval(`${opportunityForm} textarea[name="description"]`, (element) => (element as HTMLTextAreaElement).value)).to.equal('Boundaries e-learning module');
      await axe.check(asWorker, '/development-plan (target date missing)');
      for (const [name, value] of [['targetDate.day', 30], ['targetDate.month', 6], ['targetDate.year', nextYear]] as const) {
        await typeInto(asWorker, `${opportunityForm} input[name="${name}"]`, String(value));
      }
      // Leaving the last box re-validates the form and takes the error summary away, moving the button: leave it first.
      await asWorker.keyboard.press('Tab');
      await new Promise((resolve) => setTimeout(resolve, 150));
      await asWorker.click(`${opportunityForm} button::-p-text(Add learning opportunity)`);
      await asWorker.waitForSelector('::-p-text(Learning opportunity added.)');
      await asWorker.click('button::-p-text(Agree and put forward for agreement)');
      await asWorker.waitForSelector('::-p-text(Plan agreed by you and put forward for agreement.)');
      expect(await mainText(asWorker)).to.contain('Version 1 is put forward and waits for the supervisor');
      await axe.check(asWorker, '/development-plan (put forward)');

      // The supervisor agrees it: both named, with the time; version 1 stays readable.
      asSupervisor = await newPage();
      await loginWith(asSupervisor, supervisor.email, password);
      const planPath = `/workers/${worker.id}/development-plan`;
      await asSupervisor.goto(url(planPath), { waitUntil: 'load' });
      await waitForHeading(asSupervisor, /personal development plan$/);
      await waitForHydration(asSupervisor);
      await asSupervisor.click('button::-p-text(Agree version 1)');
      await asSupervisor.waitForSelector('::-p-text(Plan agreed.)');
      let text = await mainText(asSupervisor);
      expect(text).to.contain('Current').and.contain(`${worker.name} on `).and.contain(`${supervisor.name} (supervisor) on `);
      await axe.check(asSupervisor, `${planPath} (agreed)`);
      await shoot(asSupervisor, 'pdp-agreed');
      await asSupervisor.click('a::-p-text(Version 1)');
      await waitForHeading(asSupervisor, /^Version 1$/);
      expect(await mainText(asSupervisor)).to.contain('Boundaries e-learning module').and.contain('Calm and clear with distressed callers');
      await axe.check(asSupervisor, `${planPath}/versions/1`);
      await shoot(asSupervisor, 'pdp-version');

      // The next session's agenda pulls the goal, the opportunity and the gaps per standard and section.
      const sessionPath = `/supervision/sessions/${session.id}`;
      await asSupervisor.goto(url(sessionPath), { waitUntil: 'load' });
      await waitForHeading(asSupervisor, /^Regular supervision:/);
      await waitForHydration(asSupervisor);
      text = await mainText(asSupervisor);
      expect(text).to.contain('Agenda: development plan and gaps').and.contain('Agreeing contact with the people I support').and.contain('Boundaries e-learning module');
      expect(text).to.contain(versionTitle).and.contain(item.section);
      await axe.check(asSupervisor, `${sessionPath} (agenda)`);

      const record = 'form:has(input[name="intent"][value="record"])';
      for (const [name, value] of [
        ['attendance', 'Both attended'],
        ['discussion', 'Talked through contact agreements'],
        ['wellbeing', 'Well'],
        ['workload', 'Manageable'],
        ['practiceIssues', 'None'],
        ['learning', 'E-learning half done'],
        ['pdpReview', 'Goal on track; shadowing agreed'],
      ] as const) {
        await asSupervisor.type(`${record} textarea[name="${name}"]`, value);
      }
      await asSupervisor.click(`${record} button::-p-text(Save record)`);
      await asSupervisor.waitForSelector('::-p-text(Record saved.)');
      const fromRecord = 'form:has(input[name="intent"][value="pdp-opportunity"])';
      await fillOpportunity(asSupervisor, fromRecord, { kind: 'shadowing', description: 'Shadow Mia on two contact calls', date: [15, 7, nextYear] });
      await asSupervisor.click(`${fromRecord} button::-p-text(Add learning opportunity)`);
      await asSupervisor.waitForSelector('::-p-text(Learning opportunity added to the development plan.)');
      expect(await mainText(asSupervisor)).to.contain('Added to the development plan from this record').and.contain('Shadow Mia on two contact calls');
      await axe.check(asSupervisor, `${sessionPath} (opportunity added)`);
      await shoot(asSupervisor, 'session-agenda');

      // The worker's PDP shows it, agreed in supervision on the session's date, linking to the session.
      await asWorker.goto(url('/development-plan'), { waitUntil: 'load' });
      await waitForHeading(asWorker, /^Your personal development plan$/);
      text = await mainText(asWorker);
      expect(text).to.contain('Shadow Mia on two contact calls').and.contain('Agreed in supervision on ');
      expect(await asWorker.$eval(`a[href="${sessionPath}"]`, (link) => link.textContent ?? '')).to.match(/^Agreed in supervision on /);
      await axe.check(asWorker, '/development-plan (with an opportunity from supervision)');
      await shoot(asWorker, 'pdp-worker');
    } catch (error) {
      if (process.env.SHOTS_DIR && asWorker) await asWorker.screenshot({ path: path.join(process.env.SHOTS_DIR, 'failure-worker.png'), fullPage: true });
      if (process.env.SHOTS_DIR && asSupervisor) await asSupervisor.screenshot({ path: path.join(process.env.SHOTS_DIR, 'failure-supervisor.png'), fullPage: true });
      throw error;
    } finally {
      await closePage(asWorker);
      await closePage(asSupervisor);
    }
    axe.expectNone();
  });
});
