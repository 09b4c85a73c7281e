// Rows that carry trust (audit, decisions, signatures) are inserted, never updated or deleted.
import type { ModelStatic, Model } from 'sequelize';

export class AppendOnlyViolation extends Error {}

export function refuseChanges(model: ModelStatic<Model>): void {
  const refuse = () => {
    throw new AppendOnlyViolation(`${model.name} rows are append-only: add a new row instead`);
  };
  model.addHook('beforeUpdate', refuse);
  model.addHook('beforeBulkUpdate', refuse);
  model.addHook('beforeDestroy', refuse);
  model.addHook('beforeBulkDestroy', refuse);
}
