// Whether an assessor is new (their met decisions count once an IQA countersigns them) or competent: the latest
// assessor_statuses row of each assessor; an assessor with none is competent.
import { QueryTypes, type Transaction } from 'sequelize';
import { ASSESSOR_STATUSES } from '#db/models/assessor-status.ts';
import { sequelize } from '#db/models/index.ts';

const LATEST_SQL = `
SELECT s.assessor_id AS "assessorId", s.status
FROM assessor_statuses s
WHERE s.assessor_id IN (:assessorIds)
  AND s.id = (SELECT MAX(latest.id) FROM assessor_statuses latest WHERE latest.assessor_id = s.assessor_id)`;

/** Of these assessors, the ones still marked new; one query. Unchecked: a fact the caller has scoped to its organisation. */
export async function newAssessorsAmong(assessorIds: number[], transaction?: Transaction): Promise<Set<number>> {
  if (!assessorIds.length) return new Set();
  const rows = await sequelize.query<{ assessorId: number; status: string }>(LATEST_SQL, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { assessorIds: [...new Set(assessorIds)] },
    transaction,
  });
  return new Set(rows.filter((row) => row.status === ASSESSOR_STATUSES.new).map((row) => Number(row.assessorId)));
}
