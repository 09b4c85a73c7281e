// An area for development in a PDP has a target date, like each learning opportunity (docs/decisions/033). Areas
// written before have none: the plan says "Not set" for them rather than inventing one.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('development_goals', 'target_date', { type: DataTypes.DATEONLY, allowNull: true });
}
