// Team development (docs/decisions/033): each worker's personal development plan (strengths, areas for development
// linked to the gaps in their standards, learning opportunities with target dates and outcomes), the versions worker
// and supervisor agreed, and the development a manager plans against a gap for chosen people.
import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const reference = (table: string, options: { allowNull?: boolean; onDelete?: string } = {}) => ({
  type: DataTypes.INTEGER,
  allowNull: options.allowNull ?? false,
  references: { model: table, key: 'id' },
  onDelete: options.onDelete ?? 'RESTRICT',
});
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
/** Where a gap is: a whole standard, one of its sections (by name), or one item; all null for a free-text goal. */
const gap = {
  standard_id: reference('standards', { allowNull: true }),
  section: { type: DataTypes.STRING(300), allowNull: true },
  standard_item_id: reference('standard_items', { allowNull: true }),
};

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // How often a PDP must be reviewed before it is stale, per role profile.
  await qi.addColumn('role_profiles', 'pdp_review_months', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 6 });

  // One plan per worker: the working copy, changed by the worker and their supervisor; agreed versions are snapshots.
  await qi.createTable('development_plans', {
    id,
    organisation_id: reference('organisations'),
    worker_id: reference('people'),
    strengths: { type: DataTypes.TEXT, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('development_plans', ['worker_id'], { unique: true, name: 'development_plans_worker' });
  await qi.addIndex('development_plans', ['organisation_id'], { name: 'development_plans_org' });

  // An area for development, linked to the gap it closes (or free text).
  await qi.createTable('development_goals', {
    id,
    organisation_id: reference('organisations'),
    plan_id: reference('development_plans', { onDelete: 'CASCADE' }),
    description: { type: DataTypes.TEXT, allowNull: false },
    ...gap,
    // open | achieved | dropped
    status: { type: DataTypes.STRING(20), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('development_goals', ['plan_id', 'status'], { name: 'development_goals_plan' });
  await qi.addIndex('development_goals', ['standard_item_id'], { name: 'development_goals_item' });

  // A development activity a manager plans against a gap (a training session, mentoring, shadowing, e-learning...).
  await qi.createTable('development_activities', {
    id,
    organisation_id: reference('organisations'),
    kind: { type: DataTypes.STRING(40), allowNull: false },
    title: { type: DataTypes.STRING(200), allowNull: false },
    details: { type: DataTypes.TEXT, allowNull: false },
    starts_on: { type: DataTypes.DATEONLY, allowNull: false },
    place: { type: DataTypes.STRING(200), allowNull: true },
    mentor_id: reference('people', { allowNull: true }),
    ...gap,
    planned_by_id: reference('people'),
    ...timestamps,
  });
  await qi.addIndex('development_activities', ['organisation_id', 'starts_on'], { name: 'development_activities_org_date' });
  await qi.addIndex('development_activities', ['standard_item_id'], { name: 'development_activities_item' });
  await qi.addIndex('development_activities', ['standard_id', 'section'], { name: 'development_activities_standard' });

  // A learning opportunity in a worker's plan: their own, or their place on a planned activity.
  await qi.createTable('development_opportunities', {
    id,
    organisation_id: reference('organisations'),
    plan_id: reference('development_plans', { onDelete: 'CASCADE' }),
    goal_id: reference('development_goals', { allowNull: true, onDelete: 'SET NULL' }),
    activity_id: reference('development_activities', { allowNull: true }),
    // The supervision record where it was agreed, if any.
    supervision_record_id: reference('supervision_records', { allowNull: true }),
    kind: { type: DataTypes.STRING(40), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    target_date: { type: DataTypes.DATEONLY, allowNull: false },
    // planned | in_progress | completed | did_not_attend | cancelled
    status: { type: DataTypes.STRING(20), allowNull: false },
    outcome: { type: DataTypes.TEXT, allowNull: false },
    completed_on: { type: DataTypes.DATEONLY, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('development_opportunities', ['plan_id', 'status'], { name: 'development_opportunities_plan' });
  await qi.addIndex('development_opportunities', ['activity_id'], { name: 'development_opportunities_activity' });
  await qi.addIndex('development_opportunities', ['supervision_record_id'], { name: 'development_opportunities_record' });

  // Each version the worker and their supervisor agreed: the plan as it stood, kept to read; append-only.
  await qi.createTable('development_plan_versions', {
    id,
    organisation_id: reference('organisations'),
    plan_id: reference('development_plans', { onDelete: 'CASCADE' }),
    version_number: { type: DataTypes.INTEGER, allowNull: false },
    // The plan as JSON (strengths, goals, opportunities) at the moment it was put forward for agreement.
    content: { type: DataTypes.TEXT('medium'), allowNull: false },
    proposed_by_id: reference('people'),
    supervisor_id: reference('people', { allowNull: true }),
    supervisor_agreed_at: { type: DataTypes.DATE, allowNull: true },
    worker_agreed_at: { type: DataTypes.DATE, allowNull: true },
    // The supervision record where it was reviewed, if any.
    supervision_record_id: reference('supervision_records', { allowNull: true }),
    ...timestamps,
  });
  await qi.addIndex('development_plan_versions', ['plan_id', 'version_number'], { unique: true, name: 'development_plan_versions_plan' });

  // The PDP review part of a supervision record: what was agreed there about the plan.
  await qi.addColumn('supervision_records', 'pdp_review', { type: DataTypes.TEXT, allowNull: true });
}
