// What the supervision pages' forms ask for: each command, parsed by its form's schema, goes to the one domain function
// that does it, which answers with the notice the page shows next.
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { addOpportunityFromRecord } from '../development/supervision-agenda.server.ts';
import { draftAgreement, signAgreement } from './agreements.server.ts';
import type { SessionCommand, WorkerSupervisionCommand } from './forms.ts';
import { addAction, addAddendum, agreeRecord, completeAction, recordOfSession, shareRecord, writeRecord } from './records.server.ts';
import { cancelSession, markSessionMissed, moveSession, planSchedule, planSession, recordPastSession } from './sessions.server.ts';

export type SessionNotice = 'moved' | 'arranged' | 'cancelled' | 'missed' | 'saved' | 'shared' | 'agreed' | 'addendum' | 'action' | 'completed' | 'opportunity';

/** The notice to show and, for a session moved or arranged, when it now starts (the notice names it). */
export async function actOnSession(ctx: DomainContext, sessionId: number, command: SessionCommand): Promise<SessionNotice | { notice: 'moved' | 'arranged'; startsAt: Date }> {
  switch (command.intent) {
    case 'move': {
      const { intent: _intent, ...time } = command;
      const { arranged, startsAt } = await moveSession(ctx, sessionId, time);
      return { notice: arranged ? 'arranged' : 'moved', startsAt };
    }
    case 'cancel':
      await cancelSession(ctx, sessionId, command.reason);
      return 'cancelled';
    case 'missed':
      await markSessionMissed(ctx, sessionId);
      return 'missed';
    case 'record': {
      const { intent: _intent, ...input } = command;
      await writeRecord(ctx, sessionId, input);
      return 'saved';
    }
    case 'share':
      await shareRecord(ctx, (await recordOfSession(ctx.actor, sessionId)).id);
      return 'shared';
    case 'agree':
      await agreeRecord(ctx, (await recordOfSession(ctx.actor, sessionId)).id, command.comments ?? '');
      return 'agreed';
    case 'addendum':
      await addAddendum(ctx, (await recordOfSession(ctx.actor, sessionId)).id, command.text);
      return 'addendum';
    case 'action': {
      const { intent: _intent, ...input } = command;
      await addAction(ctx, (await recordOfSession(ctx.actor, sessionId)).id, input);
      return 'action';
    }
    case 'complete':
      await completeAction(ctx, command.actionId);
      return 'completed';
    case 'pdp-opportunity': {
      const { intent: _intent, ...input } = command;
      await addOpportunityFromRecord(ctx, (await recordOfSession(ctx.actor, sessionId)).id, input);
      return 'opportunity';
    }
  }
}

export type WorkerSupervisionNotice = 'drafted' | 'signed' | 'active' | 'scheduled' | 'planned' | 'recorded';

/** The notice to show, and the session to go to when the command made one that is to be written up next. */
export async function actOnWorkerSupervision(
  ctx: DomainContext,
  workerId: number,
  command: WorkerSupervisionCommand,
): Promise<{ notice: WorkerSupervisionNotice; sessionId?: number }> {
  switch (command.intent) {
    case 'draft': {
      const { intent: _intent, ...input } = command;
      await draftAgreement(ctx, workerId, { ...input, probation: input.probation ?? false });
      return { notice: 'drafted' };
    }
    case 'sign': {
      const { active } = await signAgreement(ctx, command.agreementId);
      return { notice: active ? 'active' : 'signed' };
    }
    case 'schedule':
      await planSchedule(ctx, workerId, command.until);
      return { notice: 'scheduled' };
    case 'session': {
      const { intent: _intent, ...input } = command;
      await planSession(ctx, workerId, input);
      return { notice: 'planned' };
    }
    case 'held': {
      const { intent: _intent, ...input } = command;
      return { notice: 'recorded', sessionId: await recordPastSession(ctx, workerId, input) };
    }
  }
}
