// Recomputes every worker's item states (worker_item_states) from their evidence and the versions they hold.
import { rebuildItemStates } from '#app/domain/evidence/item-states.server.ts';
import { sequelize } from '#db/connection.ts';

const { workers, rows, removed, written } = await rebuildItemStates();
console.log(`Item states rebuilt for ${workers} people: ${rows} rows, ${removed} removed and ${written} written.`);
await sequelize.close();
