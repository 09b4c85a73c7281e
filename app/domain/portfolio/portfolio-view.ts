// toPortfolioView: the plain data the portfolio templates render, made from what portfolio-data read. Pure: no
// models, no I/O; words and labels chosen here, dates left as ISO text for the templates' UK date helpers.
import { ASSESSMENT_METHOD_LABELS, DECISION_OUTCOME_LABELS } from '../assessment/methods.ts';
import { EVIDENCE_TYPE_LABELS, ITEM_STATE_LABELS, type EvidenceType, type ItemState } from '../evidence-types.ts';
import { SESSION_TYPE_LABELS, everyWeeks, statusTag, type SessionType } from '../supervision/statuses.ts';
import { groupedCode } from './codes.ts';
import { frameSlot, pageOfSlot, pageOfSlotInText } from './page-slots.ts';
import type { PortfolioData, PortfolioDecision, PortfolioFile } from './portfolio-data.server.ts';

/** How an evidence file appears: appended after the portfolio (a PDF), shown in the index (an image), or listed. */
export type Attachment =
  | { kind: 'appendix'; number: number; pages: number }
  | { kind: 'image'; dataUri: string }
  | { kind: 'listed'; reason: string };

export type IssueFacts = {
  code: string;
  verifyUrl: string;
  issuedAt: Date;
  issuedByName: string;
};

