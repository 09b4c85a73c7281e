// Internal quality assurance in Chromium (issue 14, point 8): the IQA opens the sample, challenges a decision (a
// challenge without a note is refused beside the field), the assessor sees the challenge on their home page with the
// link to answer it, answers it with a new decision, and the IQA's sample shows it answered. Axe on every page.
import { expect } from 'chai';
import type { Page } from 'puppeteer';
import { recordDecisions } from '#app/domain/assessment/decisions.server.ts';
import { iqaSettingsForm, setIqaSettings } from '#app/domain/assessment/iqa.server.ts';
import type { Role } from '#app/domain/roles.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Evidence, EvidenceItemLink, Person, PersonRole } from '#db/models/index.ts';
import { AccessibilityAudit, closePage, demoLogin, inputIdForLabel, loginAs, newPage, shoot, url, waitForHeading, waitForHydration } from './harness.ts';

async function actorOf(email: string): Promise<Actor> {
  const person = (await Person.findOne({ where: { email } }))!;
  const roles = (await PersonRole.findAll({ where: { personId: person.id } })).map((row) => row.role as Role);
  return { id: person.id, organisationId: person.organisationId, organisationName: 'Demo', name: person.name, email, roles, teamId: person.teamId, lineSupervisorId: person.lineSupervisorId };
}

async function cardText(page: Page, decisionId: number): Promise<string> {
  return page.$eval(`#decision-${decisionId}`, (card) => (card.textContent ?? '').replace(/\s+/g, ' '));
}

