// The demo's evidence: assessors for the workers, and evidence in varied states, with files, through the domain API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setWorkerAssessors } from '#app/domain/assessors.server.ts';
import { recordEvidence, type EvidenceInput } from '#app/domain/evidence.server.ts';
import { addDays, formatDate, today } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { PersonStandard, Standard, StandardItem, StandardVersion, WorkerAssessor } from '#db/models/index.ts';
import { actorByKey } from './actors.ts';

/** A one-page PDF with a few lines of text, built by hand so the demo needs no PDF library. */
export function simplePdf(lines: string[]): Uint8Array {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = ['BT', '/F1 12 Tf', '14 TL', '72 770 Td', ...lines.map((line) => `(${escape(line)}) Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = Buffer.byteLength(pdf);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

const documents = path.join(path.dirname(fileURLToPath(import.meta.url)), 'documents');
const callNotesPng = () => new Uint8Array(readFileSync(path.join(documents, 'call-notes.png')));

export type DemoEvidence = {
  worker: string;
  token: string;
  submit: boolean;
  input: Omit<EvidenceInput, 'links'>;
  links: { urn: string; code: string; note: string }[];
  files: { name: string; bytes: Uint8Array }[];
};

/** The demo's evidence, dated from today so that it never goes stale. */
function demoEvidence(): DemoEvidence[] {
  const daysAgo = (days: number) => addDays(today(), -days);
  return [
  {
    worker: 'sarah',
    token: 'demo-sarah-boundaries',
    submit: true,
    input: {
      type: 'reflective_account',
      title: 'Agreeing how often I contact Mr D',
      activityDate: daysAgo(75),
      description:
        'Mr D rang several times a day after his wife died. I explained what our service can and cannot do, and we agreed I would ring him every Tuesday and Friday.\n\nOn reflection, setting the boundary early helped him rely on the bereavement group rather than on me.',
    },
    links: [
      { urn: 'ASTH325', code: 'P6', note: 'I explained the purpose of our continuing contact and Mr D agreed to it.' },
      { urn: 'ASTH325', code: 'P7', note: 'We agreed the frequency (twice a week) and method (phone) of contact.' },
      { urn: 'ASTH325', code: 'K3', note: 'I explained the limits of my role and why I could not visit.' },
      { urn: 'HSC3331', code: 'P1', note: 'I found out which relationships matter to Mr D: his daughter and his church.' },
    ],
    files: [{ name: 'Reflective account - Mr D.pdf', bytes: simplePdf(['Reflective account', `Agreeing contact with Mr D, ${formatDate(daysAgo(75))}`, 'Written by Sarah Jones']) }],
  },
  {
    worker: 'sarah',
    token: 'demo-sarah-observation',
    submit: true,
    input: {
      type: 'witness_testimony',
      title: 'Calming a distressed caller',
      activityDate: daysAgo(54),
      description: 'A caller became angry when told the waiting time for an assessment. I listened, acknowledged his frustration and offered a call back from the duty social worker.',
      witnessName: 'David Price',
      witnessRole: 'Team Leader, Customer Contact',
      witnessStatement: 'I heard Sarah stay calm, reflect back the caller’s frustration and agree a next step he accepted.',
    },
    links: [
      { urn: 'ASTH325', code: 'P5', note: 'I dealt with challenging behaviour sensitively and within procedure.' },
      { urn: 'ASTH325', code: 'K13', note: 'I recognised anger displaced onto the council and reflected it back.' },
    ],
    files: [{ name: 'Call notes.png', bytes: callNotesPng() }],
  },
  {
    worker: 'sarah',
    token: 'demo-sarah-draft',
    submit: false,
    input: {
      type: 'work_product',
      title: 'Signposting leaflet for carers',
      activityDate: daysAgo(28),
      description: 'A one-page list of local carers’ groups that I put together for callers.',
    },
    links: [{ urn: 'ASTH325', code: 'P12', note: 'The leaflet helps callers reach services run by other organisations.' }],
    files: [],
  },
  {
    worker: 'sarah',
    token: 'demo-sarah-signposting-call',
    submit: true,
    input: {
      type: 'reflective_account',
      title: 'Referring a carer to the carers’ centre',
      activityDate: daysAgo(13),
      description:
        'A woman caring for her father called about respite. I checked what she needed, explained the carers’ assessment and, with her agreement, referred her to the carers’ centre, then confirmed the referral had arrived.',
    },
    links: [
      { urn: 'ASTH325', code: 'P12', note: 'I referred her to a service run by another organisation and checked it was received.' },
      { urn: 'ASTH325', code: 'K18', note: 'I explained what the carers’ centre offers and how referral works.' },
      { urn: 'HSC3331', code: 'P2', note: 'I found out what support she already had from family and friends.' },
    ],
    files: [],
  },
  {
    worker: 'liam',
    token: 'demo-liam-first-referral',
    submit: true,
    input: {
      type: 'reflective_account',
      title: 'My first referral to the occupational therapy team',
      activityDate: daysAgo(20),
      description: 'A caller asked about grab rails for her bathroom. I took the details, explained the waiting time honestly and made the referral while she was on the line.',
    },
    links: [
      { urn: 'ASTH325', code: 'P1', note: 'I greeted the caller, gave my name and asked how I could help.' },
      { urn: 'ASTH325', code: 'P2', note: 'I checked I had understood what she needed before making the referral.' },
    ],
    files: [],
  },
  ...davidsEvidence(daysAgo),
  {
    worker: 'liam',
    token: 'demo-liam-induction',
    submit: false,
    input: {
      type: 'reflective_account',
      title: 'My first week of calls',
      activityDate: daysAgo(52),
      description: 'What I learned shadowing Sarah on the contact line.',
    },
    links: [{ urn: 'ASTH325', code: 'P3', note: 'I practised keeping a productive dialogue with callers.' }],
    files: [],
  },
  ];
}

/** David completed ASTH325 before he became a team leader: evidence for every item, all of it judged met. */
function davidsEvidence(daysAgo: (days: number) => string): DemoEvidence[] {
  const codes = (kind: 'P' | 'K', count: number) => Array.from({ length: count }, (_, index) => `${kind}${index + 1}`);
  const piece = (token: string, type: EvidenceInput['type'], title: string, days: number, itemCodes: string[], note: string): DemoEvidence => ({
    worker: 'david',
    token,
    submit: true,
    input: { type, title, activityDate: daysAgo(days), description: `${title}. ${note}` },
    links: itemCodes.map((code) => ({ urn: 'ASTH325', code, note })),
    files: [],
  });
  return [
    piece('demo-david-observed-calls', 'observation', 'A morning of observed calls on the contact line', 410, codes('P', 12), 'Observed by the assessor across twelve calls.'),
    piece('demo-david-boundaries-discussion', 'professional_discussion', 'Professional discussion: boundaries and confidentiality', 400, codes('K', 10), 'Discussed with the assessor, with examples from his calls.'),
    piece('demo-david-services-account', 'reflective_account', 'How I match callers to local services', 395, codes('K', 19).slice(10), 'A reflective account of the services he signposts to and why.'),
  ];
}

export async function seedEvidence(admin: Actor): Promise<void> {
  const priya = await actorByKey('priya');
  const tom = await actorByKey('tom');
  const ellie = await actorByKey('ellie');
  const assessorsOf = { sarah: [priya], liam: [priya, ellie], david: [priya], chloe: [tom] };
  for (const [key, assessors] of Object.entries(assessorsOf)) {
    const worker = await actorByKey(key);
    // Set once: setting them again would write another audit event on every run.
    if (await WorkerAssessor.count({ where: { workerId: worker.id } })) continue;
    await setWorkerAssessors(contextFor(admin, { ipAddress: 'seed' }), worker.id, assessors.map((assessor) => assessor.id));
  }

  await recordDemoEvidence(demoEvidence());
}

/** Records each piece (once: its submission token finds it again), submitted on the day of its activity. */
export async function recordDemoEvidence(pieces: DemoEvidence[]): Promise<void> {
  for (const evidence of pieces) {
    const worker = await actorByKey(evidence.worker);
    const holdings = await PersonStandard.findAll({
      where: { personId: worker.id },
      include: [{ model: StandardVersion, as: 'standardVersion', include: [{ model: Standard, as: 'standard' }] }],
    });
    const items = await StandardItem.findAll({ where: { standardVersionId: holdings.map((holding) => holding.standardVersionId) } });
    const links = evidence.links.map((link) => {
      const holding = holdings.find((row) => row.standardVersion?.standard?.urn === link.urn);
      const item = items.find((row) => row.standardVersionId === holding?.standardVersionId && row.code === link.code);
      if (!item) throw new Error(`${evidence.worker} does not hold ${link.urn} ${link.code}`);
      return { itemId: item.id, note: link.note };
    });
    // Submitted on the day of the activity, so the assessor's queue shows how long each piece has waited.
    const submittedAt = new Date(`${evidence.input.activityDate}T12:00:00Z`);
    await recordEvidence(contextFor(worker, { now: submittedAt }), { ...evidence.input, links }, evidence.files, { submissionToken: evidence.token, submit: evidence.submit });
  }
}
