// Indexes for the set-based reads of competence: a standard version's items in their printed order, so that
// reading them for many workers needs no sort.
import type { QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addIndex('standard_items', ['standard_version_id', 'position'], { name: 'standard_items_version_position' });
}
