// The organisation page's forms: a new location, a new team, and a team moved within another, in the browser and on the server.
import { z } from 'zod';
import { textUpTo } from '#app/utils/text-limits.ts';

const name = (what: string) => textUpTo(`The ${what} name`, 200, { required: `Enter the ${what} name` });

export const LocationSchema = z.object({ intent: z.literal('add-location'), name: name('location'), address: textUpTo('The address', 500).optional() });
export const TeamSchema = z.object({
  intent: z.literal('add-team'),
  name: name('team'),
  locationId: z.number().int().positive().optional(),
  parentTeamId: z.number().int().positive().optional(),
});
export const MoveTeamSchema = z.object({
  intent: z.literal('move-team'),
  teamId: z.number({ required_error: 'Select a team' }).int().positive(),
  parentTeamId: z.number().int().positive().optional(),
});
