// The current state of each item for each worker (none is the absence of a row), kept beside the evidence that
// decides it so pages across many workers read one indexed table instead of aggregating the trail (docs/decisions/023).
import { DataTypes, type QueryInterface } from 'sequelize';

const reference = (table: string) => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  references: { model: table, key: 'id' },
  onDelete: 'CASCADE',
});

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('worker_item_states', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    organisation_id: reference('organisations'),
    worker_id: reference('people'),
    standard_item_id: reference('standard_items'),
    state: { type: DataTypes.STRING(20), allowNull: false },
    evidence_count: { type: DataTypes.INTEGER, allowNull: false },
    submitted_count: { type: DataTypes.INTEGER, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  // Per worker: leads with worker_id, so one worker's (or a team's) items are a range of this index.
  await qi.addIndex('worker_item_states', ['worker_id', 'standard_item_id'], { unique: true, name: 'worker_item_states_worker_item' });
  // Per item across workers (who has met or submitted this item), filtered by state without reading the rows.
  await qi.addIndex('worker_item_states', ['standard_item_id', 'state'], { name: 'worker_item_states_item_state' });

  // One row per worker whose states are being refreshed on MariaDB: taken first, so two writes for the same worker
  // refresh one after the other (no foreign key, so taking it never waits on the people row).
  await qi.createTable('worker_item_state_locks', {
    worker_id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    refreshed_at: { type: DataTypes.DATE, allowNull: false },
  });
}
