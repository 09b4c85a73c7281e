// The PDP in supervision (docs/decisions/033): what a session's agenda pulls from the worker's plan and standards (open
// goals, open learning opportunities, open gaps per standard and section), the opportunities a record added to the
// plan, and adding one agreed in the session. Reads are for people who already read the session (the caller checked).
import { Op } from 'sequelize';
import { Forbidden, NotFound } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { DevelopmentGoal, DevelopmentOpportunity, DevelopmentPlan, SupervisionRecord } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { loadSession } from '../supervision/sessions.server.ts';
import { RECORD_WORKFLOW } from '../workflows/supervision-record.server.ts';
import { assertTransition } from '../workflows/workflow.server.ts';
import { locked, write } from '../write.server.ts';
import { openGapsOf } from './gaps.server.ts';
import { createOpportunity } from './plan-changes.server.ts';
import { GOAL_STATUS, OPEN_OPPORTUNITY_STATUSES, type OpportunityInput } from './plan-forms.ts';

/** Unchecked: the caller has already loaded the session for the actor. The agenda's PDP part, in a fixed number of queries. */
export async function pdpAgenda(workerId: number, recordId: number | null) {
  const plan = await DevelopmentPlan.findOne({ where: { workerId }, attributes: ['id'] });
  const [goals, opportunities, added, { gaps }] = await Promise.all([
    plan ? DevelopmentGoal.findAll({ where: { planId: plan.id, status: GOAL_STATUS.open }, order: [['id', 'ASC']] }) : [],
    plan ? DevelopmentOpportunity.findAll({ where: { planId: plan.id, status: { [Op.in]: OPEN_OPPORTUNITY_STATUSES } }, order: [['targetDate', 'ASC'], ['id', 'ASC']] }) : [],
    recordId ? DevelopmentOpportunity.findAll({ where: { supervisionRecordId: recordId }, order: [['id', 'ASC']] }) : [],
    openGapsOf([workerId]),
  ]);
  const opportunity = (row: DevelopmentOpportunity) => ({ id: row.id, kind: row.kind, description: row.description, targetDate: row.targetDate, status: row.status });
  return {
    hasPlan: plan !== null,
    goals: goals.map((goal) => ({ id: goal.id, description: goal.description, targetDate: goal.targetDate })),
    opportunities: opportunities.map(opportunity),
    gaps: (gaps.get(workerId) ?? [])
      .filter((standard) => standard.open > 0)
      .map((standard) => ({ ...standard, sections: standard.sections.filter((section) => section.open > 0) })),
    addedHere: added.map(opportunity),
  };
}

/**
 * A learning opportunity agreed in a session, added to the worker's PDP from its record and linked to it. The
 * supervisor's part, like the record's actions: while the record still takes actions (not once it is agreed and locked).
 */
export async function addOpportunityFromRecord(ctx: DomainContext, recordId: number, input: OpportunityInput): Promise<number> {
  const { actor } = ctx;
  return write(ctx, {
    permission: 'read:supervision', // then canManage: a former supervisor finds nothing (404), the worker may not (403)
    load: (transaction) => loadRecordFor(actor, recordId, transaction),
    check: ({ record, access }) => {
      if (!access.canManage) throw new Forbidden('Only the supervisor adds what was agreed to the plan from the record');
      assertTransition(RECORD_WORKFLOW, record.status, 'addAction', { lockedAt: record.lockedAt });
    },
    run: async ({ record }, transaction) => (await createOpportunity(actor, record.workerId, input, transaction, record.id)).id,
    audit: ({ record, access }) => ({
      action: AUDIT_ACTIONS.developmentPlanChanged,
      summary: `${actor.name} added a learning opportunity agreed in supervision to ${access.worker.name}’s development plan`,
      subject: { type: 'supervision_record', id: record.id },
    }),
  });
}

async function loadRecordFor(actor: Actor, recordId: number, transaction: import('sequelize').Transaction) {
  const record = await SupervisionRecord.findOne({ where: { id: recordId, organisationId: actor.organisationId }, ...locked(transaction) });
  if (!record) throw new NotFound('Supervision record');
  const { access } = await loadSession(actor, record.sessionId, transaction);
  return { record, access };
}
