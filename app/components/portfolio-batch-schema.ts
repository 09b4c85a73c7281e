// The team portfolios form's schema, shared by the browser and the server: which team or location, and in what form.
import { z } from 'zod';
import { BATCH_OUTPUT } from '#app/domain/portfolio/batch-statuses.ts';

/** "team:12" or "location:3": one of the choices the page offered. */
export const ScopeField = z
  .string({ required_error: 'Select a team or location' })
  .regex(/^(team|location):[1-9]\d{0,9}$/, 'Select a team or location');

export const PortfolioBatchSchema = z.object({
  scope: ScopeField,
  output: z.enum([BATCH_OUTPUT.zip, BATCH_OUTPUT.merged], { errorMap: () => ({ message: 'Select how you want the portfolios' }) }),
});

export type PortfolioBatchRequest = z.infer<typeof PortfolioBatchSchema>;
