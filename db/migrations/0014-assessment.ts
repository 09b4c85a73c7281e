// Assessment and internal quality assurance (docs/decisions/028): the organisation's rules, assessors' decisions on
// items and the evidence revisions they rest on, IQA countersigns and challenges, achievements, and the columns of the
// tamper-evident chain (docs/decisions/029) on every row that carries trust.
import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const reference = (table: string, options: { allowNull?: boolean; onDelete?: string } = {}) => ({
  type: DataTypes.INTEGER,
  allowNull: options.allowNull ?? false,
  references: { model: table, key: 'id' },
  onDelete: options.onDelete ?? 'RESTRICT',
});
/** Filled by the chain hook (db/chain.ts) when the row is created; null only on audit rows older than the chain. */
const chain = {
  chain_seq: { type: DataTypes.INTEGER, allowNull: true },
  previous_hash: { type: DataTypes.STRING(64), allowNull: true },
  entry_hash: { type: DataTypes.STRING(64), allowNull: true },
};
const createdAt = { created_at: { type: DataTypes.DATE, allowNull: false } };

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // The last entry of each organisation's chain (chain_key 0: events of no organisation), taken under lock to append.
  await qi.createTable('chain_heads', {
    chain_key: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    last_seq: { type: DataTypes.INTEGER, allowNull: false },
    last_hash: { type: DataTypes.STRING(64), allowNull: false },
  });
  for (const [column, definition] of Object.entries(chain)) await qi.addColumn('audit_events', column, definition);
  await qi.addIndex('audit_events', ['organisation_id', 'chain_seq'], { name: 'audit_events_chain' });

  // Per standard (whatever its version): evidence an item needs before it can be met, and which items need observing.
  await qi.createTable('assessment_rules', {
    id,
    organisation_id: reference('organisations'),
    standard_id: reference('standards', { onDelete: 'CASCADE' }),
    minimum_evidence: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    // none | performance (every performance criterion) | chosen (the item codes in observation_codes)
    observation: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'none' },
    observation_codes: { type: DataTypes.TEXT, allowNull: false },
    updated_by_id: reference('people', { allowNull: true, onDelete: 'SET NULL' }),
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('assessment_rules', ['standard_id'], { unique: true, name: 'assessment_rules_standard' });

  // The organisation's sampling rules and its lead IQA (who may reopen an achieved standard, with an admin).
  await qi.createTable('iqa_settings', {
    organisation_id: { ...reference('organisations'), primaryKey: true },
    sample_percent: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 10 },
    minimum_per_assessor_month: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    lead_iqa_id: reference('people', { allowNull: true, onDelete: 'SET NULL' }),
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });

  await qi.createTable('assessment_decisions', {
    id,
    organisation_id: reference('organisations'),
    worker_id: reference('people'),
    standard_item_id: reference('standard_items'),
    assessor_id: reference('people'),
    outcome: { type: DataTypes.STRING(20), allowNull: false },
    method: { type: DataTypes.STRING(40), allowNull: false },
    feedback: { type: DataTypes.TEXT, allowNull: false },
    // The assessor was marked new when deciding: met counts once an IQA countersigns it.
    countersign_required: { type: DataTypes.BOOLEAN, allowNull: false },
    // The IQA challenge this decision answers.
    answers_review_id: { type: DataTypes.INTEGER, allowNull: true },
    // One form submission records its decisions once, however often it is sent.
    submission_key: { type: DataTypes.STRING(64), allowNull: false },
    ...createdAt,
    ...chain,
  });
  await qi.addIndex('assessment_decisions', ['worker_id', 'standard_item_id', 'id'], { name: 'assessment_decisions_worker_item' });
  await qi.addIndex('assessment_decisions', ['assessor_id', 'created_at'], { name: 'assessment_decisions_assessor' });
  await qi.addIndex('assessment_decisions', ['organisation_id', 'created_at'], { name: 'assessment_decisions_org_time' });
  await qi.addIndex('assessment_decisions', ['organisation_id', 'chain_seq'], { name: 'assessment_decisions_chain' });
  await qi.addIndex('assessment_decisions', ['submission_key', 'standard_item_id'], { unique: true, name: 'assessment_decisions_submission' });

  // The evidence (and its revision at the time) that a decision rests on: one row each, several for holistic judgement.
  await qi.createTable('assessment_decision_evidence', {
    id,
    organisation_id: reference('organisations'),
    decision_id: reference('assessment_decisions'),
    evidence_id: reference('evidence'),
    evidence_revision_id: reference('evidence_revisions'),
    ...createdAt,
    ...chain,
  });
  await qi.addIndex('assessment_decision_evidence', ['decision_id'], { name: 'assessment_decision_evidence_decision' });
  await qi.addIndex('assessment_decision_evidence', ['evidence_revision_id', 'decision_id'], { name: 'assessment_decision_evidence_revision' });
  await qi.addIndex('assessment_decision_evidence', ['organisation_id', 'chain_seq'], { name: 'assessment_decision_evidence_chain' });

  // An IQA's countersign (agreed) or challenge of one decision; a challenge is answered by a new decision.
  await qi.createTable('iqa_reviews', {
    id,
    organisation_id: reference('organisations'),
    decision_id: reference('assessment_decisions'),
    iqa_id: reference('people'),
    outcome: { type: DataTypes.STRING(20), allowNull: false },
    note: { type: DataTypes.TEXT, allowNull: false },
    ...createdAt,
    ...chain,
  });
  await qi.addIndex('iqa_reviews', ['decision_id'], { unique: true, name: 'iqa_reviews_decision' });
  await qi.addIndex('iqa_reviews', ['organisation_id', 'chain_seq'], { name: 'iqa_reviews_chain' });

  // An assessor marked new, and signed off as competent by an IQA: the latest row per assessor counts; none is competent.
  await qi.createTable('assessor_statuses', {
    id,
    organisation_id: reference('organisations'),
    assessor_id: reference('people'),
    status: { type: DataTypes.STRING(20), allowNull: false },
    changed_by_id: reference('people'),
    ...createdAt,
    ...chain,
  });
  await qi.addIndex('assessor_statuses', ['assessor_id', 'id'], { name: 'assessor_statuses_assessor' });
  await qi.addIndex('assessor_statuses', ['organisation_id', 'chain_seq'], { name: 'assessor_statuses_chain' });

  // A worker's standard achieved, withdrawn by a later not yet met, or reopened by a named person with a reason.
  await qi.createTable('standard_achievements', {
    id,
    organisation_id: reference('organisations'),
    worker_id: reference('people'),
    standard_version_id: reference('standard_versions'),
    event: { type: DataTypes.STRING(20), allowNull: false },
    person_id: reference('people'),
    reason: { type: DataTypes.TEXT, allowNull: false },
    decision_id: reference('assessment_decisions', { allowNull: true }),
    ...createdAt,
    ...chain,
  });
  await qi.addIndex('standard_achievements', ['worker_id', 'standard_version_id', 'id'], { name: 'standard_achievements_worker' });
  await qi.addIndex('standard_achievements', ['organisation_id', 'chain_seq'], { name: 'standard_achievements_chain' });

  // When the worker last read their decisions: the home page tells them what was judged since.
  await qi.createTable('assessment_views', {
    worker_id: { ...reference('people', { onDelete: 'CASCADE' }), primaryKey: true },
    seen_at: { type: DataTypes.DATE, allowNull: false },
  });

  // The decision that sets each item's state, so pages read it with the state in one row.
  await qi.addColumn('worker_item_states', 'decision_id', { type: DataTypes.INTEGER, allowNull: true });
  // Evidence an assessor recorded (an observation or discussion they witnessed) for the worker.
  await qi.addColumn('evidence', 'recorded_by_id', reference('people', { allowNull: true, onDelete: 'SET NULL' }));
}
