// The one way a domain function writes: permission first, then one transaction that re-reads what it changes under a
// lock, checks the rule against what it read, writes, and appends the audit event, all committed together.
import type { Transaction } from 'sequelize';
import { assertCan, type Permission, type PermissionArea } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { lockChain } from '#db/chain.ts';
import { sequelize } from '#db/models/index.ts';
import { recordAuditEvent, type AuditAction } from './audit.server.ts';

/** What happened and to whom, never confidential content: admins read the audit log. */
export type AuditEntry = { action: AuditAction; summary: string; subject?: { type: string; id: number } };

export type WriteSteps<Subject, Result> = {
  /** The role's permission, checked before anything is read. */
  permission?: Permission | PermissionArea;
  /** Reads what the write changes, inside the transaction and locked (see `locked`); NotFound if it is not the actor's to see. */
  load?: (transaction: Transaction) => Promise<Subject>;
  /** The predicate on what was read (Forbidden or NotFound), then the record's own rules, before anything is written. */
  check?: (subject: Subject, transaction: Transaction) => void | Promise<void>;
  /** The write itself; `record` adds an audit event that depends on what it found (appended with the others). */
  run: (subject: Subject, transaction: Transaction, record: (entry: AuditEntry) => void) => Promise<Result>;
  /** The audit events of this write, appended in the same transaction; none for a write that changed nothing. */
  audit?: (subject: Subject, result: Result) => AuditEntry | AuditEntry[] | null;
};

/**
 * Runs one domain write. The transaction may be run again after a deadlock (docs/decisions/008), so `load`, `check`
 * and `run` must read what they depend on inside it and leave side effects outside the database until it returns.
 */
export async function write<Subject = undefined, Result = void>(ctx: DomainContext, steps: WriteSteps<Subject, Result>): Promise<Result> {
  if (steps.permission) assertCan(ctx.actor, steps.permission);
  return sequelize.transaction(async (transaction) => {
    // The organisation's chain first, before any row lock, so writes that append to it never wait on each other in a circle.
    await lockChain(ctx.actor.organisationId, transaction);
    const subject = steps.load ? await steps.load(transaction) : (undefined as Subject);
    await steps.check?.(subject, transaction);
    const recorded: AuditEntry[] = [];
    const result = await steps.run(subject, transaction, (entry) => recorded.push(entry));
    const declared = steps.audit?.(subject, result) ?? [];
    for (const entry of [...recorded, ...(Array.isArray(declared) ? declared : [declared])]) {
      await recordAuditEvent(
        {
          organisationId: ctx.actor.organisationId,
          actorId: ctx.actor.id,
          action: entry.action,
          summary: entry.summary,
          ...(entry.subject ? { subject: entry.subject } : {}),
          ipAddress: ctx.ipAddress,
        },
        transaction,
      );
    }
    return result;
  });
}

/** Options for a read that the write changes: in the transaction, with an update lock (a no-op on SQLite, whose writers queue). */
export function locked(transaction: Transaction) {
  return { transaction, lock: transaction.LOCK.UPDATE };
}
