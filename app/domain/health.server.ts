// Whether the portal can reach its database.
import { sequelize } from '#db/models/index.ts';

/** No check: the health endpoint, which reveals nothing but whether the database answers. */
export async function checkDatabase(timeoutMs = 2_000): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  const probe = sequelize.query('SELECT 1').then(
    () => true,
    () => false,
  );
  return Promise.race([probe, timeout]);
}