describe('internal quality assurance in the browser', function () {
  this.timeout(120_000);
  let page: Page | undefined;
  let restoreRules: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await closePage(page);
    await restoreRules?.();
    restoreRules = undefined;
  });

  it('the IQA challenges a sampled decision, the assessor sees it on their home page, answers, and the sample shows it answered', async () => {
    const audit = new AccessibilityAudit();
    // Priya, the demo assessor, judges one item of Sarah's submitted evidence. Other tests judge too this month, so
    // which decision fills her monthly minimum depends on their order: the sample takes every decision while this runs.
    const admin = await actorOf((await demoLogin('admin')).email);
    const rules = (await iqaSettingsForm(admin)).settings;
    await setIqaSettings(contextFor(admin), { ...rules, samplePercent: 100 });
    restoreRules = () => setIqaSettings(contextFor(admin), rules);
    const assessorLogin = await demoLogin('assessor');
    const workerLogin = await demoLogin('worker');
    const assessor = await actorOf(assessorLogin.email);
    const sarah = (await Person.findOne({ where: { email: workerLogin.email } }))!;
    const evidence = (await Evidence.findOne({ where: { workerId: sarah.id, submissionToken: 'demo-sarah-boundaries' } }))!;
    const link = (await EvidenceItemLink.findOne({ where: { evidenceRevisionId: evidence.currentRevisionId! }, order: [['id', 'ASC']] }))!;
    const key = `e2e-iqa-${Date.now()}`;
    await recordDecisions(contextFor(assessor), {
      workerId: sarah.id,
      evidenceIds: [evidence.id],
      judgements: [{ itemId: link.standardItemId, outcome: 'met', method: 'examination_of_work_product', feedback: '' }],
      submissionKey: key,
    });
    const { AssessmentDecision } = await import('#db/models/index.ts');
    const decision = (await AssessmentDecision.findOne({ where: { submissionKey: key } }))!;

    page = await newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await loginAs(page, 'iqa');
    await page.goto(url('/iqa'), { waitUntil: 'load' });
    await waitForHeading(page, /^IQA sample$/);
    await waitForHydration(page);
    expect(await cardText(page, decision.id)).to.contain('Waiting for review').and.to.contain(assessor.name);
    expect(await page.$eval(`#decision-${decision.id} a[href="/evidence/${evidence.id}"]`, (anchor) => anchor.textContent)).to.be.a('string');
    await audit.check(page, '/iqa');
    await shoot(page, 'iqa-sample');

    // A challenge needs a note: refused beside the field, nothing written.
    await page.click(`#decision-${decision.id} button[value="challenged"]`);
    await page.waitForSelector(`#note-${decision.id}-error`);
    expect(await page.$eval(`#note-${decision.id}-error`, (message) => message.textContent)).to.contain('Enter a note for the assessor');
    await audit.check(page, '/iqa (challenge without a note)');
    await shoot(page, 'iqa-sample-error');

    await page.type(`#note-${decision.id}`, 'The account does not say how the risk was recorded.');
    await page.click(`#decision-${decision.id} button[value="challenged"]`);
    await page.waitForFunction(() => document.body.textContent?.includes('Decision challenged'));
    expect(await cardText(page, decision.id)).to.contain('Challenged by').and.to.contain('The account does not say how the risk was recorded.');

    for (const [path, heading] of [['/iqa/report', /^IQA sampling report$/], ['/iqa/assessors', /^Assessors$/]] as const) {
      await page.goto(url(path), { waitUntil: 'load' });
      await waitForHeading(page, heading);
      await audit.check(page, path);
      await shoot(page, path.slice(1).replace('/', '-'));
    }
    const csv = await page.evaluate(async () => (await fetch('/iqa/report/download')).text());
    expect(csv.split('\n')[0]).to.equal('Group,Name,Decisions made,Sampled,Reviewed,Agreed,Challenged,% sampled');
    // Other journeys judge too this month: the assessor's row counts at least this challenged, reviewed decision, and
    // with every decision sampled while this runs, 100% of theirs.
    const row = csv.split('\n').find((line) => line.startsWith(`Assessor,${assessor.name},`))!.trim().split(',');
    const [made, sampled, reviewed, , challenged, percent] = row.slice(2).map(Number);
    expect(sampled, 'sampled').to.equal(made);
    expect(percent).to.equal(100);
    expect(reviewed).to.be.at.least(1);
    expect(challenged).to.be.at.least(1);
    await closePage(page);

    // The assessor sees the challenge on their home page, linked to the item's page where they answer it.
    page = await newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await loginAs(page, 'assessor');
    const home = await page.$eval('main', (main) => (main.textContent ?? '').replace(/\s+/g, ' '));
    expect(home).to.contain('1 decision challenged by the IQA');
    const answerHref = await page.$eval('a[href*="?answers="]', (anchor) => anchor.getAttribute('href'));
    expect(answerHref).to.match(new RegExp(`^/workers/${sarah.id}/items/${link.standardItemId}\\?answers=\\d+$`));
    await audit.check(page, '/ (assessor)');
    await shoot(page, 'assessor-home-challenge');
    // The answer: a new decision on the item's page, naming the challenge.
    await page.click('a[href*="?answers="]');
    await waitForHeading(page, /^P\d+/);
    await waitForHydration(page);
    expect(await page.$eval('main', (main) => main.textContent ?? '')).to.contain('You are answering the IQA’s challenge');
    await page.click(`input[name="evidenceId"][value="${evidence.id}"]`);
    await page.click(`input[name="item-${link.standardItemId}-outcome"][value="not_yet_met"]`);
    await page.select(`[name="item-${link.standardItemId}-method"]`, 'questioning');
    await page.type(`[name="item-${link.standardItemId}-feedback"]`, 'Add how you recorded the risk.');
    await audit.check(page, '/workers/:id/items/:id?answers (assessor)');
    await shoot(page, 'assessor-answer-form');
    await page.click('form#judge button[type="submit"]');
    await page.waitForFunction(() => document.body.textContent?.includes('Decision recorded'));
    const answer = await AssessmentDecision.findOne({ where: { workerId: sarah.id, standardItemId: link.standardItemId }, order: [['id', 'DESC']] });
    expect(answer!.answersReviewId).to.be.a('number');
    expect(answer!.outcome).to.equal('not_yet_met');
    await page.goto(url('/'), { waitUntil: 'load' });
    expect(await page.$eval('main', (main) => main.textContent ?? '')).to.not.contain('challenged by the IQA');
    await closePage(page);

    page = await newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await loginAs(page, 'iqa');
    await page.goto(url('/iqa'), { waitUntil: 'load' });
    await waitForHeading(page, /^IQA sample$/);
    expect(await cardText(page, decision.id)).to.contain('Answered').and.to.contain('The assessor answered with a new decision.');
    await closePage(page);

    // The admin's pages: the sampling rules and the standard's assessment rules form.
    page = await newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await loginAs(page, 'admin');
    await page.goto(url('/iqa/settings'), { waitUntil: 'load' });
    await waitForHeading(page, /^IQA sampling rules$/);
    await audit.check(page, '/iqa/settings');
    await shoot(page, 'iqa-settings');
    await page.goto(url('/standards/ASTH325'), { waitUntil: 'load' });
    await waitForHydration(page);
    const observation = await inputIdForLabel(page, 'Items that need direct observation');
    const codes = await inputIdForLabel(page, 'Codes of the chosen items');
    await page.select(`[id="${observation}"]`, 'chosen');
    await page.type(`[id="${codes}"]`, 'P1 P99');
    await page.click('form#assessment-rules button[type="submit"]');
    await page.waitForFunction((id) => document.getElementById(id)?.closest('.govuk-form-group')?.querySelector('.govuk-error-message'), {}, codes);
    const codesError = await page.$eval(`[id="${codes}"]`, (input) => input.closest('.govuk-form-group')?.querySelector('.govuk-error-message')?.textContent ?? '');
    expect(codesError).to.contain('P99 is not an item of this standard');
    await audit.check(page, '/standards/ASTH325 (rules error)');
    await shoot(page, 'standard-rules-error');
    audit.expectNone();
  });
});
