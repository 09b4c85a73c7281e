// What the team matrix's cells are counted from, for all the people at once: the standard versions each person holds
// with their item totals and the summary's state counts (worker_section_counts, docs/decisions/036); drilled into a
// standard, its items and the counts per section (the summary) or per item of one section (the projection, ADR 023).
// Every statement selects the people shown by the same subquery (shown-people.ts). Unchecked: teamMatrix has already
// chosen the teams the manager manages.
import { QueryTypes } from 'sequelize';
import { sequelize } from '#db/models/index.ts';
import type { ItemState } from '../evidence-types.ts';
import { shownPeopleReplacements, shownPeopleSql, type ShownPeople } from './shown-people.ts';

type Counts = Record<'met' | 'notYetMet' | 'submitted' | 'mapped', number>;
export type Holding = { personId: number; standardVersionId: number; urn: string; title: string; total: number } & Counts;
export type VersionItem = { id: number; standardVersionId: number; code: string; section: string; text: string };
/** One drilled cell's counts: `key` is the section heading, or the item's id. */
export type CountRow = { workerId: number; versionId: number; key: string | number } & Counts;

// Every standard version each person holds (the rule of held-items.server.ts: every item of every version held) with
// its number of items and the summary's state counts for it: a range of the summary's (worker_id,
// standard_version_id) index, grouped before it is joined. A version held with nothing done on it has no summary rows.
const HOLDINGS_SQL = (SHOWN: string) => `
SELECT ps.person_id AS "personId", ps.standard_version_id AS "standardVersionId", s.urn, v.title, n.total,
       COALESCE(c.met, 0) AS "met", COALESCE(c.not_yet_met, 0) AS "notYetMet", COALESCE(c.submitted, 0) AS "submitted", COALESCE(c.mapped, 0) AS "mapped"
FROM person_standards ps
JOIN standard_versions v ON v.id = ps.standard_version_id
JOIN standards s ON s.id = v.standard_id
JOIN (SELECT standard_version_id, COUNT(*) AS total FROM standard_items
      WHERE standard_version_id IN (SELECT standard_version_id FROM person_standards WHERE person_id IN (${SHOWN}))
      GROUP BY standard_version_id) n ON n.standard_version_id = ps.standard_version_id
LEFT JOIN (SELECT worker_id, standard_version_id, SUM(met) AS met, SUM(not_yet_met) AS not_yet_met, SUM(submitted) AS submitted, SUM(mapped) AS mapped
           FROM worker_section_counts WHERE worker_id IN (${SHOWN})
           GROUP BY worker_id, standard_version_id) c ON c.worker_id = ps.person_id AND c.standard_version_id = ps.standard_version_id
WHERE ps.person_id IN (${SHOWN})`;

const numbers = (row: Record<keyof Counts, number | string>): Counts => ({
  met: Number(row.met),
  notYetMet: Number(row.notYetMet),
  submitted: Number(row.submitted),
  mapped: Number(row.mapped),
});

/** The whole-standard matrix: what each person holds, with the summary's counts in it. One statement. */
export async function holdingsOf(shown: ShownPeople): Promise<Holding[]> {
  if (!shown.teamIds.length) return [];
  const rows = await sequelize.query<Record<'personId' | 'standardVersionId' | 'urn' | 'title' | 'total' | keyof Counts, string | number>>(HOLDINGS_SQL(shownPeopleSql(shown)), {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: shownPeopleReplacements(shown),
  });
  return rows.map((row) => ({
    personId: Number(row.personId),
    standardVersionId: Number(row.standardVersionId),
    urn: String(row.urn),
    title: String(row.title),
    total: Number(row.total),
    ...numbers(row),
  }));
}

// Drilling into a standard: its items, in the versions these people hold, newest version first.
const ITEMS_SQL = (SHOWN: string) => `
SELECT i.id, i.standard_version_id AS "standardVersionId", i.code, i.section, i.text FROM standard_items i
JOIN standard_versions v ON v.id = i.standard_version_id JOIN standards s ON s.id = v.standard_id
WHERE s.urn = :urn AND i.standard_version_id IN (SELECT standard_version_id FROM person_standards WHERE person_id IN (${SHOWN}))
ORDER BY i.standard_version_id DESC, i.position`;

export async function itemsOf(shown: ShownPeople, urn: string | undefined): Promise<VersionItem[]> {
  if (!shown.teamIds.length || urn === undefined) return [];
  const rows = await sequelize.query<VersionItem>(ITEMS_SQL(shownPeopleSql(shown)), { type: QueryTypes.SELECT, raw: true, replacements: { ...shownPeopleReplacements(shown), urn } });
  return rows.map((row) => ({ ...row, id: Number(row.id), standardVersionId: Number(row.standardVersionId) }));
}

// The summary's rows of one standard, a row per person, version and exact section heading (keyed in code, not by
// the database's collation, which on MariaDB would fold headings differing only in case).
const SECTIONS_SQL = (SHOWN: string) => `
SELECT c.worker_id AS "workerId", c.standard_version_id AS "versionId", c.section AS "key",
       c.met, c.not_yet_met AS "notYetMet", c.submitted, c.mapped
FROM worker_section_counts c
JOIN standard_versions v ON v.id = c.standard_version_id JOIN standards s ON s.id = v.standard_id
WHERE c.worker_id IN (${SHOWN}) AND s.urn = :urn`;

// One section's items, from the projection: a row per person and item something has happened to.
const count = (state: ItemState) => `SUM(CASE WHEN w.state = '${state}' THEN 1 ELSE 0 END)`;
const ITEMS_COUNTS_SQL = (SHOWN: string) => `
SELECT w.worker_id AS "workerId", i.standard_version_id AS "versionId", i.id AS "key",
       ${count('met')} AS "met", ${count('not_yet_met')} AS "notYetMet", ${count('submitted')} AS "submitted", ${count('mapped')} AS "mapped"
FROM worker_item_states w
JOIN standard_items i ON i.id = w.standard_item_id
JOIN standard_versions v ON v.id = i.standard_version_id JOIN standards s ON s.id = v.standard_id
WHERE w.worker_id IN (${SHOWN}) AND s.urn = :urn AND i.section = :section
GROUP BY w.worker_id, i.standard_version_id, i.id`;

/** The counts behind the drilled cells: per section of a standard, or per item of one of its sections. One statement. */
export async function drilledCounts(shown: ShownPeople, urn: string, section: string | undefined): Promise<CountRow[]> {
  if (!shown.teamIds.length) return [];
  const rows = await sequelize.query<Record<keyof CountRow, string | number>>((section === undefined ? SECTIONS_SQL : ITEMS_COUNTS_SQL)(shownPeopleSql(shown)), {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { ...shownPeopleReplacements(shown), urn, section: section ?? null },
  });
  return rows.map((row) => ({ workerId: Number(row.workerId), versionId: Number(row.versionId), key: row.key, ...numbers(row) }));
}
