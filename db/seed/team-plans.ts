// The demo team's personal development plans (part of seedTeam, team.ts): current, stale, put forward and not yet
// agreed, each with areas for development linked to real gaps and learning opportunities; workers with gaps and no
// plan are left without one. Through the domain API, dated when each was written and agreed; safe to run again.
import { addGoal, addOpportunity, agreePlan, proposePlan, saveStrengths } from '#app/domain/development/plan-changes.server.ts';
import type { OpportunityInput } from '#app/domain/development/plan-forms.ts';
import { addDays, today } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { DevelopmentPlan } from '#db/models/index.ts';
import { itemsOf } from './assessment.ts';
import { daysAgoAt } from './supervision.ts';

const ip = 'seed';
const daysAgo = (days: number) => addDays(today(), -days);

// --- PDPs --------------------------------------------------------------------------------------------------------

type PlanSpec = {
  worker: string;
  supervisor: string;
  /** When it was written and put forward by the supervisor, and when the worker agreed it (null: not yet). */
  writtenDaysAgo: number;
  agreedDaysAgo: number | null;
  strengths: string;
  goals: { description: string; item?: string; targetDate: string; opportunities: Omit<OpportunityInput, 'goalId'>[] }[];
};

function planSpecs(): PlanSpec[] {
  return [
    {
      worker: 'sarah', supervisor: 'david', writtenDaysAgo: 100, agreedDaysAgo: 99,
      strengths: 'Calm and warm with distressed callers; keeps clear, agreed contact plans.',
      goals: [{ description: 'Explain the limits of my role and of the service, and what I can offer instead', targetDate: addDays(today(), 60), item: 'ASTH325 K3', opportunities: [{ kind: 'shadowing', description: 'Shadow a duty social worker for an afternoon', targetDate: daysAgo(35) }] }],
    },
    {
      worker: 'liam', supervisor: 'david', writtenDaysAgo: 40, agreedDaysAgo: 38,
      strengths: 'Quick to learn the contact system; good at checking what callers need.',
      goals: [{ description: 'Check the caller’s identity before discussing their case', targetDate: addDays(today(), 45), item: 'ASTH325 K2', opportunities: [{ kind: 'induction', description: 'Induction workbook section 3: confidentiality', targetDate: addDays(today(), 14) }] }],
    },
    {
      worker: 'amelia', supervisor: 'david', writtenDaysAgo: 62, agreedDaysAgo: 60,
      strengths: 'Experienced and steady; the person colleagues ask about local services.',
      goals: [{ description: 'Show what I know about local services and referral routes', targetDate: addDays(today(), 90), item: 'ASTH325 K18', opportunities: [{ kind: 'guided_reading', description: 'Read the local directory of adult services and note what has changed', targetDate: addDays(today(), 30) }] }],
    },
    {
      // Agreed eight months ago and not reviewed since: stale.
      worker: 'josh', supervisor: 'david', writtenDaysAgo: 242, agreedDaysAgo: 240,
      strengths: 'Friendly and patient on the phone.',
      goals: [{ description: 'Explain what the service cannot do, and why', targetDate: daysAgo(30), item: 'ASTH325 K3', opportunities: [{ kind: 'coaching', description: 'Listen back to two calls with David', targetDate: daysAgo(180) }] }],
    },
    {
      // Put forward by David five days ago; Ben has not agreed it yet.
      worker: 'ben', supervisor: 'david', writtenDaysAgo: 5, agreedDaysAgo: null,
      strengths: 'Reliable on the evening shift; good handovers to the emergency duty team.',
      goals: [{ description: 'Explain the limits of the evening service to callers', targetDate: addDays(today(), 75), item: 'ASTH325 K3', opportunities: [{ kind: 'e_learning', description: 'Boundaries in customer contact (e-learning)', targetDate: addDays(today(), 21) }] }],
    },
    {
      worker: 'kwame', supervisor: 'grace', writtenDaysAgo: 92, agreedDaysAgo: 90,
      strengths: 'Achieved HSC3331; a natural mentor, trusted by the people he supports and by the team.',
      goals: [{ description: 'Lead the Millbrook team’s supervision well', targetDate: addDays(today(), 120), opportunities: [{ kind: 'training', description: 'Supervising others: the council’s two-day course', targetDate: addDays(today(), 60) }] }],
    },
    {
      // Agreed seven months ago against a six-month review: stale.
      worker: 'zoe', supervisor: 'kwame', writtenDaysAgo: 215, agreedDaysAgo: 212,
      strengths: 'Builds trust quickly; creative about finding groups and activities.',
      goals: [{ description: 'Support people to stay safe in their relationships', targetDate: daysAgo(90), item: 'HSC3331 P18', opportunities: [{ kind: 'peer_group_discussion', description: 'Team discussion of the safeguarding policy on financial abuse', targetDate: daysAgo(150) }] }],
    },
    {
      worker: 'niamh', supervisor: 'kwame', writtenDaysAgo: 42, agreedDaysAgo: 41,
      strengths: 'Thorough records; good at finding out what people want from friendships.',
      goals: [{ description: 'Support people to stay safe in their relationships', targetDate: addDays(today(), 100), item: 'HSC3331 P18', opportunities: [] }],
    },
  ];
}

export async function seedPlans(people: Record<string, Actor>) {
  for (const spec of planSpecs()) {
    const worker = people[spec.worker]!;
    const supervisor = people[spec.supervisor]!;
    if (await DevelopmentPlan.findOne({ where: { workerId: worker.id } })) continue;
    const written = contextFor(supervisor, { ipAddress: ip, now: daysAgoAt(spec.writtenDaysAgo, '11:00') });
    const items = await itemsOf(worker.id);
    await saveStrengths(written, worker.id, spec.strengths);
    for (const goal of spec.goals) {
      const goalId = await addGoal(written, worker.id, { description: goal.description, targetDate: goal.targetDate, link: goal.item ? `item:${items.get(goal.item)!}` : undefined });
      for (const opportunity of goal.opportunities) await addOpportunity(written, worker.id, { ...opportunity, goalId });
    }
    const version = await proposePlan(written, worker.id);
    if (spec.agreedDaysAgo !== null) await agreePlan(contextFor(worker, { ipAddress: ip, now: daysAgoAt(spec.agreedDaysAgo, '16:00') }), worker.id, version);
  }
}

// --- Development planned against the gaps ----------------------------------------------------------------------
