// Where a set of workers' standards still have gaps (held, not met), and the development planned against them with
// what it achieved, read in a fixed number of queries whatever the number of workers. Unchecked: callers choose the
// workers the actor manages first.
import { Op, QueryTypes } from 'sequelize';
import { dateColumn, londonDateOf, type IsoDate } from '#app/utils/dates/index.ts';
import { StandardVersion, sequelize } from '#db/models/index.ts';
import { heldStandardsOf, type HeldItem, type HeldStandard } from '../../evidence/internal/held-items.server.ts';
import { mappedItemStates, type WorkerItem } from '../../evidence/item-states.server.ts';
import type { GapRef } from '../activity-kinds.ts';

export type Gap = {
  key: string;
  ref: GapRef;
  label: string;
  standard: { id: number; urn: string; title: string };
  section: string | null;
  item: { id: number; code: string; text: string } | null;
  /** The workers who hold it, and those of them for whom some item of it is not met. */
  holders: number[];
  lacking: number[];
};

export type TeamCompetence = {
  held: Map<number, HeldStandard[]>;
  standardOf: Map<number, number>;
  states: Map<number, Map<number, WorkerItem>>;
  /** When each met item was decided (London date), per worker. */
  metOn: Map<number, Map<number, IsoDate>>;
  gaps: Gap[];
};

export function gapKey(ref: GapRef): string {
  if (ref.kind === 'item') return `item-${ref.itemId}`;
  if (ref.kind === 'standard') return `standard-${ref.standardId}`;
  return `section-${ref.standardId}-${ref.section}`;
}

/** The items of the gap in the standard versions this worker holds. */
export function itemsOfGap(ref: GapRef, held: HeldStandard[], standardOf: Map<number, number>): HeldItem[] {
  if (ref.kind === 'item') return held.flatMap((standard) => standard.items.filter((item) => item.id === ref.itemId));
  return held
    .filter((standard) => standardOf.get(standard.standardVersionId) === ref.standardId)
    .flatMap((standard) => (ref.kind === 'section' ? standard.items.filter((item) => item.section === ref.section) : standard.items));
}

const MET_SQL = `
SELECT w.worker_id AS "workerId", w.standard_item_id AS "itemId", d.created_at AS "decidedAt"
FROM worker_item_states w
JOIN assessment_decisions d ON d.id = w.decision_id
WHERE w.worker_id IN (:workerIds) AND w.state = 'met'`;

/** Held standards, item states, when met items were decided, and every gap with who lacks it: five queries. */
export async function teamCompetence(workerIds: number[]): Promise<TeamCompetence> {
  const [held, states, met] = await Promise.all([
    heldStandardsOf(workerIds),
    mappedItemStates(workerIds),
    workerIds.length
      ? sequelize.query<{ workerId: number; itemId: number; decidedAt: string | Date }>(MET_SQL, { type: QueryTypes.SELECT, raw: true, replacements: { workerIds } })
      : Promise.resolve([]),
  ]);
  const versionIds = [...new Set([...held.values()].flat().map((standard) => standard.standardVersionId))];
  const versions = versionIds.length ? await StandardVersion.findAll({ where: { id: { [Op.in]: versionIds } }, attributes: ['id', 'standardId'] }) : [];
  const standardOf = new Map(versions.map((version) => [version.id, version.standardId]));
  const metOn = new Map<number, Map<number, IsoDate>>(workerIds.map((id) => [id, new Map()]));
  for (const row of met) metOn.get(Number(row.workerId))?.set(Number(row.itemId), londonDateOf(row.decidedAt));

  const gaps = new Map<string, Gap>();
  const note = (ref: GapRef, make: () => Omit<Gap, 'key' | 'ref' | 'holders' | 'lacking'>, workerId: number, lacks: boolean) => {
    const key = gapKey(ref);
    let gap = gaps.get(key);
    if (!gap) {
      gap = { key, ref, ...make(), holders: [], lacking: [] };
      gaps.set(key, gap);
    }
    if (!gap.holders.includes(workerId)) gap.holders.push(workerId);
    if (lacks && !gap.lacking.includes(workerId)) gap.lacking.push(workerId);
  };
  for (const workerId of workerIds) {
    const workerStates = states.get(workerId)!;
    for (const standard of held.get(workerId) ?? []) {
      const standardId = standardOf.get(standard.standardVersionId)!;
      const about = { id: standardId, urn: standard.urn, title: standard.title };
      let standardLacks = false;
      const sectionLacks = new Map<string, boolean>();
      for (const item of standard.items) {
        const lacks = workerStates.get(item.id)?.state !== 'met';
        standardLacks ||= lacks;
        sectionLacks.set(item.section, (sectionLacks.get(item.section) ?? false) || lacks);
        note({ kind: 'item', itemId: item.id }, () => ({
          label: `${standard.urn} ${item.code}: ${item.text}`,
          standard: about,
          section: item.section,
          item: { id: item.id, code: item.code, text: item.text },
        }), workerId, lacks);
      }
      for (const [section, lacks] of sectionLacks) {
        note({ kind: 'section', standardId, section }, () => ({ label: `${standard.urn}: ${section}`, standard: about, section, item: null }), workerId, lacks);
      }
      note({ kind: 'standard', standardId }, () => ({ label: `${standard.urn} ${standard.title}`, standard: about, section: null, item: null }), workerId, standardLacks);
    }
  }
  return { held, standardOf, states, metOn, gaps: [...gaps.values()].sort((a, b) => b.lacking.length - a.lacking.length || a.label.localeCompare(b.label)) };
}

