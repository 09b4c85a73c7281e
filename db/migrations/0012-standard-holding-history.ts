// Which version of a standard a person held, and when that changed: moving holders to a new version rewrites
// person_standards.standard_version_id, so each move is kept here (append-only) with who made it.
import { DataTypes, type QueryInterface } from 'sequelize';

const reference = (table: string, options: { allowNull?: boolean; onDelete?: string } = {}) => ({
  type: DataTypes.INTEGER,
  allowNull: options.allowNull ?? false,
  references: { model: table, key: 'id' },
  onDelete: options.onDelete ?? 'RESTRICT',
});

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('person_standard_history', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    organisation_id: reference('organisations'),
    person_standard_id: reference('person_standards', { onDelete: 'CASCADE' }),
    person_id: reference('people'),
    from_standard_version_id: reference('standard_versions'),
    to_standard_version_id: reference('standard_versions'),
    moved_by_id: reference('people', { allowNull: true, onDelete: 'SET NULL' }),
    moved_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('person_standard_history', ['person_standard_id', 'moved_at'], { name: 'person_standard_history_holding' });
  await qi.addIndex('person_standard_history', ['person_id', 'moved_at'], { name: 'person_standard_history_person' });
}