const humanise = (value: string) => {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const iso = (value: Date | null) => (value ? value.toISOString() : null);

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const STATE_CLASSES: Record<ItemState, string> = { none: 'none', mapped: 'none', submitted: 'submitted', met: 'met', not_yet_met: 'not-met' };

function decisionView(decision: PortfolioDecision, evidenceRef: Map<number, string>) {
  const counts = !decision.countersignRequired || decision.review?.outcome === 'agreed';
  return {
    outcome: DECISION_OUTCOME_LABELS[decision.outcome as 'met' | 'not_yet_met'] ?? humanise(decision.outcome),
    method: ASSESSMENT_METHOD_LABELS[decision.method as keyof typeof ASSESSMENT_METHOD_LABELS] ?? humanise(decision.method),
    assessor: decision.assessorName,
    decidedAt: decision.decidedAt.toISOString(),
    feedback: decision.feedback,
    basis: decision.evidenceIds.map((id) => evidenceRef.get(id)).filter(Boolean).join(', '),
    countersign:
      decision.review?.outcome === 'agreed'
        ? { text: 'Countersigned', by: decision.review.iqaName, at: decision.review.at.toISOString() }
        : decision.review?.outcome === 'challenged'
          ? { text: 'Challenged by the internal quality assurer', by: decision.review.iqaName, at: decision.review.at.toISOString() }
          : null,
    awaitingCountersign: !counts && decision.review?.outcome !== 'challenged',
  };
}

/** A section's heading: its own name, said to be performance criteria or knowledge unless the name says so itself. */
function sectionHeading(kind: 'P' | 'K', section: string): string {
  const part = kind === 'P' ? 'Performance criteria' : 'Knowledge and understanding';
  if (!section.trim()) return part;
  return /^(performance|knowledge|you must|you need)/i.test(section.trim()) ? section : `${part}: ${section}`;
}

/** The whole portfolio as the templates take it. */
/** The anchor of an appended file's first page (its heading). */
function appendixAnchor(number: number): string {
  return `appendix-${number}`;
}

/**
 * An appended evidence file as the document lays it out: one page per page of the file, each with a caption and a frame
 * the file's page is drawn into after printing (assemble.server.ts), so Chromium numbers and heads these pages too.
 */
function appendixView(number: number, name: string, evidenceRef: string, pages: number) {
  const label = `Appendix ${number}: ${name} (${evidenceRef})`;
  return {
    number,
    name,
    evidenceRef,
    label,
    anchor: appendixAnchor(number),
    pageSlot: pageOfSlot(appendixAnchor(number)),
    pageList: Array.from({ length: pages }, (_, index) => ({ first: index === 0, caption: `${label}, page ${index + 1} of ${pages}`, frameSlot: frameSlot(number, index + 1, `evidence-${evidenceRef}`) })),
  };
}
type AppendixView = ReturnType<typeof appendixView>;

export function toPortfolioView(data: PortfolioData, issue: IssueFacts, attachments: Map<number, Attachment>) {
  const evidenceRef = new Map(data.evidence.map((piece, index) => [piece.id, `E${index + 1}`]));
  const evidenceTitle = new Map(data.evidence.map((piece) => [piece.id, piece.title]));
  const itemLabel = new Map(data.standards.flatMap((standard) => standard.items.map((item) => [item.id, `${standard.urn} ${item.code}`] as const)));

  const standards = data.standards.map((standard, standardIndex) => {
    const anchor = `standard-${standardIndex + 1}`;
    const met = standard.items.filter((item) => item.state === 'met').length;
    const evidenced = standard.items.filter((item) => item.state !== 'none').length;
    const sectionKeys = [...new Set(standard.items.map((item) => `${item.kind}\u0000${item.section}`))];
    const sections = sectionKeys.map((key, sectionIndex) => {
      const [kind, section] = key.split('\u0000') as ['P' | 'K', string];
      const items = standard.items.filter((item) => item.kind === kind && item.section === section);
      return {
        anchor: `${anchor}-section-${sectionIndex + 1}`,
        heading: sectionHeading(kind, section),
        items: items.map((item) => ({
          code: item.code,
          text: item.text,
          state: ITEM_STATE_LABELS[item.state],
          stateClass: STATE_CLASSES[item.state],
          decision: item.decision ? decisionView(item.decision, evidenceRef) : null,
          evidence: item.evidence.map((link) => ({ ref: evidenceRef.get(link.evidenceId) ?? '', title: evidenceTitle.get(link.evidenceId) ?? '', note: link.note })),
        })),
      };
    });
    return {
      anchor,
      pageSlot: pageOfSlot(anchor),
      urn: standard.urn,
      version: standard.version,
      title: standard.title,
      targetDate: standard.targetDate,
      achievedAt: iso(standard.achievedAt),
      total: standard.items.length,
      met,
      evidenced,
      sections,
    };
  });

  const appendices: AppendixView[] = [];
  const evidence = data.evidence.map((piece) => ({
    ref: evidenceRef.get(piece.id)!,
    anchor: `evidence-${evidenceRef.get(piece.id)}`,
    title: piece.title,
    type: EVIDENCE_TYPE_LABELS[piece.type as EvidenceType] ?? humanise(piece.type),
    activityDate: piece.activityDate,
    status: piece.status === 'judged' ? 'Assessed' : 'Submitted',
    revision: piece.revisionNumber,
    submittedAt: iso(piece.submittedAt),
    recordedBy: piece.recordedByName,
    description: piece.description,
    witness: piece.witness,
    items: piece.itemIds.map((id) => itemLabel.get(id)).filter(Boolean).join(', '),
    files: piece.files.map((file: PortfolioFile) => {
      const attachment = attachments.get(file.id) ?? { kind: 'listed', reason: 'Kept in the portal' };
      if (attachment.kind === 'appendix') {
        appendices.push(appendixView(attachment.number, file.name, evidenceRef.get(piece.id)!, attachment.pages));
      }
      return {
        name: file.name,
        mediaType: file.mediaType,
        size: sizeText(file.sizeBytes),
        sha256: file.sha256,
        appendix: attachment.kind === 'appendix' ? { number: attachment.number, pages: attachment.pages, pageSlot: pageOfSlotInText(appendixAnchor(attachment.number)) } : null,
        image: attachment.kind === 'image' ? { dataUri: attachment.dataUri } : null,
        listed: attachment.kind === 'listed' ? attachment.reason : null,
      };
    }),
  }));
  appendices.sort((a, b) => a.number - b.number);

  const { supervision } = data;
  const agreement = supervision.agreement;
  const sessionsHeld = supervision.sessions.filter((row) => row.status === 'held').reduce((sum, row) => sum + row.count, 0);
  const lastHeld = supervision.sessions.filter((row) => row.status === 'held').map((row) => row.last).sort((a, b) => b.getTime() - a.getTime())[0];
  const expected = agreement ? expectedSessions(agreement.startsOn, agreement.frequencyWeeks, issue.issuedAt) : null;

  const goalText = new Map(data.plan?.goals.map((goal) => [goal.id, goal.description]) ?? []);
  const parts = [
    ...standards.map((standard) => ({ label: `${standard.urn} ${standard.title}`, anchor: standard.anchor, pageSlot: standard.pageSlot })),
    { label: 'Evidence index', anchor: 'evidence-index', pageSlot: pageOfSlot('evidence-index') },
    { label: 'Supervision summary', anchor: 'supervision', pageSlot: pageOfSlot('supervision') },
    { label: 'Personal development plan', anchor: 'development-plan', pageSlot: pageOfSlot('development-plan') },
    { label: 'Policy acknowledgements', anchor: 'policies', pageSlot: pageOfSlot('policies') },
  ];

  const firstDates = [...data.worker.roles.map((role) => role.startedOn), ...data.evidence.map((piece) => piece.activityDate)].sort();
  const title = `Portfolio of ${data.worker.name}`;
  return {
    lang: 'en-GB',
    title,
    author: data.worker.organisationName,
    subject: `Competence against the National Occupational Standards, with evidence, decisions, supervision and development`,
    /** The running header and footer Chromium prints on every page (print.css's margin boxes), appendices included. */
    margins: { headerLeft: title, headerRight: data.worker.organisationName, footer: `Verification code ${groupedCode(issue.code)} · check it at ${issue.verifyUrl}` },
    cover: {
      workerName: data.worker.name,
      jobTitle: data.worker.jobTitle,
      roles: data.worker.roles.map((role) => role.name).join(', '),
      organisation: data.worker.organisationName,
      team: [data.worker.teamName, data.worker.locationName].filter(Boolean).join(', '),
      periodFrom: firstDates[0] ?? null,
      issuedAt: issue.issuedAt.toISOString(),
      issuedBy: issue.issuedByName,
      code: groupedCode(issue.code),
      verifyUrl: issue.verifyUrl,
      standardCount: standards.length,
      evidenceCount: evidence.length,
    },
    parts,
    standards,
    evidence,
    appendices,
    supervision: {
      agreement: agreement
        ? {
            version: agreement.version,
            supervisor: agreement.supervisorName,
            frequency: everyWeeks(agreement.frequencyWeeks),
            durationMinutes: agreement.durationMinutes,
            startsOn: agreement.startsOn,
            reviewOn: agreement.reviewOn,
            agreeWithinDays: agreement.agreeWithinDays,
            signatures: agreement.signatures.map((signature) => ({ party: humanise(signature.party), name: signature.signedName, at: signature.signedAt.toISOString() })),
          }
        : null,
      expected,
      heldSinceAgreement: supervision.heldSinceAgreement,
      sessionsHeld,
      lastHeld: lastHeld ? lastHeld.toISOString() : null,
      sessions: supervision.sessions.map((row) => ({
        status: statusTag('session', row.status).label,
        type: SESSION_TYPE_LABELS[row.type as SessionType] ?? humanise(row.type),
        count: row.count,
        first: row.first.toISOString(),
        last: row.last.toISOString(),
      })),
      actions: supervision.actions,
    },
    plan: data.plan
      ? {
          strengths: data.plan.strengths,
          updatedAt: data.plan.updatedAt.toISOString(),
          agreed: data.plan.agreed
            ? { version: data.plan.agreed.versionNumber, supervisor: data.plan.agreed.supervisorName, workerAt: data.plan.agreed.workerAgreedAt.toISOString(), supervisorAt: data.plan.agreed.supervisorAgreedAt.toISOString() }
            : null,
          goals: data.plan.goals.map((goal) => ({
            description: goal.description,
            targetDate: goal.targetDate,
            status: humanise(goal.status),
            gap: [goal.urn, goal.itemCode ?? goal.section].filter(Boolean).join(' '),
          })),
          opportunities: data.plan.opportunities.map((opportunity) => ({
            kind: humanise(opportunity.kind),
            description: opportunity.description,
            targetDate: opportunity.targetDate,
            status: humanise(opportunity.status),
            outcome: opportunity.outcome,
            completedOn: opportunity.completedOn,
            goal: opportunity.goalId ? (goalText.get(opportunity.goalId) ?? null) : null,
          })),
        }
      : null,
    policies: data.policies.map((policy) => ({
      title: policy.title,
      version: policy.version,
      current: policy.isCurrent,
      nextReviewOn: policy.nextReviewOn,
      acknowledgedAt: iso(policy.acknowledgedAt),
    })),
  };
}

export type PortfolioView = ReturnType<typeof toPortfolioView>;

/** Sessions due from the agreement's start to the day of issue at its frequency: the first on the start day. */
export function expectedSessions(startsOn: string, frequencyWeeks: number, at: Date): number {
  const days = Math.floor((at.getTime() - new Date(`${startsOn}T00:00:00Z`).getTime()) / 86_400_000);
  if (days < 0) return 0;
  return Math.floor(days / (7 * frequencyWeeks)) + 1;
}
