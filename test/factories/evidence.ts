// Evidence recorded by a worker through the domain API, mapped to items, as a draft or submitted.
import { recordEvidence, type EvidenceInput } from '#app/domain/evidence.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { unique } from './people.ts';

export function evidenceInput(itemIds: number[], overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    type: 'reflective_account',
    title: unique('Evidence'),
    activityDate: '2026-01-14',
    description: 'What I did and what I learnt.',
    links: itemIds.map((itemId) => ({ itemId, note: 'How it shows the item.' })),
    ...overrides,
  };
}

export async function createEvidence(
  worker: Actor,
  items: { id: number }[],
  options: { submitted?: boolean } & Partial<EvidenceInput> = {},
): Promise<number> {
  const { submitted = false, ...overrides } = options;
  return recordEvidence(contextFor(worker), evidenceInput(items.map((item) => item.id), overrides), [], { submissionToken: unique('token'), submit: submitted });
}
