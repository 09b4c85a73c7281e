// Recomputes every worker's item states (worker_item_states) and their summary (worker_section_counts) from their
// evidence, decisions and the versions they hold.
import { rebuildItemStates } from '#app/domain/evidence/item-states.server.ts';
import { sequelize } from '#db/connection.ts';

const { workers, rows, removed, written, countRows, countsRemoved, countsWritten } = await rebuildItemStates();
console.log(`Item states rebuilt for ${workers} people: ${rows} rows, ${removed} removed and ${written} written.`);
console.log(`Section counts: ${countRows} rows, ${countsRemoved} removed and ${countsWritten} written.`);
await sequelize.close();
