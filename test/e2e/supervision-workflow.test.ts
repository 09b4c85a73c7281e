// Over HTTP and in Chromium: a session's record from draft to locked, each party offered only the forms the workflow allows them
// next; a form sent after the record moved on is refused (409) and changes nothing.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { SupervisionRecord, SupervisionSession } from '#db/models/index.ts';
import { AccessibilityAudit, closePage, httpLogin, inputIdForLabel, loginWith, newPage, url, waitForHeading, waitForHydration, type HttpSession } from './harness.ts';
import { supervisionPair } from './supervision-pair.ts';

async function page(session: HttpSession, path: string): Promise<string> {
  const response = await fetch(url(path), { headers: { Cookie: session.cookie }, redirect: 'manual' });
  expect(response.status, `GET ${path}`).to.equal(200);
  return response.text();
}

async function post(session: HttpSession, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url(path), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
    body: new URLSearchParams({ csrf: session.csrf, ...fields }),
  });
}

const RECORD = {
  attendance: 'Both attended',
  discussion: 'Talked through a difficult call',
  wellbeing: 'Coping well',
  workload: 'Twenty open contacts',
  practiceIssues: 'None',
  learning: 'PDP reviewed',
};

const pair = () => supervisionPair({ supervisor: 'Sam Supervisor', worker: 'Wren Worker' });

