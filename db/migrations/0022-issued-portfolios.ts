// Documents the portal issues (docs/decisions/034): one row per PDF, with the code printed on it and the SHA-256 of its
// bytes, so whoever receives it can check it at /verify/CODE. Append-only and chained like every row that carries trust.
import { DataTypes, type QueryInterface } from 'sequelize';

const reference = (table: string, options: { allowNull?: boolean } = {}) => ({
  type: DataTypes.INTEGER,
  allowNull: options.allowNull ?? false,
  references: { model: table, key: 'id' },
  onDelete: 'RESTRICT',
});

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('issued_documents', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    organisation_id: reference('organisations'),
    // Random, unguessable (16 Crockford base32 characters, 80 bits), printed on the cover and in every footer.
    code: { type: DataTypes.STRING(32), allowNull: false },
    // portfolio | inspection_pack | …
    kind: { type: DataTypes.STRING(30), allowNull: false },
    // The worker the document is about (none for a pack about a team), and their name as the document prints it.
    subject_person_id: reference('people', { allowNull: true }),
    subject_name: { type: DataTypes.STRING(200), allowNull: false },
    issued_by_id: reference('people'),
    sha256: { type: DataTypes.STRING(64), allowNull: false },
    byte_size: { type: DataTypes.BIGINT, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    chain_seq: { type: DataTypes.INTEGER, allowNull: true },
    previous_hash: { type: DataTypes.STRING(64), allowNull: true },
    entry_hash: { type: DataTypes.STRING(64), allowNull: true },
  });
  await qi.addIndex('issued_documents', ['code'], { unique: true, name: 'issued_documents_code' });
  await qi.addIndex('issued_documents', ['subject_person_id', 'created_at'], { name: 'issued_documents_subject' });
  await qi.addIndex('issued_documents', ['organisation_id', 'chain_seq'], { name: 'issued_documents_chain' });
}
