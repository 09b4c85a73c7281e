// The organisation's supervision policy, set per role profile (how often, and how often during probation), with the
// NICE home-care floor of at least every 13 weeks; an agreement less frequent than its worker's policy is flagged.
import { RoleAssignment, RoleProfile } from '#db/models/index.ts';
import { MAX_INTERVAL_WEEKS, everyWeeks } from '../statuses.ts';

export type PolicyCheck = { requiredWeeks: number; source: string; meetsPolicy: boolean; message: string | null };

/** Unchecked: called for an agreement its caller has already read through agreementsFor. The most frequent supervision any of the worker's current roles asks for, and whether `frequencyWeeks` meets it. */
export async function checkAgainstPolicy(workerId: number, frequencyWeeks: number, probation: boolean): Promise<PolicyCheck> {
  const assignments = await RoleAssignment.findAll({
    where: { personId: workerId, endedOn: null },
    include: [{ model: RoleProfile, as: 'roleProfile' }],
  });
  let requiredWeeks = MAX_INTERVAL_WEEKS;
  let source = 'the NICE home care quality standard (at least every 13 weeks)';
  for (const assignment of assignments) {
    const profile = assignment.roleProfile;
    if (!profile) continue;
    const weeks = probation && profile.probationSupervisionFrequencyWeeks ? profile.probationSupervisionFrequencyWeeks : profile.supervisionFrequencyWeeks;
    if (weeks < requiredWeeks) {
      requiredWeeks = weeks;
      source = `the ${profile.name} role profile${probation && profile.probationSupervisionFrequencyWeeks ? ' during probation' : ''}`;
    }
  }
  const meetsPolicy = frequencyWeeks <= requiredWeeks;
  return {
    requiredWeeks,
    source,
    meetsPolicy,
    message: meetsPolicy
      ? null
      : `${everyWeeks(frequencyWeeks)} is less often than ${source} requires (${everyWeeks(requiredWeeks).toLowerCase()})`,
  };
}
