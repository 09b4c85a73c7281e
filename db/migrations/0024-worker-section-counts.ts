// The team matrix's summary of the item-state projection (docs/decisions/036): per worker, held standard version and
// section, how many items are met, not yet met, submitted and mapped, kept by refreshItemStates in the transaction of
// each write so a page across a team reads a few rows a person instead of counting every item state.
import { DataTypes, type QueryInterface } from 'sequelize';

const reference = (table: string) => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  references: { model: table, key: 'id' },
  onDelete: 'CASCADE',
});

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('worker_section_counts', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    organisation_id: reference('organisations'),
    worker_id: reference('people'),
    standard_version_id: reference('standard_versions'),
    // The items' own section heading (standard_items.section), so a drill-down into a section reads its row.
    section: { type: DataTypes.STRING(300), allowNull: false },
    met: { type: DataTypes.INTEGER, allowNull: false },
    not_yet_met: { type: DataTypes.INTEGER, allowNull: false },
    submitted: { type: DataTypes.INTEGER, allowNull: false },
    mapped: { type: DataTypes.INTEGER, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  // Leads with worker_id: a team's rows are ranges of this index, and a refresh finds one worker's rows by it. Not
  // unique with the section: MariaDB's collation would take two headings differing only in case or trailing spaces
  // for one, and refuse a write; the only writer keeps one row per exact heading (section-counts.server.ts).
  await qi.addIndex('worker_section_counts', ['worker_id', 'standard_version_id'], { name: 'worker_section_counts_worker_version' });

  // The projection as it stands, counted in one statement; afterwards the writes keep it (or item-states:rebuild,
  // which also splits headings of one version that differ only in case, which MariaDB's GROUP BY counts together).
  await qi.sequelize.query(`
INSERT INTO worker_section_counts (organisation_id, worker_id, standard_version_id, section, met, not_yet_met, submitted, mapped, updated_at)
SELECT w.organisation_id, w.worker_id, i.standard_version_id, i.section,
       SUM(CASE WHEN w.state = 'met' THEN 1 ELSE 0 END), SUM(CASE WHEN w.state = 'not_yet_met' THEN 1 ELSE 0 END),
       SUM(CASE WHEN w.state = 'submitted' THEN 1 ELSE 0 END), SUM(CASE WHEN w.state = 'mapped' THEN 1 ELSE 0 END), :now
FROM worker_item_states w JOIN standard_items i ON i.id = w.standard_item_id
WHERE w.state IN ('met', 'not_yet_met', 'submitted', 'mapped')
GROUP BY w.organisation_id, w.worker_id, i.standard_version_id, i.section`, { replacements: { now: new Date() } });
}
