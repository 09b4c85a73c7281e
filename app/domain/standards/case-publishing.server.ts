// Publishing standards to CASE consumers: the admin's switch, and the read-only lookups behind the public IMS CASE 1.0
// API (/ims/case/v1p0). Only the current version of a standard its organisation has published is ever served.
import { Op } from 'sequelize';
import { NotFound } from '#app/utils/errors.server.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { absoluteUrl } from '#app/utils/public-url.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { Standard, StandardItem, StandardVersion } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { exportableStandard, interchangeStandard } from '../standards.server.ts';
import { write } from '../write.server.ts';
import { toCasePackage, type CaseOptions, type CasePackage, type CfAssociation, type CfDocument, type CfItem } from './formats/case-json.ts';

export const CASE_API_PATH = '/ims/case/v1p0';

/**
 * Where an organisation's CASE identifiers live. Always the configured PUBLIC_URL, never the request's Host header,
 * so a forged Host cannot put someone else's address into a package, and exports and the API agree.
 * No check: builds identifiers, reads nothing.
 */
export function caseOptionsFor(organisationId: number): CaseOptions {
  return { baseUri: absoluteUrl(CASE_API_PATH), organisationKey: `organisation:${organisationId}` };
}

/** Publishes (or withdraws) the standard's current version to CASE consumers; audited. */
export async function setCasePublication(ctx: DomainContext, urn: string, published: boolean): Promise<void> {
  const { actor } = ctx;
  assertCan(actor, 'manage:standards:org');
  await write(ctx, {
    permission: 'manage:standards:org',
    run: async (_, transaction, record) => {
      const standard = await Standard.findOne({ where: { organisationId: actor.organisationId, urn }, transaction, lock: transaction.LOCK.UPDATE });
      if (!standard) throw new NotFound('Standard');
      if ((standard.casePublishedAt !== null) === published) return; // already so: nothing to record
      await standard.update({ casePublishedAt: published ? new Date() : null }, { transaction });
      record({
        action: AUDIT_ACTIONS.standardCasePublicationChanged,
        summary: `${actor.name} ${published ? 'published' : 'withdrew'} ${urn} ${published ? 'to' : 'from'} CASE consumers`,
        subject: { type: 'standard', id: standard.id },
      });
    },
  });
}

/** Whether the standard is published, and where CASE consumers read its current version (once it is). */
export async function casePublicationOf(actor: Actor, urn: string): Promise<{ publishedAt: string | null; documentUri: string; packageUri: string }> {
  const current = await exportableStandard(actor, urn); // checks read:standards:org and the organisation
  const standard = await Standard.findOne({ where: { organisationId: actor.organisationId, urn }, attributes: ['casePublishedAt'] });
  const document = toCasePackage(current, caseOptionsFor(actor.organisationId)).CFDocument;
  return { publishedAt: standard?.casePublishedAt?.toISOString() ?? null, documentUri: document.uri, packageUri: document.CFPackageURI.uri };
}

type Published = { pkg: CasePackage; nodes: Map<string, CfItem | CfAssociation> };

// A version's text never changes once imported, so its package is built once per process; entries for versions no
// longer published (or no longer current) are dropped each time the published set is read.
const packages = new Map<number, Published>();

/**
 * Every published current version, in a stable order (organisation, title), as CASE packages.
 * Deliberately no permission check: this is the public CASE API, and publication is the organisation's consent.
 */
async function publishedPackages(): Promise<Published[]> {
  const versions = await StandardVersion.findAll({
    where: { isCurrent: true },
    include: [{ model: Standard, as: 'standard', attributes: ['id', 'urn', 'organisationId'], where: { casePublishedAt: { [Op.ne]: null } } }],
    order: [['organisationId', 'ASC'], ['title', 'ASC'], ['id', 'ASC']],
  });
  const wanted = new Set(versions.map((version) => version.id));
  for (const id of packages.keys()) if (!wanted.has(id)) packages.delete(id);
  const missing = versions.filter((version) => !packages.has(version.id));
  if (missing.length) {
    const items = await StandardItem.findAll({
      where: { standardVersionId: { [Op.in]: missing.map((version) => version.id) } },
      order: [['standardVersionId', 'ASC'], ['position', 'ASC']],
    });
    for (const version of missing) {
      const standard = interchangeStandard(version.standard!.urn, version, items.filter((item) => item.standardVersionId === version.id));
      const pkg = toCasePackage(standard, caseOptionsFor(version.organisationId));
      const nodes = new Map<string, CfItem | CfAssociation>([...pkg.CFItems, ...pkg.CFAssociations].map((node) => [node.identifier, node]));
      packages.set(version.id, { pkg, nodes });
    }
  }
  return versions.map((version) => packages.get(version.id)!);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sourced = (sourcedId: string) => sourcedId.trim().toLowerCase();

/** The CASE list of documents: a page of them and how many there are in all. */
export async function listCaseDocuments(page: { limit: number; offset: number }): Promise<{ total: number; documents: CfDocument[] }> {
  const all = await publishedPackages();
  return { total: all.length, documents: all.slice(page.offset, page.offset + page.limit).map((entry) => entry.pkg.CFDocument) };
}

/** The package whose CFDocument has this sourcedId; null when unknown or not published. No check: the public CASE API; only published current versions are found. */
export async function findCasePackage(sourcedId: string): Promise<CasePackage | null> {
  const id = sourced(sourcedId);
  if (!UUID.test(id)) return null;
  return (await publishedPackages()).find((entry) => entry.pkg.CFDocument.identifier === id)?.pkg ?? null;
}

/** No check: the public CASE API; only published current versions are found. */
export async function findCaseDocument(sourcedId: string): Promise<CfDocument | null> {
  return (await findCasePackage(sourcedId))?.CFDocument ?? null;
}

/** No check: the public CASE API; only published current versions are found. */
export async function findCaseItem(sourcedId: string): Promise<CfItem | null> {
  const node = await findNode(sourcedId);
  return node && 'fullStatement' in node ? node : null;
}

/** No check: the public CASE API; only published current versions are found. */
export async function findCaseAssociation(sourcedId: string): Promise<CfAssociation | null> {
  const node = await findNode(sourcedId);
  return node && 'associationType' in node ? node : null;
}

async function findNode(sourcedId: string): Promise<CfItem | CfAssociation | null> {
  const id = sourced(sourcedId);
  if (!UUID.test(id)) return null;
  for (const entry of await publishedPackages()) {
    const node = entry.nodes.get(id);
    if (node) return node;
  }
  return null;
}
