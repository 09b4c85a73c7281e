// In Chromium, as the demo manager: find the biggest gap, plan a training session for the people lacking it, see it
// on the activity page, in each one's plan and on one worker's PDP page, then as that worker's supervisor on the
// agenda of their next session; read the workforce report (a period that ends before it starts is
// answered beside the field) and download its CSV; every page checked with axe.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { Op } from 'sequelize';
import { today as todayInLondon } from '#app/utils/dates/index.ts';
import { DevelopmentActivity, DevelopmentOpportunity, DevelopmentPlan, Person, SupervisionSession } from '#db/models/index.ts';
import { DEMO_PASSWORD } from '#db/seed/people.ts';
import { AccessibilityAudit, closePage, loginAs, loginWith, newPage, shoot, url, waitForHeading, waitForHydration } from './harness.ts';

describe('team development: planning against the biggest gap and the workforce report', function () {
  this.timeout(120_000);

  it('plans a training session for the people lacking the biggest gap and exports the report as CSV', async () => {
    const axe = new AccessibilityAudit();
    let page: Page | undefined;
    let asSupervisor: Page | undefined;
    try {
      page = await newPage();
      await loginAs(page, 'manager');
      await page.goto(url('/team'), { waitUntil: 'load' });
      await page.click('a::-p-text(Gaps and development)');
      await waitForHeading(page, /^Gaps and development$/);
      await axe.check(page);
      await shoot(page, 'gaps');

      // The biggest gap is the first item listed.
      const first = await page.$eval('table tbody tr th a', (link) => ({ href: link.getAttribute('href')!, text: link.textContent ?? '' }));
      await page.goto(url(first.href), { waitUntil: 'load' });
      await waitForHydration(page);
      const lacking = await page.$$eval('input[name="workerIds"]', (boxes) => boxes.filter((box) => (box as HTMLInputElement).checked).map((box) => Number((box as HTMLInputElement).value)));
      expect(lacking.length, 'people lacking the biggest gap, all chosen').to.be.greaterThan(0);
      await axe.check(page, `${first.href} (plan)`);
      await shoot(page, 'gap');

      // A date in the past is refused beside the field, what was typed kept.
      const year = String(Number(todayInLondon().slice(0, 4)) - 1);
      await page.type('input[name="place"]', 'Riverside House, training room');
      await page.type('input[name="startsOn.day"]', '1');
      await page.type('input[name="startsOn.month"]', '2');
      await page.type('input[name="startsOn.year"]', year);
      await page.click('button::-p-text(Plan development)');
      await page.waitForSelector('::-p-text(The date must be today or in the future)');
      expect(await page.$eval('input[name="place"]', (input) => (input as HTMLInputElement).value)).to.equal('Riverside House, training room');
      await axe.check(page, `${first.href} (date in the past)`);

      const [year2, month, day] = todayInLondon().split('-');
      for (const [part, value] of [['day', String(Number(day))], ['month', String(Number(month))], ['year', year2!]] as const) {
        await page.click(`input[name="startsOn.${part}"]`, { count: 3 });
        await page.keyboard.press('Backspace');
        await page.type(`input[name="startsOn.${part}"]`, value);
      }
      await page.click('button::-p-text(Plan development)');
      await page.waitForSelector('::-p-text(It is in each one’s development plan.)');
      const activityPath = new URL(page.url()).pathname;
      expect(activityPath).to.match(/^\/team\/activities\/\d+$/);
      const participants = await page.$$eval('table tbody tr th a', (links) => links.map((link) => link.textContent));
      expect(participants).to.have.length(lacking.length);
      await axe.check(page, `${activityPath} (planned)`);

      // It is in each chosen person's PDP: a learning opportunity on the activity.
      const activityId = Number(activityPath.split('/').pop());
      const opportunities = await DevelopmentOpportunity.findAll({ where: { activityId } });
      const plans = await DevelopmentPlan.findAll({ where: { id: opportunities.map((row) => row.planId) } });
      expect(plans.map((plan) => plan.workerId).sort()).to.deep.equal([...lacking].sort());
      const activity = (await DevelopmentActivity.findByPk(activityId))!;
      expect(activity.kind).to.equal('training');

      // One of them with a supervision session coming: the manager reads the training in that worker's PDP...
      const next = await SupervisionSession.findOne({ where: { workerId: lacking, status: 'planned', startsAt: { [Op.gt]: new Date() } }, order: [['startsAt', 'ASC']] });
      expect(next, 'someone lacking the gap has a supervision session planned').to.not.equal(null);
      const worker = (await Person.findByPk(next!.workerId))!;
      await page.goto(url(`/workers/${worker.id}/development-plan`), { waitUntil: 'load' });
      await waitForHeading(page, new RegExp(`^${worker.name}’s personal development plan$`));
      expect(await page.$eval('main', (element) => element.textContent ?? '')).to.contain(activity.title);
      await axe.check(page, `/workers/${worker.id}/development-plan (planned training)`);
      await shoot(page, 'worker-plan');

      // ...and their supervisor finds it on the agenda of that next session.
      const supervisor = (await Person.findByPk(next!.supervisorId))!;
      asSupervisor = await newPage();
      await loginWith(asSupervisor, supervisor.email, DEMO_PASSWORD);
      await asSupervisor.goto(url(`/supervision/sessions/${next!.id}`), { waitUntil: 'load' });
      await asSupervisor.waitForSelector('h2::-p-text(Agenda: development plan and gaps)');
      const agenda = await asSupervisor.$$eval('h3', (headings) => {
        const heading = headings.find((candidate) => candidate.textContent === 'Learning opportunities still to happen')!;
        return heading.nextElementSibling?.textContent ?? '';
      });
      expect(agenda).to.contain(`Training: ${activity.title}`);
      await axe.check(asSupervisor, `/supervision/sessions/${next!.id} (agenda with the planned training)`);
      await shoot(asSupervisor, 'next-session-agenda');
      await page.goto(url(activityPath), { waitUntil: 'load' });

      // Attendance: one participant attended.
      await waitForHydration(page);
      await page.select('select[name="opportunityId"]', String(opportunities[0]!.id));
      await page.select('select[name="attendance"]', 'attended');
      await page.click('button::-p-text(Record)');
      await page.waitForSelector('::-p-text(Attended: recorded.)');
      await axe.check(page, `${activityPath} (attendance)`);
      await shoot(page, 'activity');

      // The workforce report: a period that ends before it starts is answered beside the end date.
      await page.goto(url('/team/report?from.day=10&from.month=3&from.year=2026&to.day=9&to.month=3&to.year=2026'), { waitUntil: 'load' });
      await waitForHeading(page, /^Workforce report$/);
      await page.waitForSelector('::-p-text(The end date must be the same as or after the start date)');
      expect(await page.$eval('input[name="to.day"]', (input) => (input as HTMLInputElement).value)).to.equal('9');
      await axe.check(page, '/team/report (period backwards)');

      await page.goto(url('/team/report'), { waitUntil: 'load' });
      await waitForHeading(page, /^Workforce report$/);
      const main = await page.$eval('main', (element) => element.textContent ?? '');
      expect(main).to.contain('Safe and effective staffing').and.contain('Learning culture').and.contain('Workforce wellbeing and enablement').and.contain('Regulation 18');
      expect(await page.$$eval('svg[role="img"] title', (titles) => titles.map((title) => title.textContent))).to.deep.equal(['Coverage by standard', 'Items met over time', 'Supervision held against agreed']);
      await axe.check(page, '/team/report');
      await shoot(page, 'report');

      // A figure links to the people behind it.
      await page.click('a[href*="who=no-agreement"]');
      await page.waitForSelector('::-p-text(People: without a current supervision agreement)');
      await axe.check(page, '/team/report (people without an agreement)');

      const csvHref = await page.$eval('a::-p-text(Download the report as a CSV file)', (link) => link.getAttribute('href')!);
      const csv = await page.evaluate(async (href) => {
        const response = await fetch(href);
        return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: await response.text() };
      }, csvHref);
      expect(csv.status).to.equal(200);
      expect(csv.type).to.equal('text/csv; charset=utf-8');
      expect(csv.disposition).to.match(/^attachment; filename="workforce-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(csv.body.split('\n')[0]).to.equal('Section,Measure,Value,Out of,Percent,Period from,Period to');
      expect(csv.body).to.contain('Learning culture,People with development planned in the period,');
      axe.expectNone();
    } finally {
      await closePage(page);
      await closePage(asSupervisor);
    }
  });
});
