// Sessions are kept by the SHA-256 hash of their id, so the table no longer holds working bearer tokens.
// Rebuilding the table ends every existing session: everyone signs in again once.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('sessions');
  await qi.createTable('sessions', {
    token_hash: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    person_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'people', key: 'id' },
      onDelete: 'CASCADE',
    },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('sessions', ['person_id'], { name: 'sessions_person' });
}
