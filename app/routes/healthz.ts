// Health check for load balancers and monitoring: 200 when the database answers, 503 when it does not.
import { checkDatabase } from '#app/domain/health.server.ts';

export async function loader() {
  const healthy = await checkDatabase();
  return new Response(healthy ? 'ok' : 'database unreachable', {
    status: healthy ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
