// What the PDP page's forms ask for: each command, parsed by its form's schema, goes to the one domain function that
// does it, which answers with the notice the page shows next.
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { addGoal, addOpportunity, agreePlan, proposePlan, saveStrengths, setGoalStatus, updateOpportunity } from './plan-changes.server.ts';
import type { PlanCommand } from './plan-forms.ts';

const NOTICES = {
  strengths: 'Strengths saved.',
  goal: 'Area for development added.',
  'goal-status': 'Area for development updated.',
  opportunity: 'Learning opportunity added.',
  'opportunity-status': 'Learning opportunity updated.',
  propose: 'Plan agreed by you and put forward for agreement.',
  agree: 'Plan agreed.',
} as const;

export async function actOnPlan(ctx: DomainContext, workerId: number, command: PlanCommand): Promise<string> {
  switch (command.intent) {
    case 'strengths':
      await saveStrengths(ctx, workerId, command.strengths ?? '');
      break;
    case 'goal':
      await addGoal(ctx, workerId, command);
      break;
    case 'goal-status':
      await setGoalStatus(ctx, command.goalId, command.status);
      break;
    case 'opportunity': {
      const { intent: _intent, ...input } = command;
      await addOpportunity(ctx, workerId, input);
      break;
    }
    case 'opportunity-status':
      await updateOpportunity(ctx, command.opportunityId, command);
      break;
    case 'propose':
      await proposePlan(ctx, workerId);
      break;
    case 'agree':
      await agreePlan(ctx, workerId, command.versionNumber);
      break;
  }
  return NOTICES[command.intent];
}