describe('a supervision record’s workflow', function () {
  it('offers each party the next step only, and refuses a stale form with 409 without writing', async () => {
    const { supervisor, worker, password, session, path } = await pair();
    const asSupervisor = await httpLogin(supervisor.email, password);
    const asWorker = await httpLogin(worker.email, password);

    let html = await page(asSupervisor, path);
    expect(html).to.contain('Write the record').and.contain('Mark as missed').and.contain('Cancel session');
    html = await page(asWorker, path);
    expect(html).to.contain('No record yet.').and.not.contain('Write the record').and.not.contain('Cancel session');

    expect((await post(asSupervisor, path, { intent: 'record', ...RECORD })).status, 'writing the record').to.equal(302);
    html = await page(asSupervisor, path);
    expect(html).to.contain('Change the record').and.contain('Agree and share with').and.not.contain('Mark as missed').and.not.contain('Cancel session');
    html = await page(asWorker, path);
    expect(html).to.contain('Your supervisor is still writing this record.').and.not.contain(RECORD.discussion);

    expect((await post(asSupervisor, path, { intent: 'share' })).status, 'sharing').to.equal(302);
    html = await page(asWorker, path);
    expect(html).to.contain(RECORD.discussion).and.contain('Agree this record');
    expect((await post(asWorker, path, { intent: 'agree', comments: 'Agreed' })).status, 'agreeing').to.equal(302);
    html = await page(asSupervisor, path);
    expect(html).to.contain('Add addendum').and.not.contain('Save record').and.not.contain('Agree and share with');
    // Statuses read as tags with words; a locked record says when it locked, not a date to agree it by.
    expect(html).to.contain('<strong class="govuk-tag govuk-tag--green">Agreed and locked</strong>').and.contain('Locked on ');
    expect(html).to.contain('<strong class="govuk-tag govuk-tag--green">Held</strong>').and.not.contain('To be agreed by');
    html = await page(asWorker, `/supervision/workers/${worker.id}`);
    expect(html).to.contain('>Held</strong>').and.contain('>Agreed and locked</strong>').and.not.contain('<td class="govuk-table__cell">held</td>');

    const before = (await SupervisionRecord.findOne({ where: { sessionId: session.id } }))!.get({ plain: true });
    const stale = await post(asSupervisor, path, { intent: 'record', ...RECORD, discussion: 'Rewritten after agreement' });
    expect(stale.status, 'a record form sent after the record was locked').to.equal(409);
    expect(await stale.text()).to.contain('add an addendum instead');
    const cancel = await post(asSupervisor, path, { intent: 'cancel', reason: 'Not needed' });
    expect(cancel.status, 'cancelling a held session').to.equal(409);
    expect(await cancel.text()).to.contain('Only a planned or requested session can be cancelled');
    expect((await post(asSupervisor, path, { intent: 'unknown' })).status, 'an intent the page does not know').to.equal(400);
    expect((await SupervisionRecord.findOne({ where: { sessionId: session.id } }))!.get({ plain: true })).to.deep.equal(before);
    expect((await SupervisionSession.findByPk(session.id))!.status).to.equal('held');
  });

  it('in the browser, the supervisor writes and shares the record through the page’s forms, each checked with axe', async () => {
    const { supervisor, password, path } = await pair();
    const axe = new AccessibilityAudit();
    let browser: Page | undefined;
    try {
      browser = await newPage();
      await loginWith(browser, supervisor.email, password);
      await browser.goto(url(path), { waitUntil: 'load' });
      await waitForHeading(browser, /^Regular supervision: Wren Worker/);
      await waitForHydration(browser);
      await axe.check(browser, `${path} (to record)`);
      for (const [label, text] of [
        ['Attendance', RECORD.attendance],
        ['Discussion', RECORD.discussion],
        ['Wellbeing', RECORD.wellbeing],
        ['Workload and caseload', RECORD.workload],
        ['Practice issues', RECORD.practiceIssues],
        ['Learning and PDP review', RECORD.learning],
      ] as const) {
        await browser.type(`[id="${await inputIdForLabel(browser, label)}"]`, text);
      }
      await browser.click('button::-p-text(Save record)');
      await browser.waitForSelector('::-p-text(Record saved.)');
      expect(await browser.$eval('main', (main) => main.textContent ?? '')).to.contain('Change the record');
      await axe.check(browser, `${path} (draft)`);
      // An empty action is refused in the page, beside its field, before anything is sent.
      await browser.click('button::-p-text(Add action)');
      await browser.waitForSelector('::-p-text(Enter what is to be done)');
      await browser.click('button::-p-text(Agree and share with)');
      await browser.waitForSelector('::-p-text(Record agreed by you and shared with the worker.)');
      const main = await browser.$eval('main', (element) => element.textContent ?? '');
      expect(main).to.contain(RECORD.discussion).and.not.contain('Agree and share with');
      await axe.check(browser, `${path} (shared)`);
    } finally {
      await closePage(browser);
    }
    axe.expectNone();
  });

  it('in the browser, the supervisor records a session that took place and lands on its record, and arranges a requested debrief', async () => {
    const { supervisor, worker, password } = await pair();
    const asWorker = await httpLogin(worker.email, password);
    expect((await post(asWorker, '/supervision', { intent: 'debrief', reason: 'A hard call this morning' })).status, 'asking for a debrief').to.equal(302);
    const axe = new AccessibilityAudit();
    let browser: Page | undefined;
    try {
      browser = await newPage();
      await loginWith(browser, supervisor.email, password);
      const workerPath = `/supervision/workers/${worker.id}`;
      await browser.goto(url(workerPath), { waitUntil: 'load' });
      await waitForHeading(browser, /^Supervision: Wren Worker/);
      await waitForHydration(browser);
      await axe.check(browser, `${workerPath} (with a debrief requested)`);
      const yesterday = new Date(Date.now() - 86_400_000);
      const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(yesterday).split('-');
      const form = 'form:has(input[name="intent"][value="held"])';
      await browser.select(`${form} select[name="type"]`, 'regular');
      for (const [name, value] of [['date.day', Number(day)], ['date.month', Number(month)], ['date.year', year], ['startTime', '10:00'], ['endTime', '11:00']] as const) {
        await browser.type(`${form} input[name="${name}"]`, String(value));
      }
      await browser.click(`${form} button::-p-text(Record session)`);
      await browser.waitForSelector('::-p-text(Session added as held. Now write its record.)');
      expect(new URL(browser.url()).pathname).to.match(/^\/supervision\/sessions\/\d+$/);
      const recorded = await SupervisionSession.findOne({ where: { workerId: worker.id, status: 'held' } });
      expect(recorded, 'the session is held').to.not.equal(null);
      expect(new URL(browser.url()).pathname).to.equal(`/supervision/sessions/${recorded!.id}`);
      expect(await browser.$eval('main', (main) => main.textContent ?? '')).to.contain('Write the record').and.not.contain('Mark as missed');
      await axe.check(browser, '/supervision/sessions/<recorded> (to record)');

      const debrief = await SupervisionSession.findOne({ where: { workerId: worker.id, status: 'requested' } });
      const debriefPath = `/supervision/sessions/${debrief!.id}`;
      await browser.goto(url(debriefPath), { waitUntil: 'load' });
      await waitForHeading(browser, /^Urgent debrief: Wren Worker/);
      await waitForHydration(browser);
      const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() + 86_400_000)).split('-');
      const move = 'form:has(input[name="intent"][value="move"])';
      for (const [name, value] of [['date.day', Number(tomorrow[2])], ['date.month', Number(tomorrow[1])], ['date.year', tomorrow[0]], ['startTime', '16:00'], ['endTime', '16:30']] as const) {
        await browser.type(`${move} input[name="${name}"]`, String(value));
      }
      await browser.click(`${move} button::-p-text(Arrange)`);
      await browser.waitForSelector('::-p-text(Debrief arranged for)');
      const banner = await browser.$eval('main', (main) => main.textContent ?? '');
      expect(banner).to.contain('at 4:00pm.').and.not.contain('Session moved');
      await axe.check(browser, `${debriefPath} (arranged)`);
    } finally {
      await closePage(browser);
    }
    axe.expectNone();
  });
});
