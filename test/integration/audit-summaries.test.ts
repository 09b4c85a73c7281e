// Audit summaries read as sentences: UK dates and times, counts with the right noun, "an" before a vowel.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { assignRoleProfile, createRoleProfile, endRoleAssignment } from '#app/domain/role-profiles.server.ts';
import { saveStandardVersions } from '#app/domain/standards.server.ts';
import { moveSession, planSession } from '#app/domain/supervision/sessions.server.ts';
import { addDays, today } from '#app/utils/dates/index.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AuditEvent, StandardVersion } from '#db/models/index.ts';
import type { NosStandard } from '#standards/schema.ts';
import { createStaffedOrganisation, unique } from '#test/factories/index.ts';

const template = JSON.parse(readFileSync(new URL('../../standards/parsed/ASTH325.json', import.meta.url), 'utf8')) as NosStandard;

async function summaries(organisationId: number): Promise<string[]> {
  const events = await AuditEvent.findAll({ where: { organisationId }, order: [['id', 'ASC']] });
  return events.map((event) => event.summary);
}

describe('audit summaries', () => {
  it('a moved session names its new day and time as people read them, and an appraisal is "an appraisal session"', async () => {
    const org = await createStaffedOrganisation();
    const ctx = contextFor(org.supervisor, { ipAddress: 'ip' });
    const id = await planSession(ctx, org.worker.id, { date: addDays(today(), 3), startTime: '10:00', endTime: '11:00', type: 'appraisal' });
    const nextYear = Number(today().slice(0, 4)) + 1;
    await moveSession(ctx, id, { date: `${nextYear}-12-02`, startTime: '14:00', endTime: '15:00' });
    const written = await summaries(org.organisation.id);
    expect(written).to.include(`${org.supervisor.name} planned an appraisal session for ${org.worker.name}`);
    const moved = written.find((summary) => summary.includes('moved a supervision session'));
    expect(moved).to.equal(`${org.supervisor.name} moved a supervision session of ${org.worker.name} to 2 December ${nextYear} at 2:00pm`);
    expect(written.join('\n')).not.to.match(/\d{4}-\d{2}-\d{2}|\d{2}:\d{2}(?!pm|am)/);
  });

  it('a role assignment gives its start, target and end dates as UK dates, and one standard is "1 required standard"', async () => {
    const { admin, worker, organisation } = await createStaffedOrganisation();
    const urn = unique('TEST').toUpperCase();
    const [saved] = await saveStandardVersions(contextFor(admin, { ipAddress: 'ip' }), [{ ...template, urn, version: '1', title: `Standard ${urn}` }]);
    const standardId = (await StandardVersion.findByPk(saved!.standardVersionId))!.standardId;
    const name = unique('Care worker');
    const profileId = await createRoleProfile(contextFor(admin, { ipAddress: 'ip' }), {
      name,
      description: 'Provides personal care',
      standardIds: [standardId],
      supervisionFrequencyWeeks: 8,
      probationSupervisionFrequencyWeeks: 4,
      urgentDebriefOnRequest: true,
      targetMonths: 12,
    });
    const assignmentId = await assignRoleProfile(contextFor(admin, { ipAddress: 'ip' }), { personId: worker.id, roleProfileId: profileId, startedOn: '2026-01-31' });
    await endRoleAssignment(contextFor(admin, { ipAddress: 'ip' }), assignmentId, '2026-06-30');
    const written = await summaries(organisation.id);
    expect(written).to.include(`${admin.name} created the role profile ${name} with 1 required standard`);
    expect(written).to.include(`${admin.name} assigned ${worker.name} the role ${name} from 31 January 2026, target 31 January 2027`);
    expect(written).to.include(`${admin.name} ended ${worker.name}’s role ${name} on 30 June 2026`);
    expect(written.some((summary) => summary.includes(`imported ${urn} version 1 (`) && /\(\d+ items\)$/.test(summary))).to.equal(true);
  });
});
