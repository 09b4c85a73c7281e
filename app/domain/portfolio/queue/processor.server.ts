// What prints each portfolio of a batch (docs/decisions/035): the worker's portfolio as the person who asked for the
// batch would print it themselves (the renderer, ../portfolios.server.ts), permission checked, issued with its own
// verification code and audited as theirs, at the time it is made.
import { contextFor } from '#app/utils/request-context.server.ts';
import { loadActorById } from '../../accounts.server.ts';
import { closePrintingBrowser } from '../browser.server.ts';
import { issuePortfolio } from '../portfolios.server.ts';
import { PermanentFailure, type PortfolioProcessor } from './types.ts';

export { closePrintingBrowser };

export const printPortfolio: PortfolioProcessor = async (job) => {
  const actor = await loadActorById(job.organisationId, job.requestedById);
  if (!actor) throw new PermanentFailure('The person who asked for these portfolios is no longer active');
  const { bytes, fileName } = await issuePortfolio(contextFor(actor, { ipAddress: 'portfolio queue' }), job.workerId);
  return { bytes, fileName };
};