export type PlannedActivity = {
  id: number;
  kind: string;
  title: string;
  startsOn: IsoDate;
  place: string | null;
  ref: GapRef | null;
  participants: { opportunityId: number; workerId: number; status: string; outcome: string; completedOn: IsoDate | null }[];
};

const ACTIVITIES_SQL = `
SELECT a.id, a.kind, a.title, a.starts_on AS "startsOn", a.place, a.standard_id AS "standardId", a.section,
       a.standard_item_id AS "itemId", o.id AS "opportunityId", o.status, o.outcome, o.completed_on AS "completedOn",
       p.worker_id AS "workerId"
FROM development_activities a
JOIN development_opportunities o ON o.activity_id = a.id
JOIN development_plans p ON p.id = o.plan_id
WHERE a.organisation_id = :organisationId AND p.worker_id IN (:workerIds)
ORDER BY a.starts_on DESC, a.id DESC, o.id ASC`;

type ActivityRow = {
  id: number; kind: string; title: string; startsOn: string | Date; place: string | null; standardId: number | null; section: string | null;
  itemId: number | null; opportunityId: number; status: string; outcome: string; completedOn: string | Date | null; workerId: number;
};

function refOf(row: { standardId: number | null; section: string | null; itemId: number | null }): GapRef | null {
  if (row.itemId !== null) return { kind: 'item', itemId: Number(row.itemId) };
  if (row.standardId !== null && row.section !== null) return { kind: 'section', standardId: Number(row.standardId), section: row.section };
  if (row.standardId !== null) return { kind: 'standard', standardId: Number(row.standardId) };
  return null;
}

/** The activities of the organisation with these workers among their participants (only those participants): one query. */
export async function activitiesFor(organisationId: number, workerIds: number[]): Promise<PlannedActivity[]> {
  if (!workerIds.length) return [];
  const rows = await sequelize.query<ActivityRow>(ACTIVITIES_SQL, { type: QueryTypes.SELECT, raw: true, replacements: { organisationId, workerIds } });
  const byId = new Map<number, PlannedActivity>();
  for (const row of rows) {
    const id = Number(row.id);
    let activity = byId.get(id);
    if (!activity) {
      activity = { id, kind: row.kind, title: row.title, startsOn: dateColumn(row.startsOn), place: row.place, ref: refOf(row), participants: [] };
      byId.set(id, activity);
    }
    activity.participants.push({
      opportunityId: Number(row.opportunityId),
      workerId: Number(row.workerId),
      status: row.status,
      outcome: row.outcome,
      completedOn: row.completedOn === null ? null : dateColumn(row.completedOn),
    });
  }
  return [...byId.values()];
}

/** Delivered: the participant attended or completed it. */
export function delivered(status: string): boolean {
  return status === 'in_progress' || status === 'completed';
}

/** What an activity achieved: the items of its gap its participants have had met on or after its date. */
export function achievedBy(activity: PlannedActivity, competence: TeamCompetence): { itemsMet: number; people: number[] } {
  if (!activity.ref) return { itemsMet: 0, people: [] };
  let itemsMet = 0;
  const people: number[] = [];
  for (const participant of activity.participants) {
    const met = competence.metOn.get(participant.workerId);
    const items = itemsOfGap(activity.ref, competence.held.get(participant.workerId) ?? [], competence.standardOf);
    const count = items.filter((item) => (met?.get(item.id) ?? '') >= activity.startsOn).length;
    itemsMet += count;
    if (count) people.push(participant.workerId);
  }
  return { itemsMet, people };
}
