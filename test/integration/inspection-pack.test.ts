// The inspection pack, read back with tools independent of the code that made it (poppler's pdftotext, qpdf): the
// workforce report's figures as the report gives them, a page per person with their name and standards, the
// verification code on the cover and every footer, bookmarks, metadata, a name that looks like markup printed
// literally, who may print it, the issued row and its audit event, verification of the bytes, and the statement count.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { closePrintingBrowser } from '#app/domain/portfolio/browser.server.ts';
import { groupedCode } from '#app/domain/portfolio/codes.ts';
import { issueInspectionPack, loadInspectionPackData, type IssuedInspectionPack } from '#app/domain/portfolio/inspection-packs.server.ts';
import { compareCopy, describeIssuedDocument } from '#app/domain/portfolio/verification.server.ts';
import { assignRoleProfile, createRoleProfile } from '#app/domain/role-profiles.server.ts';
import { figureText } from '#app/domain/team/report-labels.ts';
import { workforceReport } from '#app/domain/team/workforce-report.server.ts';
import { addDays, today as todayInLondon } from '#app/utils/dates/index.ts';
import { Forbidden, NotFound } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { queryCounter } from '#db/connection.ts';
import { AuditEvent, IssuedDocument, Location, StandardVersion, Team } from '#db/models/index.ts';
import {
  actorFor,
  createAssessor,
  createEvidence,
  createPerson,
  createStaffedOrganisation,
  giveStandard,
  judge,
  judgement,
  makeManagerOf,
  recordedSession,
  signedAgreement,
  unique,
} from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

type Outline = { title: string; kids: Outline[] };
const today = todayInLondon();
const HOSTILE = `<script>alert("pack")</script> Evans`;

function tool(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text of each page, as pdftotext separates them (form feeds), white space folded. */
function pagesOf(file: string): string[] {
  return tool('pdftotext', [file, '-']).split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ' '));
}

/** Each page's lines as laid out (a table row on one line), white space folded. */
function linesOf(file: string): string[][] {
  return tool('pdftotext', ['-layout', file, '-'])
    .split('\f')
    .slice(0, -1)
    .map((page) => page.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()));
}

function outline(file: string): Outline[] {
  return (JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: Outline[] }).outlines;
}

/** A team of four the manager manages: a role profile with ASTH325 for each, items met, supervision for one, a name that is markup. */
async function setUp() {
  const org = await createStaffedOrganisation();
  const ctx = contextFor(org.admin);
  const ann = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, name: unique('Ann') }), ['worker']);
  const hostile = actorFor(await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, name: `${HOSTILE} ${unique('x')}` }), ['worker']);
  const { items } = await giveStandard(org.admin, 'ASTH325', []);
  const standardId = (await StandardVersion.findByPk(items[0]!.standardVersionId))!.standardId;
  const roleName = unique('Customer contact worker');
  const roleProfileId = await createRoleProfile(ctx, { name: roleName, standardIds: [standardId], supervisionFrequencyWeeks: 4, urgentDebriefOnRequest: true, targetMonths: 12 });
  const people = [org.supervisor, org.worker, ann, hostile];
  for (const person of people) await assignRoleProfile(ctx, { personId: person.id, roleProfileId, startedOn: addDays(today, -120) });
  const assessor = await createAssessor(org.admin, people);
  const [p1, p2, p3] = items as [(typeof items)[number], (typeof items)[number], (typeof items)[number]];
  await judge(assessor, org.worker.id, [await createEvidence(org.worker, [p1, p2], { submitted: true })], [judgement(p1.id), judgement(p2.id)]);
  await judge(assessor, ann.id, [await createEvidence(ann, [p3], { submitted: true })], [judgement(p3.id)]);
  await signedAgreement(org.supervisor, org.worker, { startsOn: addDays(today, -84), frequencyWeeks: 4 });
  await recordedSession(org.supervisor, org.worker, 10);
  // A team of the same organisation elsewhere that the manager does not manage.
  const elsewhere = await Location.create({ organisationId: org.organisation.id, name: unique('Elsewhere'), address: null });
  const otherTeam = await Team.create({ organisationId: org.organisation.id, name: unique('Other team'), locationId: elsewhere.id });
  return { ...org, ann, hostile, people, items, roleName, otherTeam, elsewhere };
}

