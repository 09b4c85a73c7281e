// Evidence: revisions (a submitted revision is never changed), links to items with the worker's note, files;
// and which assessors assess which workers.
import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const reference = (table: string, options: { allowNull?: boolean; onDelete?: string } = {}) => ({
  type: DataTypes.INTEGER,
  allowNull: options.allowNull ?? false,
  references: { model: table, key: 'id' },
  onDelete: options.onDelete ?? 'RESTRICT',
});

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('worker_assessors', {
    id,
    organisation_id: reference('organisations'),
    worker_id: reference('people', { onDelete: 'CASCADE' }),
    assessor_id: reference('people', { onDelete: 'CASCADE' }),
    ...timestamps,
  });
  await qi.addIndex('worker_assessors', ['worker_id', 'assessor_id'], { unique: true, name: 'worker_assessors_unique' });
  await qi.addIndex('worker_assessors', ['assessor_id'], { name: 'worker_assessors_assessor' });

  await qi.createTable('evidence', {
    id,
    organisation_id: reference('organisations'),
    worker_id: reference('people'),
    status: { type: DataTypes.STRING(20), allowNull: false },
    // The revision people see now; earlier revisions stay readable.
    current_revision_id: { type: DataTypes.INTEGER, allowNull: true },
    // A token carried by the form, so that submitting the same form twice records the evidence once.
    submission_token: { type: DataTypes.STRING(64), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('evidence', ['worker_id', 'status'], { name: 'evidence_worker_status' });
  await qi.addIndex('evidence', ['organisation_id', 'status'], { name: 'evidence_org_status' });
  await qi.addIndex('evidence', ['worker_id', 'submission_token'], { unique: true, name: 'evidence_worker_submission' });

  await qi.createTable('evidence_revisions', {
    id,
    organisation_id: reference('organisations'),
    evidence_id: reference('evidence'),
    revision_number: { type: DataTypes.INTEGER, allowNull: false },
    type: { type: DataTypes.STRING(40), allowNull: false },
    title: { type: DataTypes.STRING(200), allowNull: false },
    activity_date: { type: DataTypes.DATEONLY, allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    witness_name: { type: DataTypes.STRING(200), allowNull: true },
    witness_role: { type: DataTypes.STRING(200), allowNull: true },
    witness_statement: { type: DataTypes.TEXT, allowNull: true },
    created_by_id: reference('people'),
    submitted_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('evidence_revisions', ['evidence_id', 'revision_number'], { unique: true, name: 'evidence_revisions_number' });

  await qi.createTable('evidence_item_links', {
    id,
    organisation_id: reference('organisations'),
    evidence_revision_id: reference('evidence_revisions', { onDelete: 'CASCADE' }),
    standard_item_id: reference('standard_items'),
    note: { type: DataTypes.TEXT, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('evidence_item_links', ['evidence_revision_id', 'standard_item_id'], { unique: true, name: 'evidence_item_links_unique' });
  await qi.addIndex('evidence_item_links', ['standard_item_id'], { name: 'evidence_item_links_item' });

  await qi.createTable('evidence_files', {
    id,
    organisation_id: reference('organisations'),
    evidence_revision_id: reference('evidence_revisions', { onDelete: 'CASCADE' }),
    owner_id: reference('people'),
    original_name: { type: DataTypes.STRING(255), allowNull: false },
    stored_name: { type: DataTypes.STRING(100), allowNull: false },
    media_type: { type: DataTypes.STRING(100), allowNull: false },
    size_bytes: { type: DataTypes.INTEGER, allowNull: false },
    sha256: { type: DataTypes.STRING(64), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('evidence_files', ['evidence_revision_id'], { name: 'evidence_files_revision' });
  await qi.addIndex('evidence_files', ['owner_id'], { name: 'evidence_files_owner' });
  await qi.addIndex('evidence_files', ['stored_name'], { name: 'evidence_files_stored_name' });
}
