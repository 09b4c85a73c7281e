// The home page's quality assurance items: for an assessor, their decisions challenged by an IQA (linked to where
// they answer them); for an IQA, the sampled decisions of the last month still waiting for review.
import { can, type Actor } from '#app/utils/permissions.server.ts';
import { plural } from '#app/utils/words.ts';
import { challengesFor } from './iqa.server.ts';
import { defaultPeriod, sampleForPeriod } from './sampling.server.ts';

type HomeItem = { text: string; href?: string; count?: number };

/** Where an assessor answers a challenged decision: the item's page for that worker. */
export function challengeHref(challenge: { workerId: number; itemId: number; reviewId: number }): string {
  return `/workers/${challenge.workerId}/items/${challenge.itemId}?answers=${challenge.reviewId}`;
}

export async function iqaHomeItems(actor: Actor): Promise<HomeItem[]> {
  const items: HomeItem[] = [];
  const challenges = await challengesFor(actor);
  if (challenges.length) {
    items.push({ count: challenges.length, text: `${plural(challenges.length, 'decision', 'decisions')} challenged by the IQA, to answer with a new decision.` });
    for (const challenge of challenges) items.push({ text: `Answer the challenge on ${challenge.itemCode}: ${challenge.note}`, href: challengeHref(challenge) });
  }
  if (can(actor, 'review:decisions:quality-assured')) {
    const { sample } = await sampleForPeriod(actor, defaultPeriod());
    const waiting = sample.filter((decision) => decision.status === 'waiting' && decision.assessorId !== actor.id && decision.workerId !== actor.id).length;
    items.push({ count: waiting, text: `${plural(waiting, 'sampled decision waits', 'sampled decisions wait')} for your review, from the last month.`, href: '/iqa' });
  }
  return items;
}
