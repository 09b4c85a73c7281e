// The admin's check of their organisation's tamper-evident record (docs/decisions/029): whole, or the first entry that
// was altered, removed or added behind the portal's back.
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { describeBreak, verifyChain } from '#db/chain-verify.ts';

export type RecordCheck = {
  entries: number;
  /** The chain head, to note down or send elsewhere: a record rewritten later, head and all, no longer ends with it. */
  head: { seq: number; hash: string } | null;
  /** Null when the record is whole; otherwise the first broken entry, as a sentence. */
  problem: string | null;
};

/** Walks the whole of the actor's organisation's chain, never another's: as long as the record, so run on request. */
export async function checkAuditRecord(actor: Actor): Promise<RecordCheck> {
  assertCan(actor, 'read:audit:org');
  const report = await verifyChain(actor.organisationId);
  return { entries: report.entries, head: report.head, problem: report.broken ? describeBreak(report.broken) : null };
}
