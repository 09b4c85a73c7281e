// The organisation's assessment rules per standard (docs/decisions/028): how many pieces of evidence an item needs
// before it can be met, and which items need direct observation. A standard without a row has the defaults.
import type { Transaction } from 'sequelize';
import { ValidationError } from '#app/utils/errors.server.ts';
import { assertSameOrganisation, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import type { ObservationRule } from '#db/models/assessment-rule.ts';
import { AssessmentRule, Standard, StandardItem, StandardVersion } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { locked, write } from '../write.server.ts';

export type StandardRules = { minimumEvidence: number; observation: ObservationRule; observationCodes: string[] };

export const DEFAULT_RULES: StandardRules = { minimumEvidence: 1, observation: 'none', observationCodes: [] };

/** Item codes typed or stored as a list ("P1 P3, K2"), upper case. */
export function codesOf(text: string): string[] {
  return text.split(/[\s,]+/).map((code) => code.trim().toUpperCase()).filter(Boolean);
}

/** The rules of these standards, the defaults for any without a row; one query. Unchecked: rules are not secret within the organisation. */
export async function rulesOf(standardIds: number[], transaction?: Transaction): Promise<Map<number, StandardRules>> {
  const rows = standardIds.length ? await AssessmentRule.findAll({ where: { standardId: [...new Set(standardIds)] }, transaction }) : [];
  const byStandard = new Map<number, StandardRules>(standardIds.map((id) => [id, DEFAULT_RULES]));
  for (const row of rows) {
    byStandard.set(row.standardId, { minimumEvidence: row.minimumEvidence, observation: row.observation, observationCodes: codesOf(row.observationCodes) });
  }
  return byStandard;
}

/** Whether the rules ask for this item to be directly observed before it is met. */
export function needsObservation(rules: StandardRules, item: { code: string; kind: string }): boolean {
  if (rules.observation === 'performance') return item.kind === 'P';
  if (rules.observation === 'chosen') return rules.observationCodes.includes(item.code.toUpperCase());
  return false;
}

/** For the standard's page: its rules as the admin sets them, and the standard's id for the form. */
export async function standardRules(actor: Actor, urn: string): Promise<StandardRules & { standardId: number }> {
  const standard = assertSameOrganisation(actor, await Standard.findOne({ where: { organisationId: actor.organisationId, urn } }), 'Standard');
  return { ...(await rulesOf([standard.id])).get(standard.id)!, standardId: standard.id };
}

/** The item codes of the standard's current version: the codes a rule may name. */
async function currentCodes(standardId: number, transaction: Transaction): Promise<Set<string>> {
  const items = await StandardItem.findAll({
    attributes: ['code'],
    include: [{ model: StandardVersion, as: 'standardVersion', attributes: [], where: { standardId, isCurrent: true } }],
    transaction,
  });
  return new Set(items.map((item) => item.code.toUpperCase()));
}

export async function setStandardRules(ctx: DomainContext, standardId: number, rules: StandardRules): Promise<void> {
  const { actor } = ctx;
  await write(ctx, {
    permission: 'manage:assessment-rules:org',
    load: async (transaction) => {
      const standard = assertSameOrganisation(actor, await Standard.findByPk(standardId, locked(transaction)), 'Standard');
      return { standard, codes: await currentCodes(standard.id, transaction) };
    },
    check: ({ codes }) => {
      const errors: Record<string, string[]> = {};
      if (!Number.isInteger(rules.minimumEvidence) || rules.minimumEvidence < 1 || rules.minimumEvidence > 20) {
        errors.minimumEvidence = ['Enter a whole number of pieces of evidence from 1 to 20'];
      }
      if (rules.observation === 'chosen') {
        const unknown = rules.observationCodes.filter((code) => !codes.has(code.toUpperCase()));
        if (!rules.observationCodes.length) errors.observationCodes = ['Enter the codes of the items that need direct observation, for example P1 P3'];
        else if (unknown.length) errors.observationCodes = [`${unknown.join(', ')} ${unknown.length === 1 ? 'is not an item' : 'are not items'} of this standard: use the codes listed under Items`];
      }
      if (Object.keys(errors).length) throw new ValidationError(errors);
    },
    run: async ({ standard }, transaction) => {
      const values = {
        minimumEvidence: rules.minimumEvidence,
        observation: rules.observation,
        observationCodes: rules.observation === 'chosen' ? rules.observationCodes.join(' ') : '',
        updatedById: actor.id,
      };
      const existing = await AssessmentRule.findOne({ where: { standardId: standard.id }, ...locked(transaction) });
      if (existing) await existing.update(values, { transaction });
      else await AssessmentRule.create({ organisationId: actor.organisationId, standardId: standard.id, ...values }, { transaction });
      return standard;
    },
    audit: ({ standard }) => ({
      action: AUDIT_ACTIONS.assessmentRulesChanged,
      summary: `${actor.name} set the assessment rules of ${standard.urn}`,
      subject: { type: 'standard', id: standard.id },
    }),
  });
}
