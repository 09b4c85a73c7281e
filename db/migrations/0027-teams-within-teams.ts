// Teams within teams (app/domain/team-tree.ts): a team may be part of another team of its organisation; a manager of a
// team manages the teams below it.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('teams', 'parent_team_id', { type: DataTypes.INTEGER, allowNull: true, references: { model: 'teams', key: 'id' }, onDelete: 'RESTRICT' });
  await qi.addIndex('teams', ['parent_team_id'], { name: 'teams_parent' });
}
