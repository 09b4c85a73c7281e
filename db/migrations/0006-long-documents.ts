// Long documents get MEDIUMTEXT (16 MB) on MariaDB, whose TEXT holds only 65,535 bytes: a policy's text, and a standard's
// details (glossary, scope notes, occupations), which an import can make longer than that.
// SQLite's TEXT has no such limit and rebuilding its tables would only risk the foreign keys, so it is left as it is.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  if (qi.sequelize.getDialect() === 'sqlite') return;
  await qi.changeColumn('policy_versions', 'body', { type: DataTypes.TEXT('medium'), allowNull: false });
  await qi.changeColumn('standard_versions', 'details', { type: DataTypes.TEXT('medium'), allowNull: false });
}
