// Chains the audit events written before the chain existed (docs/decisions/029): per organisation, in id order, each
// appended after the organisation's chain head with the same hash as the portal gives a new event.
import { QueryTypes, type QueryInterface, type Sequelize } from 'sequelize';
import { entryHash, takeHead, type ChainField } from '../chain.ts';

/** audit_events as the chain hashes it when this migration was written (db/models/audit-event.ts), column by column. */
const AUDIT_EVENTS: { table: string; fields: readonly ChainField[] } = {
  table: 'audit_events',
  fields: [
    { name: 'organisation_id', kind: 'int' },
    { name: 'actor_id', kind: 'int' },
    { name: 'action', kind: 'text' },
    { name: 'subject_type', kind: 'text' },
    { name: 'subject_id', kind: 'int' },
    { name: 'summary', kind: 'text' },
    { name: 'ip_address', kind: 'text' },
    { name: 'created_at', kind: 'date' },
  ],
};

/**
 * Chains every audit event with no entry number, a batch per transaction (the head moves with each batch, so a run
 * stopped half way carries on where it stopped); one UPDATE per batch, never one per row. Returns the events chained.
 */
export async function chainExistingAuditEvents(db: Sequelize, batchSize = 500): Promise<number> {
  const columns = AUDIT_EVENTS.fields.map((field) => field.name).join(', ');
  const organisations = await db.query<{ organisationId: number | string | null }>(
    'SELECT DISTINCT organisation_id AS "organisationId" FROM audit_events WHERE chain_seq IS NULL',
    { type: QueryTypes.SELECT },
  );
  let chained = 0;
  for (const { organisationId } of organisations) {
    const chainKey = organisationId === null ? 0 : Number(organisationId);
    const ofChain = organisationId === null ? 'organisation_id IS NULL' : 'organisation_id = :chainKey';
    for (;;) {
      const count = await db.transaction(async (transaction) => {
        let head = await takeHead(chainKey, transaction, db);
        const rows = await db.query<Record<string, unknown> & { id: number }>(
          `SELECT id, ${columns} FROM audit_events WHERE ${ofChain} AND chain_seq IS NULL ORDER BY id LIMIT :limit`,
          { type: QueryTypes.SELECT, replacements: { chainKey, limit: batchSize }, transaction },
        );
        if (!rows.length) return 0;
        const links = rows.map((row) => {
          const seq = head.seq + 1;
          const hash = entryHash(AUDIT_EVENTS, seq, head.hash, row);
          const link = { id: Number(row.id), seq, previousHash: head.hash, hash };
          head = { seq, hash };
          return link;
        });
        const cases = (value: (link: (typeof links)[number]) => string | number) =>
          `CASE id ${links.map((link) => `WHEN ${link.id} THEN ${db.escape(value(link))}`).join(' ')} END`;
        await db.query(
          `UPDATE audit_events SET chain_seq = ${cases((link) => link.seq)}, previous_hash = ${cases((link) => link.previousHash)},
           entry_hash = ${cases((link) => link.hash)} WHERE id IN (${links.map((link) => link.id).join(', ')})`,
          { transaction },
        );
        await db.query('UPDATE chain_heads SET last_seq = ?, last_hash = ? WHERE chain_key = ?', {
          replacements: [head.seq, head.hash, chainKey],
          transaction,
        });
        return rows.length;
      });
      chained += count;
      if (count < batchSize) break;
    }
  }
  return chained;
}

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await chainExistingAuditEvents(qi.sequelize);
}
