// What the supervision pages' forms ask for: each command, parsed by its form's schema, goes to the one domain function
// that does it, which answers with the notice the page shows next.
import type { Actor } from '#app/utils/permissions.server.ts';
import { draftAgreement, signAgreement } from './agreements.server.ts';
import type { SessionCommand, WorkerSupervisionCommand } from './forms.ts';
import { addAction, addAddendum, agreeRecord, completeAction, recordOfSession, shareRecord, writeRecord } from './records.server.ts';
import { cancelSession, markSessionMissed, moveSession, planSchedule, planSession } from './sessions.server.ts';

export type SessionNotice = 'moved' | 'cancelled' | 'missed' | 'saved' | 'shared' | 'agreed' | 'addendum' | 'action' | 'completed';

export async function actOnSession(actor: Actor, sessionId: number, command: SessionCommand, ipAddress: string): Promise<SessionNotice> {
  switch (command.intent) {
    case 'move': {
      const { intent: _intent, ...time } = command;
      await moveSession(actor, sessionId, time, ipAddress);
      return 'moved';
    }
    case 'cancel':
      await cancelSession(actor, sessionId, command.reason, ipAddress);
      return 'cancelled';
    case 'missed':
      await markSessionMissed(actor, sessionId, ipAddress);
      return 'missed';
    case 'record': {
      const { intent: _intent, ...input } = command;
      await writeRecord(actor, sessionId, input, ipAddress);
      return 'saved';
    }
    case 'share':
      await shareRecord(actor, (await recordOfSession(actor, sessionId)).id, ipAddress);
      return 'shared';
    case 'agree':
      await agreeRecord(actor, (await recordOfSession(actor, sessionId)).id, command.comments ?? '', ipAddress);
      return 'agreed';
    case 'addendum':
      await addAddendum(actor, (await recordOfSession(actor, sessionId)).id, command.text, ipAddress);
      return 'addendum';
    case 'action': {
      const { intent: _intent, ...input } = command;
      await addAction(actor, (await recordOfSession(actor, sessionId)).id, input);
      return 'action';
    }
    case 'complete':
      await completeAction(actor, command.actionId);
      return 'completed';
  }
}

export type WorkerSupervisionNotice = 'drafted' | 'signed' | 'active' | 'scheduled' | 'planned';

export async function actOnWorkerSupervision(actor: Actor, workerId: number, command: WorkerSupervisionCommand, ipAddress: string): Promise<WorkerSupervisionNotice> {
  switch (command.intent) {
    case 'draft': {
      const { intent: _intent, ...input } = command;
      await draftAgreement(actor, workerId, { ...input, probation: input.probation ?? false }, ipAddress);
      return 'drafted';
    }
    case 'sign': {
      const { active } = await signAgreement(actor, command.agreementId, ipAddress);
      return active ? 'active' : 'signed';
    }
    case 'schedule':
      await planSchedule(actor, workerId, ipAddress, command.until);
      return 'scheduled';
    case 'session': {
      const { intent: _intent, ...input } = command;
      await planSession(actor, workerId, input, ipAddress);
      return 'planned';
    }
  }
}
