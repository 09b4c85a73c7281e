// What needs each person's attention, by the roles they hold: the home page's content.
import { Op } from 'sequelize';
import { formatDate } from '#app/utils/dates/index.ts';
import { assertCan, can, hasRole, type Actor } from '#app/utils/permissions.server.ts';
import { plural } from '#app/utils/words.ts';
import { Person, PersonRole, Team } from '#db/models/index.ts';
import { iqaHomeItems } from './assessment/iqa-home.server.ts';
import { judgedSinceItem } from './assessment/judged-since.server.ts';
import { queueSummary } from './assessment/queue.server.ts';
import { workersAssessedBy } from './assessors.server.ts';
import { policiesToAcknowledge } from './policies.server.ts';
import { effectiveLineSupervisorId } from './relationships.server.ts';
import { ownPassedTargets } from './role-targets.server.ts';
import { oversightSupervisionItems, workerSupervisionItems } from './supervision/attention.server.ts';
import { listManagedTeam } from './team.server.ts';


export type AttentionItem = { text: string; href?: string; count?: number };
export type AttentionSection = { role: string; heading: string; items: AttentionItem[] };

export async function attentionFor(actor: Actor): Promise<AttentionSection[]> {
  assertCan(actor, 'read:home:own');
  const sections: AttentionSection[] = [];

  if (hasRole(actor, 'worker')) {
    const [supervisor, team, passedTargets, judged] = await Promise.all([
      effectiveLineSupervisorId(actor).then((id) => (id ? Person.findByPk(id, { attributes: ['name'] }) : null)),
      actor.teamId ? Team.findByPk(actor.teamId, { attributes: ['name'] }) : null,
      ownPassedTargets(actor),
      judgedSinceItem(actor.id),
    ]);
    sections.push({
      role: 'worker',
      heading: 'Your work',
      items: [
        ...judged,
        { text: supervisor ? `Your line supervisor is ${supervisor.name}.` : 'You have no line supervisor yet. Ask your manager to arrange one.' },
        { text: team ? `You are in the ${team.name} team.` : 'You are not in a team yet.' },
        ...passedTargets.map((target) => ({
          text: `Your ${target.roleProfileName} role: the target date, ${formatDate(target.targetDate)}, has passed${target.itemsToDo ? ` with ${plural(target.itemsToDo, 'item', 'items')} still to do` : ''}.`,
          href: '/progress',
        })),
        { text: 'Record evidence of your practice', href: '/evidence/new' },
        { text: 'See what is still missing for your standards', href: '/progress' },
      ],
    });
  }

  if (hasRole(actor, 'supervisor')) {
    const supervisees = await Person.findAll({
      where: { organisationId: actor.organisationId, lineSupervisorId: actor.id, deactivatedAt: null },
      attributes: ['id', 'name'],
      order: [['name', 'ASC']],
    });
    sections.push({
      role: 'supervisor',
      heading: 'People you supervise',
      items: supervisees.length
        ? supervisees.map((person) => ({ text: `${person.name}: evidence and progress`, href: `/workers/${person.id}` }))
        : [{ text: 'Nobody has you as their line supervisor yet.' }],
    });
  }

  if (hasRole(actor, 'manager')) {
    // The team page's own list, so the counts here are the ones that page shows (the manager included).
    const members = (await listManagedTeam(actor)).flatMap((team) => team.members);
    const withoutSupervisor = members.filter((member) => member.lineSupervisorName === null).length;
    const targetPassed = members.filter((member) => member.passedTargets.length > 0).length;
    sections.push({
      role: 'manager',
      heading: 'Your team',
      items: [
        { count: members.length, text: `${plural(members.length, 'person', 'people')} in the teams you manage.`, href: '/team' },
        ...(withoutSupervisor
          ? [{ count: withoutSupervisor, text: `${withoutSupervisor} of them ${withoutSupervisor === 1 ? 'has' : 'have'} no line supervisor.`, href: '/team' }]
          : []),
        ...(targetPassed
          ? [{ count: targetPassed, text: `${targetPassed} of them ${targetPassed === 1 ? 'is' : 'are'} past the target date of a role.`, href: '/team' }]
          : []),
      ],
    });
  }

  if (can(actor, 'read:supervision')) {
    const items = [
      ...(can(actor, 'read:supervision:own') ? await workerSupervisionItems(actor) : []),
      ...(can(actor, 'read:supervision-overview') ? await oversightSupervisionItems(actor) : []),
    ];
    if (items.length) sections.push({ role: 'supervision', heading: 'Supervision', items });
  }

  if (hasRole(actor, 'assessor')) {
    // The queue's own count, so the home page and /assessment always agree.
    const [workers, queue] = await Promise.all([workersAssessedBy(actor), queueSummary(actor)]);
    sections.push({
      role: 'assessor',
      heading: 'Assessment',
      items: [
        {
          count: queue.waiting,
          text: queue.waiting
            ? `${plural(queue.waiting, 'piece', 'pieces')} of evidence waiting, the oldest ${plural(queue.oldestDays ?? 0, 'day', 'days')}`
            : 'Nothing is waiting for your judgement.',
          href: '/assessment',
        },
        ...workers.map((worker) => ({ text: `${worker.name}: evidence and progress`, href: `/workers/${worker.id}` })),
      ],
    });
  }

  // Internal quality assurance: an assessor's challenged decisions to answer, an IQA's sample waiting for review.
  const quality = await iqaHomeItems(actor);
  if (quality.length) sections.push({ role: 'iqa', heading: 'Quality assurance', items: quality });

  const policies = await policiesToAcknowledge(actor);
  if (policies.length) {
    sections.push({
      role: 'policies',
      heading: 'Policies to read',
      items: policies.map((policy) => ({ text: `Read and acknowledge version ${policy.version} of ${policy.title}.`, href: `/policies/${policy.id}` })),
    });
  }

  if (hasRole(actor, 'admin')) {
    const where = { organisationId: actor.organisationId, deactivatedAt: null };
    const [withoutTeam, withoutRoles, neverSignedIn] = await Promise.all([
      Person.count({ where: { ...where, teamId: null } }),
      Person.count({
        where: { ...where, id: { [Op.notIn]: PersonRole.sequelize!.literal('(SELECT person_id FROM person_roles)') } },
      }),
      Person.count({ where: { ...where, passwordHash: null } }),
    ]);
    sections.push({
      role: 'admin',
      heading: 'People and access',
      items: [
        { count: withoutTeam, text: `${plural(withoutTeam, 'active person has', 'active people have')} no team.`, href: '/people' },
        { count: withoutRoles, text: `${plural(withoutRoles, 'active person has', 'active people have')} no role.`, href: '/people' },
        { count: neverSignedIn, text: `${plural(neverSignedIn, 'person has', 'people have')} no password yet: give them a reset link.`, href: '/people' },
      ],
    });
    // Admins set the sampling rules and read the report; kept off the navigation, whose items fit one line.
    if (can(actor, 'manage:iqa-settings:org')) {
      sections.push({
        role: 'admin-quality',
        heading: 'Quality assurance',
        items: [
          { text: 'The IQA sampling report: decisions sampled, agreed and challenged per assessor and standard', href: '/iqa/report' },
          { text: 'Sampling rules and the lead IQA', href: '/iqa/settings' },
        ],
      });
    }
  }
  return sections;
}
