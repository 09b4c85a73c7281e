// The home page lists each policy version to acknowledge, each role past its target date and each requested debrief,
// linked to the page where it is dealt with, with the same counts as those pages.
import { expect } from 'chai';
import { attentionFor, type AttentionSection } from '#app/domain/home.server.ts';
import { acknowledgePolicy, addPolicy, addPolicyVersion, listPolicies } from '#app/domain/policies.server.ts';
import { workerProgress } from '#app/domain/progress.server.ts';
import { assignRoleProfile, createRoleProfile, endRoleAssignment } from '#app/domain/role-profiles.server.ts';
import { moveSession, requestUrgentDebrief } from '#app/domain/supervision/sessions.server.ts';
import { listManagedTeam } from '#app/domain/team.server.ts';
import { addDays, addMonths, formatDate, formatDateTime, today } from '#app/utils/dates/index.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { SupervisionSession } from '#db/models/index.ts';
import { createStaffedOrganisation, giveStandard, unique } from '#test/factories/index.ts';

const items = (sections: AttentionSection[], role: string) => sections.find((section) => section.role === role)?.items ?? [];

describe('home page tasks: policies, role targets and debriefs', () => {
  it('lists each policy whose current version the person has not acknowledged, as the policies page marks them', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const version = { version: '1.0', adoptedOn: '2026-01-01', nextReviewOn: '2099-01-01', body: 'Text.' };
    const care = await addPolicy(contextFor(admin), { ...version, title: unique('Customer care') });
    const safeguarding = await addPolicy(contextFor(admin), { ...version, title: unique('Safeguarding') });
    await acknowledgePolicy(contextFor(worker), safeguarding);

    let tasks = items(await attentionFor(worker), 'policies');
    const care10 = (await listPolicies(worker)).find((policy) => policy.id === care)!;
    expect(tasks).to.deep.equal([{ text: `Read and acknowledge version 1.0 of ${care10.title}.`, href: `/policies/${care}` }]);
    expect(tasks).to.have.length((await listPolicies(worker)).filter((policy) => !policy.acknowledged).length);

    // A new version asks again; acknowledging it clears the task.
    await addPolicyVersion(contextFor(admin), safeguarding, { ...version, version: '2.0', adoptedOn: '2026-06-01' });
    tasks = items(await attentionFor(worker), 'policies');
    expect(tasks.map((task) => task.href)).to.have.members([`/policies/${care}`, `/policies/${safeguarding}`]);
    expect(tasks.find((task) => task.href === `/policies/${safeguarding}`)!.text).to.match(/^Read and acknowledge version 2\.0 of /);
    await acknowledgePolicy(contextFor(worker), care);
    await acknowledgePolicy(contextFor(worker), safeguarding);
    expect(items(await attentionFor(worker), 'policies')).to.deep.equal([]);
  });

  it('tells the worker a role target has passed with the items the progress page shows missing, and the manager how many people', async () => {
    const org = await createStaffedOrganisation();
    const { admin, worker, manager } = org;
    const { version, items: standardItems } = await giveStandard(admin, 'ASTH325');
    const name = unique('Customer contact worker');
    const profileId = await createRoleProfile(contextFor(admin), {
      name,
      standardIds: [version.standardId],
      supervisionFrequencyWeeks: 6,
      urgentDebriefOnRequest: true,
      targetMonths: 12,
    });
    const startedOn = addMonths(today(), -13);
    const assignmentId = await assignRoleProfile(contextFor(admin), { personId: worker.id, roleProfileId: profileId, startedOn });
    // A role whose target is still ahead is no task.
    await assignRoleProfile(contextFor(admin), { personId: org.supervisor.id, roleProfileId: profileId, startedOn: today() });

    const missing = (await workerProgress(worker, worker.id)).standards.find((standard) => standard.urn === 'ASTH325')!.missing.length;
    expect(missing).to.equal(standardItems.length);
    expect(items(await attentionFor(worker), 'worker')).to.deep.include({
      text: `Your ${name} role: the target date, ${formatDate(addMonths(startedOn, 12))}, has passed with ${missing} items still to do.`,
      href: '/progress',
    });
    expect(items(await attentionFor(org.supervisor), 'worker').map((item) => item.text).join(' ')).not.to.include('has passed');

    const members = (await listManagedTeam(manager)).flatMap((team) => team.members);
    expect(members.filter((member) => member.passedTargets.length).map((member) => member.id)).to.deep.equal([worker.id]);
    expect(items(await attentionFor(manager), 'manager')).to.deep.include({ count: 1, text: '1 of them is past the target date of a role.', href: '/team' });

    // An ended role is history, not a task.
    await endRoleAssignment(contextFor(admin), assignmentId, today());
    expect(items(await attentionFor(worker), 'worker').map((item) => item.text).join(' ')).not.to.include('has passed');
    expect(items(await attentionFor(manager), 'manager').map((item) => item.text).join(' ')).not.to.include('target date');
  });

  it('gives the supervisor one task per requested debrief, linked to the session, until it is arranged', async () => {
    const { supervisor, worker } = await createStaffedOrganisation();
    const sessionId = await requestUrgentDebrief(contextFor(worker), 'A distressing call this morning');
    const requestedAt = (await SupervisionSession.findByPk(sessionId))!.startsAt;
    expect(items(await attentionFor(supervisor), 'supervision')).to.deep.include({
      text: `${worker.name} asked for an urgent debrief on ${formatDateTime(requestedAt)}: arrange a time.`,
      href: `/supervision/sessions/${sessionId}`,
    });
    expect(items(await attentionFor(worker), 'supervision')).to.deep.include({
      text: 'Your urgent debrief request is waiting for your supervisor to arrange a time.',
      href: `/supervision/sessions/${sessionId}`,
    });
    await moveSession(contextFor(supervisor), sessionId, { date: addDays(today(), 1), startTime: '16:00', endTime: '16:30' });
    expect(items(await attentionFor(supervisor), 'supervision').map((item) => item.text).join(' ')).not.to.include('urgent debrief');
  });
});
