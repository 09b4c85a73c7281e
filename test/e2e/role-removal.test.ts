// Over HTTP: a supervisor whose supervisor role an admin removes loses their former supervisee's supervision record
// and evidence file at once (404), and the admin is shown whom to reassign.
import { expect } from 'chai';
import { recordEvidence } from '#app/domain/evidence.server.ts';
import { hashPassword } from '#app/utils/password.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { EvidenceFile, Evidence, Person, PersonRole, StandardItem, StandardVersion, SupervisionSession } from '#db/models/index.ts';
import { holdVersion } from '#test/factories/standards.ts';
import { httpLogin, httpLoginAs, url, type HttpSession } from './harness.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function get(session: HttpSession, path: string): Promise<number> {
  const response = await fetch(url(path), { headers: { Cookie: session.cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
}

describe('removing the supervisor role (HTTP)', function () {
  it('the former supervisor gets 404 for the supervisee’s record and evidence file; the admin sees whom to reassign', async () => {
    const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const password = `former supervisor ${stamp}`;
    const admin = await Person.findOne({ where: { email: 'amira.khan@riverside.example.org' } });
    if (!admin) throw new Error('The demo organisation is not seeded');
    const organisationId = admin.organisationId;
    const person = (name: string, email: string, lineSupervisorId: number | null) =>
      Person.create({ organisationId, name, email, jobTitle: null, passwordHash: null, teamId: null, lineSupervisorId, deactivatedAt: null });
    const supervisor = await person(`Fran Former ${stamp}`, `fran.${stamp}@riverside.example.org`, null);
    await supervisor.update({ passwordHash: await hashPassword(password) });
    const worker = await person(`Wes Worker ${stamp}`, `wes.${stamp}@riverside.example.org`, supervisor.id);
    await PersonRole.bulkCreate([
      { organisationId, personId: supervisor.id, role: 'supervisor' },
      { organisationId, personId: supervisor.id, role: 'worker' },
      { organisationId, personId: worker.id, role: 'worker' },
    ]);
    const workerActor = { id: worker.id, organisationId, organisationName: '', name: worker.name, email: worker.email, roles: ['worker' as const], teamId: null, lineSupervisorId: supervisor.id };
    // Submitted evidence against a held item: a draft would be the worker's alone, supervisor or not.
    const version = (await StandardVersion.findOne({ where: { organisationId, isCurrent: true }, order: [['id', 'ASC']] }))!;
    await holdVersion(organisationId, version.id, [worker]);
    const item = (await StandardItem.findOne({ where: { standardVersionId: version.id }, order: [['position', 'ASC']] }))!;
    const evidenceId = await recordEvidence(
      contextFor(workerActor),
      { type: 'reflective_account', title: 'A visit', activityDate: '2026-01-14', description: 'What I did', links: [{ itemId: item.id, note: 'Shows it' }] },
      [{ name: 'notes.pdf', bytes: PDF }],
      { submissionToken: `role-removal-${stamp}`, submit: true },
    );
    const file = await EvidenceFile.findOne({ where: { evidenceRevisionId: (await Evidence.findByPk(evidenceId))!.currentRevisionId! } });
    const startsAt = new Date(Date.now() - 2 * 86_400_000);
    const session = await SupervisionSession.create({
      organisationId,
      agreementId: null,
      workerId: worker.id,
      supervisorId: supervisor.id,
      type: 'regular',
      status: 'held',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      place: null,
      requestReason: null,
      cancelReason: null,
      requestedById: null,
    });
    const record = `/supervision/sessions/${session.id}`;
    const evidenceFile = `/evidence-files/${file!.id}`;

    const former = await httpLogin(supervisor.email, password);
    expect(await get(former, record), 'record, while a supervisor').to.equal(200);
    expect(await get(former, evidenceFile), 'file, while a supervisor').to.equal(200);

    const adminSession = await httpLoginAs('admin');
    const saved = await fetch(url(`/people/${supervisor.id}`), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: adminSession.cookie },
      body: new URLSearchParams([
        ['csrf', adminSession.csrf],
        ['intent', 'save'],
        ['name', supervisor.name],
        ['email', supervisor.email],
        ['roles', 'worker'],
      ]),
    });
    expect(saved.status, 'saving the person without the supervisor role').to.equal(302);

    expect(await get(former, record), 'record, after the role is removed').to.equal(404);
    expect(await get(former, evidenceFile), 'file, after the role is removed').to.equal(404);
    expect(await get(former, `/supervision/workers/${worker.id}`), 'supervision page').to.equal(404);
    expect(await get(former, `/workers/${worker.id}`), 'evidence and progress page').to.equal(404);

    const page = await fetch(url(`/people/${supervisor.id}`), { headers: { Cookie: adminSession.cookie } });
    const html = await page.text();
    expect(html).to.contain('data-testid="to-reassign"');
    expect(html).to.contain(`href="/people/${worker.id}"`);
  });
});
