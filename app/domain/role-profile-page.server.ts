// One role profile as its page shows it (what it requires, who holds it, what the person may change), and the page's
// commands: save the profile, assign it to a person, end an assignment today.
import type { RoleProfileCommand } from '#app/components/role-profile-schema.ts';
import { today as todayInLondon } from '#app/utils/dates/index.ts';
import { can as hasPermission, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { assignRoleProfile, endRoleAssignment, getRoleProfile, roleProfileFormOptions, updateRoleProfile } from './role-profiles.server.ts';

export async function roleProfilePage(actor: Actor, roleProfileId: number) {
  const manage = hasPermission(actor, 'manage:role-profiles:org');
  const [profile, options] = await Promise.all([getRoleProfile(actor, roleProfileId), manage ? roleProfileFormOptions(actor) : Promise.resolve(null)]);
  const holderIds = new Set(profile.holders.map((holder) => String(holder.personId)));
  return {
    profile,
    can: { edit: manage, assign: manage, endAssignment: manage },
    standards: options?.standards ?? [],
    /** People who could take the role: everyone active who does not hold it now. */
    assignable: (options?.people ?? []).filter((person) => !holderIds.has(person.value)),
    editDefaults: {
      name: profile.name,
      description: profile.description ?? '',
      standardIds: profile.standardIds.map(String),
      supervisionFrequencyWeeks: String(profile.supervisionFrequencyWeeks),
      probationSupervisionFrequencyWeeks: profile.probationSupervisionFrequencyWeeks ? String(profile.probationSupervisionFrequencyWeeks) : '',
      urgentDebriefOnRequest: profile.urgentDebriefOnRequest ? 'on' : '',
      targetMonths: String(profile.targetMonths),
      pdpReviewMonths: String(profile.pdpReviewMonths),
    },
  };
}

export type RoleProfileNotice = 'saved' | 'assigned' | 'ended';

export async function actOnRoleProfile(ctx: DomainContext, roleProfileId: number, command: RoleProfileCommand): Promise<RoleProfileNotice> {
  switch (command.intent) {
    case 'save': {
      const { intent: _intent, ...input } = command;
      await updateRoleProfile(ctx, roleProfileId, { ...input, urgentDebriefOnRequest: input.urgentDebriefOnRequest ?? false });
      return 'saved';
    }
    case 'assign':
      await assignRoleProfile(ctx, { personId: command.personId, roleProfileId, startedOn: command.startedOn });
      return 'assigned';
    case 'end':
      // An assignment ends on the day it is ended; the history keeps both dates.
      await endRoleAssignment(ctx, command.assignmentId, todayInLondon());
      return 'ended';
  }
}
