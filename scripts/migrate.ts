// Brings the configured database (SQLite by default, or DATABASE_URL) up to the latest schema.
import { sequelize } from '#db/connection.ts';
import { migrate } from '#db/migrator.ts';

const applied = await migrate(sequelize);
console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
await sequelize.close();
