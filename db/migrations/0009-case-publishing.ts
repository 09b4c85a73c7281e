// Publishing standards to CASE consumers: when set, the current version of the standard is served, without sign-in,
// by the IMS CASE 1.0 endpoints under /ims/case/v1p0. Null means not published.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('standards', 'case_published_at', { type: DataTypes.DATE, allowNull: true, defaultValue: null });
  await qi.addIndex('standards', ['case_published_at'], { name: 'standards_case_published' });
}
