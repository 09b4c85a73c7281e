// A team's portfolios in one request (issue 16, docs/decisions/035): the batch a manager or admin asked for, for a team
// or a whole location, and one item per worker in it, made on the job queue, each with its attempts, its error and the
// stored name of its PDF until the batch's ZIP or merged PDF is made. The files live in DATA_DIR/portfolio-batches.
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

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('portfolio_batches', {
    id,
    organisation_id: reference('organisations'),
    requested_by_id: reference('people'),
    // team | location: the scope asked for, with its name as it was then (the page keeps saying what was asked).
    scope_type: { type: DataTypes.STRING(20), allowNull: false },
    team_id: reference('teams', { allowNull: true }),
    location_id: reference('locations', { allowNull: true }),
    scope_name: { type: DataTypes.STRING(200), allowNull: false },
    // zip | merged
    output: { type: DataTypes.STRING(10), allowNull: false },
    // queued | running | done | failed | cancelled
    status: { type: DataTypes.STRING(20), allowNull: false },
    item_count: { type: DataTypes.INTEGER, allowNull: false },
    done_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    failed_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    // The name the download is given, and the stored name of the file once made.
    result_file_name: { type: DataTypes.STRING(255), allowNull: true },
    result_stored_name: { type: DataTypes.STRING(100), allowNull: true },
    result_byte_size: { type: DataTypes.BIGINT, allowNull: true },
    error_message: { type: DataTypes.STRING(500), allowNull: true },
    started_at: { type: DataTypes.DATE, allowNull: true },
    finished_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  // The request page lists the requester's batches, an admin's the organisation's, newest first.
  await qi.addIndex('portfolio_batches', ['requested_by_id', 'created_at'], { name: 'portfolio_batches_requester' });
  await qi.addIndex('portfolio_batches', ['organisation_id', 'created_at'], { name: 'portfolio_batches_org' });
  // The embedded queue resumes the unfinished batches when the web process starts.
  await qi.addIndex('portfolio_batches', ['status'], { name: 'portfolio_batches_status' });

  await qi.createTable('portfolio_batch_items', {
    id,
    organisation_id: reference('organisations'),
    batch_id: reference('portfolio_batches', { onDelete: 'CASCADE' }),
    worker_id: reference('people'),
    // queued | running | done | failed | cancelled
    status: { type: DataTypes.STRING(20), allowNull: false },
    // Times the job was started: a retry after a failure and a restart after a worker died both count.
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    error_message: { type: DataTypes.STRING(500), allowNull: true },
    // The worker's PDF in the batch store (its path there) and its name inside the ZIP, until the batch is assembled.
    result_stored_name: { type: DataTypes.STRING(100), allowNull: true },
    result_file_name: { type: DataTypes.STRING(255), allowNull: true },
    started_at: { type: DataTypes.DATE, allowNull: true },
    finished_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('portfolio_batch_items', ['batch_id', 'worker_id'], { unique: true, name: 'portfolio_batch_items_batch_worker' });
  await qi.addIndex('portfolio_batch_items', ['batch_id', 'status'], { name: 'portfolio_batch_items_batch_status' });
  await qi.addIndex('portfolio_batch_items', ['worker_id'], { name: 'portfolio_batch_items_worker' });
}