describe('inspection pack PDF', function () {
  this.timeout(180_000);
  let f: Awaited<ReturnType<typeof setUp>>;
  let workDir: string;
  let pack: IssuedInspectionPack;
  let file: string;
  const period = { from: addDays(today, -90), to: today };

  before(async () => {
    f = await setUp();
    workDir = mkdtempSync(path.join(tmpdir(), 'nosfolio-pack-'));
    pack = await issueInspectionPack(contextFor(f.manager, { ipAddress: 'test' }), { scope: `team:${f.team.id}`, ...period });
    file = path.join(workDir, 'pack.pdf');
    writeFileSync(file, pack.bytes);
    if (process.env.PACK_SHOTS_DIR) writeFileSync(path.join(process.env.PACK_SHOTS_DIR, 'pack.pdf'), pack.bytes);
  });

  after(async () => {
    await closePrintingBrowser();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('prints each quality statement with the workforce report’s own figures for the team', async () => {
    const text = pagesOf(file).join(' ');
    const lines = linesOf(file).flat();
    const report = await workforceReport(f.manager, period);
    expect(report.people.map((person) => person.id).sort()).to.deep.equal(f.people.map((person) => person.id).sort());
    for (const section of report.sections) {
      expect(text, section.title).to.include(`${section.title} ${section.asks}`);
      for (const figure of section.figures) {
        const label = figure.key === 'people' ? 'People in this team' : figure.label;
        expect(lines, figure.label).to.include(`${label} ${figureText(figure)}`);
      }
    }
    const sessions = report.sections.flatMap((section) => section.figures).find((figure) => figure.key === 'sessions')!;
    expect([sessions.value, sessions.of]).to.deep.equal([1, 3]);
    for (const heading of ['Coverage by standard', 'Items met by month', 'Supervision by month', 'Regulation 18: Staffing', 'The main gaps and the development against them']) {
      expect(text, heading).to.include(heading);
    }
  });

  it('gives each person a page of their own with their name, role profile, standards and supervision', () => {
    const pages = linesOf(file);
    const expectations = [
      { person: f.worker, met: '2 of 31', sessions: '1 held of 3 agreed NEEDS ATTENTION', agreement: 'Current and signed' },
      { person: f.ann, met: '1 of 31', sessions: '0 held of 0 agreed', agreement: 'None NEEDS ATTENTION' },
      { person: f.supervisor, met: '0 of 31', sessions: '0 held of 0 agreed', agreement: 'None NEEDS ATTENTION' },
    ];
    for (const { person, met, sessions, agreement } of expectations) {
      const own = pages.filter((page) => page.includes(person.name) && page.includes('At a glance'));
      expect(own, person.name).to.have.length(1);
      expect(own[0]).to.include(`Role profiles ${f.roleName}`);
      expect(own[0]!.some((line) => line.startsWith('ASTH325 Work within appropriate boundaries') && line.endsWith(`${met} In progress`)), own[0]!.join('\n')).to.equal(true);
      expect(own[0]).to.include(`Supervision in the period ${sessions}`);
      expect(own[0]).to.include(`Supervision agreement ${agreement}`);
    }
    // The manager prints it and is not in it, as in the report.
    expect(pages.some((page) => page.includes('At a glance') && page.includes(f.manager.name))).to.equal(false);
  });

  it('prints a name that looks like markup literally', () => {
    const pages = pagesOf(file);
    expect(pages.filter((page) => page.includes(HOSTILE) && page.includes('At a glance'))).to.have.length(1);
    expect(pages[1]).to.include(HOSTILE);
  });

  it('carries its code and address on the cover and in every footer, page numbers, bookmarks per part and per person, and metadata', () => {
    const pages = pagesOf(file);
    const code = groupedCode(pack.code);
    expect(pages[0]).to.include(code);
    expect(pages[0]).to.include(`/verify/${pack.code}`);
    expect(pages[0]).to.include(`Team: ${f.team.name}`);
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).to.include(code);
      expect(page, `page ${index + 1}`).to.include(`Page ${index + 1} of ${pages.length}`);
      expect(page, `page ${index + 1}`).to.include(`Inspection pack: Team: ${f.team.name}`);
    });
    expect(pages.length).to.equal(pack.pages);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).to.equal(0);
    const tree = outline(file);
    const titles = tree.map((entry) => entry.title);
    expect(titles).to.include.members(['Contents', 'Workforce report', 'Summaries by person']);
    const report = tree.find((entry) => entry.title === 'Workforce report')!;
    expect(report.kids.map((kid) => kid.title)).to.include.members(['Safe and effective staffing', 'Learning culture', 'Workforce wellbeing and enablement', 'Regulation 18: Staffing']);
    const people = tree.find((entry) => entry.title === 'Summaries by person')!;
    expect(people.kids.map((kid) => kid.title).sort()).to.deep.equal(f.people.map((person) => person.name).sort());
    const info = tool('pdfinfo', [file]);
    expect(info).to.match(new RegExp(`^Title:\\s+Inspection pack: ${f.team.name}, `, 'm'));
    expect(info).to.match(/^Author:\s+Test organisation$/m);
    expect(info).to.match(/^Tagged:\s+yes$/m);
    expect(tool('qpdf', ['--json', '--json-key=qpdf', file])).to.include('"/Lang": "u:en-GB"');
    // The contents give each person's page.
    const ann = pages.findIndex((page) => page.includes(`${f.ann.name} `) && page.includes('At a glance')) + 1;
    expect(pages[1]).to.match(new RegExp(`${f.ann.name} ${ann}\\b`));
    expect(pack.refused).to.deep.equal([]);
  });

  it('is recorded as an issued inspection pack with the SHA-256 of its bytes, audited once, and verifies only the exact bytes', async () => {
    const row = await IssuedDocument.findOne({ where: { code: pack.code } });
    expect(row!.kind).to.equal('inspection_pack');
    expect(row!.sha256).to.equal(pack.sha256);
    expect(row!.byteSize).to.equal(pack.bytes.byteLength);
    expect(row!.subjectPersonId).to.equal(null);
    expect(row!.subjectName).to.equal(`Team: ${f.team.name}`);
    expect(row!.issuedById).to.equal(f.manager.id);
    const events = await AuditEvent.findAll({ where: { organisationId: f.organisation.id, action: 'inspection_pack.printed' } });
    expect(events).to.have.length(1);
    expect(events[0]!.summary).to.include(groupedCode(pack.code));
    expect(events[0]!.summary).to.include('4 people');
    expect(await describeIssuedDocument(pack.code)).to.include({ kind: 'inspection_pack', kindLabel: 'Inspection pack', subjectName: `Team: ${f.team.name}` });
    expect((await compareCopy(pack.code, new Blob([Buffer.from(pack.bytes)])))!.identical).to.equal(true);
    const changed = Buffer.from(pack.bytes);
    changed[Math.floor(changed.length / 2)]! ^= 1;
    expect((await compareCopy(pack.code, new Blob([changed])))!.identical).to.equal(false);
    expect(pack.fileName).to.match(new RegExp(`^inspection-pack-team-.+-${period.from}-to-${period.to}\\.pdf$`));
  });

  it('takes every team of a location, for a manager of it and for an admin', async () => {
    await makeManagerOf(f.manager.id, f.organisation.id, { locationId: f.location.id });
    const locationPack = await loadInspectionPackData(f.manager, { scope: `location:${f.location.id}`, ...period });
    expect(locationPack.scope.name).to.equal(f.location.name);
    expect(locationPack.workers.map((worker) => worker.person.id).sort()).to.deep.equal(f.people.map((person) => person.id).sort());
    const byAdmin = await loadInspectionPackData(f.admin, { scope: `team:${f.otherTeam.id}`, ...period });
    expect(byAdmin.workers).to.deep.equal([]);
  });

  it('is not found for a team the manager does not manage or another organisation’s, and forbidden to a worker, writing nothing', async () => {
    const stranger = await createStaffedOrganisation();
    const before = await IssuedDocument.count();
    const auditBefore = await AuditEvent.count();
    await expectRejection(issueInspectionPack(contextFor(f.manager), { scope: `team:${f.otherTeam.id}`, ...period }), NotFound);
    await expectRejection(issueInspectionPack(contextFor(f.manager), { scope: `location:${f.elsewhere.id}`, ...period }), NotFound);
    await expectRejection(issueInspectionPack(contextFor(stranger.manager), { scope: `team:${f.team.id}`, ...period }), NotFound);
    await expectRejection(issueInspectionPack(contextFor(stranger.admin), { scope: `location:${f.location.id}`, ...period }), NotFound);
    await expectRejection(issueInspectionPack(contextFor(f.worker), { scope: `team:${f.team.id}`, ...period }), Forbidden);
    await expectRejection(issueInspectionPack(contextFor(f.supervisor), { scope: `team:${f.team.id}`, ...period }), Forbidden);
    expect(await IssuedDocument.count()).to.equal(before);
    expect(await AuditEvent.count()).to.equal(auditBefore);
  });

  it('reads the same number of statements however many people the team has', async () => {
    const count = async () => {
      const start = queryCounter.count;
      await loadInspectionPackData(f.manager, { scope: `team:${f.team.id}`, ...period });
      return queryCounter.count - start;
    };
    const first = await count();
    for (let index = 0; index < 3; index += 1) {
      const person = actorFor(await createPerson(f.organisation.id, { roles: ['worker'], teamId: f.team.id }), ['worker']);
      await giveStandard(f.admin, 'ASTH325', [person]);
    }
    expect(await count()).to.equal(first);
  });
});
