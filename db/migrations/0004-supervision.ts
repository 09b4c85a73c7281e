// Supervision: written agreements and their signatures, sessions, records with actions and addenda, calendar links.
// Instants (session times, signatures) are DATE columns holding UTC; calendar days (review, due dates) are DATEONLY.
import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const createdOnly = { created_at: { type: DataTypes.DATE, allowNull: false } };
const reference = (table: string, options: { allowNull?: boolean; onDelete?: string } = {}) => ({
  type: DataTypes.INTEGER,
  allowNull: options.allowNull ?? false,
  references: { model: table, key: 'id' },
  onDelete: options.onDelete ?? 'RESTRICT',
});

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // One version of a worker's written agreement; a new version supersedes the old, which stays on record.
  await qi.createTable('supervision_agreements', {
    id,
    organisation_id: reference('organisations'),
    worker_id: reference('people'),
    supervisor_id: reference('people'),
    version: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    probation: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    frequency_weeks: { type: DataTypes.INTEGER, allowNull: false },
    duration_minutes: { type: DataTypes.INTEGER, allowNull: false },
    // Local Europe/London wall-clock time of regular sessions, "HH:MM".
    session_time: { type: DataTypes.STRING(5), allowNull: false },
    starts_on: { type: DataTypes.DATEONLY, allowNull: false },
    place: { type: DataTypes.STRING(200), allowNull: false },
    confidentiality: { type: DataTypes.TEXT, allowNull: false },
    scope: { type: DataTypes.TEXT, allowNull: false },
    record_keeping: { type: DataTypes.TEXT, allowNull: false },
    agree_within_days: { type: DataTypes.INTEGER, allowNull: false },
    review_on: { type: DataTypes.DATEONLY, allowNull: false },
    created_by_id: reference('people'),
    ...timestamps,
  });
  await qi.addIndex('supervision_agreements', ['worker_id', 'version'], { unique: true, name: 'supervision_agreements_worker_version' });
  await qi.addIndex('supervision_agreements', ['organisation_id', 'status'], { name: 'supervision_agreements_org_status' });
  await qi.addIndex('supervision_agreements', ['supervisor_id', 'status'], { name: 'supervision_agreements_supervisor_status' });

  await qi.createTable('supervision_signatures', {
    id,
    organisation_id: reference('organisations'),
    agreement_id: reference('supervision_agreements'),
    person_id: reference('people'),
    party: { type: DataTypes.STRING(20), allowNull: false },
    signed_name: { type: DataTypes.STRING(200), allowNull: false },
    signed_at: { type: DataTypes.DATE, allowNull: false },
    ...createdOnly,
  });
  await qi.addIndex('supervision_signatures', ['agreement_id', 'party'], { unique: true, name: 'supervision_signatures_agreement_party' });

  await qi.createTable('supervision_sessions', {
    id,
    organisation_id: reference('organisations'),
    agreement_id: reference('supervision_agreements', { allowNull: true }),
    worker_id: reference('people'),
    supervisor_id: reference('people'),
    type: { type: DataTypes.STRING(20), allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    starts_at: { type: DataTypes.DATE, allowNull: false },
    ends_at: { type: DataTypes.DATE, allowNull: false },
    place: { type: DataTypes.STRING(200), allowNull: true },
    request_reason: { type: DataTypes.TEXT, allowNull: true },
    cancel_reason: { type: DataTypes.TEXT, allowNull: true },
    requested_by_id: reference('people', { allowNull: true }),
    ...timestamps,
  });
  await qi.addIndex('supervision_sessions', ['worker_id', 'starts_at'], { name: 'supervision_sessions_worker_start' });
  await qi.addIndex('supervision_sessions', ['supervisor_id', 'starts_at'], { name: 'supervision_sessions_supervisor_start' });
  await qi.addIndex('supervision_sessions', ['organisation_id', 'status', 'starts_at'], { name: 'supervision_sessions_org_status' });
  await qi.addIndex('supervision_sessions', ['agreement_id'], { name: 'supervision_sessions_agreement' });

  // The record of a held session: the supervisor writes it, the worker comments and agrees, then it is locked.
  await qi.createTable('supervision_records', {
    id,
    organisation_id: reference('organisations'),
    session_id: reference('supervision_sessions'),
    worker_id: reference('people'),
    supervisor_id: reference('people'),
    status: { type: DataTypes.STRING(20), allowNull: false },
    attendance: { type: DataTypes.TEXT, allowNull: false },
    discussion: { type: DataTypes.TEXT, allowNull: false },
    wellbeing: { type: DataTypes.TEXT, allowNull: false },
    workload: { type: DataTypes.TEXT, allowNull: false },
    practice_issues: { type: DataTypes.TEXT, allowNull: false },
    learning: { type: DataTypes.TEXT, allowNull: false },
    worker_comments: { type: DataTypes.TEXT, allowNull: true },
    due_on: { type: DataTypes.DATEONLY, allowNull: false },
    shared_at: { type: DataTypes.DATE, allowNull: true },
    locked_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('supervision_records', ['session_id'], { unique: true, name: 'supervision_records_session' });
  await qi.addIndex('supervision_records', ['worker_id', 'status'], { name: 'supervision_records_worker_status' });
  await qi.addIndex('supervision_records', ['organisation_id', 'status', 'due_on'], { name: 'supervision_records_org_status_due' });

  await qi.createTable('supervision_record_agreements', {
    id,
    organisation_id: reference('organisations'),
    record_id: reference('supervision_records'),
    person_id: reference('people'),
    party: { type: DataTypes.STRING(20), allowNull: false },
    agreed_at: { type: DataTypes.DATE, allowNull: false },
    ...createdOnly,
  });
  await qi.addIndex('supervision_record_agreements', ['record_id', 'party'], { unique: true, name: 'supervision_record_agreements_party' });

  await qi.createTable('supervision_addenda', {
    id,
    organisation_id: reference('organisations'),
    record_id: reference('supervision_records'),
    author_id: reference('people'),
    text: { type: DataTypes.TEXT, allowNull: false },
    ...createdOnly,
  });
  await qi.addIndex('supervision_addenda', ['record_id'], { name: 'supervision_addenda_record' });

  // Agreed actions: raised in one record, carried forward to the next sessions until done.
  await qi.createTable('supervision_actions', {
    id,
    organisation_id: reference('organisations'),
    worker_id: reference('people'),
    record_id: reference('supervision_records'),
    description: { type: DataTypes.TEXT, allowNull: false },
    owner_id: reference('people'),
    due_on: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    completed_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('supervision_actions', ['worker_id', 'status'], { name: 'supervision_actions_worker_status' });
  await qi.addIndex('supervision_actions', ['organisation_id', 'status', 'due_on'], { name: 'supervision_actions_org_status_due' });
  await qi.addIndex('supervision_actions', ['record_id'], { name: 'supervision_actions_record' });

  // A private calendar subscription link: only the sha256 of its token is stored.
  await qi.createTable('supervision_calendar_tokens', {
    id,
    organisation_id: reference('organisations'),
    person_id: reference('people'),
    token_hash: { type: DataTypes.STRING(64), allowNull: false },
    revoked_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('supervision_calendar_tokens', ['token_hash'], { unique: true, name: 'supervision_calendar_tokens_hash' });
  await qi.addIndex('supervision_calendar_tokens', ['person_id', 'revoked_at'], { name: 'supervision_calendar_tokens_person' });
}
