// The standards library: importing NOS versions, browsing and searching them.
import { Op, type Transaction } from 'sequelize';
import { NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { plural } from '#app/utils/words.ts';
import { EvidenceItemLink, PersonStandard, Standard, StandardItem, StandardVersion, sequelize, PersonStandardHistory } from '#db/models/index.ts';
import { NosStandardSchema, type NosStandard } from '#standards/schema.ts';
import { AUDIT_ACTIONS } from './audit.server.ts';
import { refreshItemStates } from './evidence/item-states.server.ts';
import { unreviewedFlag } from './standards/import-review.ts';
import { SEARCH_IGNORED_CHARACTERS, searchWords } from './standards/search-words.ts';
import { StoredStandardSchema } from './standards/stored-limits.ts';
import { locked, write, type AuditEntry } from './write.server.ts';

/** Metadata kept with a version beyond its title and overview. */
type VersionDetails = Omit<NosStandard, 'urn' | 'title' | 'version' | 'overview' | 'items'>;

export type ItemChange = { code: string; change: 'added' | 'changed' | 'unchanged' | 'removed'; text: string; previousText?: string };

export type ImportPreview = {
  standard: NosStandard;
  existingVersions: string[];
  duplicate: boolean;
  currentVersion: string | null;
  changes: ItemChange[] | null;
  /** How many people hold the current version and could move to the new one. */
  holders: number;
  /** Whether any evidence is linked to the current version's items (it stays with that version). */
  hasEvidence: boolean;
};

function versionLabel(version: string | null): string {
  return version ?? '1';
}

/** What saving this standard would do: a new standard, a new version (with which items changed), or a duplicate. */
export async function previewStandardImport(actor: Actor, standard: NosStandard): Promise<ImportPreview> {
  assertCan(actor, 'manage:standards:org');
  const existing = await Standard.findOne({
    where: { organisationId: actor.organisationId, urn: standard.urn },
    include: [{ model: StandardVersion, as: 'versions', attributes: ['id', 'version', 'isCurrent'] }],
  });
  const versions = existing?.get('versions') as StandardVersion[] | undefined;
  const current = versions?.find((version) => version.isCurrent) ?? null;
  const currentItems = current
    ? await StandardItem.findAll({ where: { standardVersionId: current.id }, order: [['position', 'ASC']] })
    : [];
  return {
    standard,
    existingVersions: (versions ?? []).map((version) => version.version),
    duplicate: (versions ?? []).some((version) => version.version === versionLabel(standard.version)),
    currentVersion: current?.version ?? null,
    changes: current ? compareItems(currentItems, standard.items) : null,
    holders: current ? await PersonStandard.count({ where: { standardVersionId: current.id } }) : 0,
    hasEvidence: currentItems.length > 0 && (await EvidenceItemLink.count({ where: { standardItemId: currentItems.map((item) => item.id) } })) > 0,
  };
}

export function compareItems(previous: { code: string; text: string }[], next: NosStandard['items']): ItemChange[] {
  const before = new Map(previous.map((item) => [item.code, item.text]));
  const changes: ItemChange[] = next.map((item) => {
    const previousText = before.get(item.code);
    if (previousText === undefined) return { code: item.code, change: 'added', text: item.text };
    return previousText === item.text
      ? { code: item.code, change: 'unchanged', text: item.text }
      : { code: item.code, change: 'changed', text: item.text, previousText };
  });
  const nextCodes = new Set(next.map((item) => item.code));
  for (const item of previous) {
    if (!nextCodes.has(item.code)) changes.push({ code: item.code, change: 'removed', text: item.text });
  }
  return changes;
}

/**
 * Saves standards as new versions, all in one transaction: nothing is half-imported. Earlier versions, and
 * everything mapped to their items, stay as they are; items whose text is unchanged are linked to their
 * predecessor so a worker's progress can carry over.
 */
export async function saveStandardVersions(
  ctx: DomainContext,
  inputs: NosStandard[],
  options: ImportOptions = {},
): Promise<{ urn: string; version: string; standardVersionId: number }[]> {
  const { actor } = ctx;
  assertCan(actor, 'manage:standards:org');
  const standards = inputs.map((input) => {
    const parsed = NosStandardSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ValidationError({ standard: [`${input.urn || 'The standard'} is not valid: ${issue.path.join('.')} ${issue.message}`] });
    }
    // The parser's doubts must be settled by a person first (applyImportReview); nothing flagged is saved as it is.
    const flag = unreviewedFlag(parsed.data);
    if (flag) throw new ValidationError({ standard: [`${flag}. Check it in the import preview before saving.`] });
    const stored = StoredStandardSchema.safeParse(parsed.data);
    if (!stored.success) {
      const issue = stored.error.issues[0]!;
      const where = issue.path[0] === 'items' ? ` (item ${parsed.data.items[Number(issue.path[1])]?.code ?? ''})` : '';
      throw new ValidationError({ standard: [`${parsed.data.urn.slice(0, 40)}${where}: ${issue.message}`] });
    }
    return parsed.data;
  });
  return write(ctx, {
    permission: 'manage:standards:org',
    run: async (_, transaction) => {
      const saved = [];
      for (const standard of standards) saved.push(await saveVersion(ctx, standard, options, transaction));
      return saved;
    },
    audit: (_, saved) => saved.map((version) => version.audit),
  }).then((saved) => saved.map(({ audit: _audit, ...version }) => version));
}

export type ImportOptions = {
  sourceName?: string | null;
  /** Move people who hold the replaced version to the new one; their evidence for unchanged items carries over. */
  moveHolders?: boolean;
};

async function saveVersion(ctx: DomainContext, standard: NosStandard, options: ImportOptions, transaction: Transaction) {
  const { actor } = ctx;
  const version = versionLabel(standard.version);
  const [row] = await Standard.findOrCreate({
    where: { organisationId: actor.organisationId, urn: standard.urn },
    defaults: { organisationId: actor.organisationId, urn: standard.urn },
    transaction,
  });
  const versions = await StandardVersion.findAll({ where: { standardId: row.id }, ...locked(transaction) });
  if (versions.some((existing) => existing.version === version)) {
    throw new ValidationError({ standard: [`${standard.urn} version ${version} is already in the library`] });
  }
  const previous = versions.find((existing) => existing.isCurrent) ?? null;
  const previousItems = previous ? await StandardItem.findAll({ where: { standardVersionId: previous.id }, transaction }) : [];
  if (previous) await StandardVersion.update({ isCurrent: false }, { where: { standardId: row.id }, transaction });

  const { urn: _urn, title, version: _version, overview, items, ...details } = standard;
  const created = await StandardVersion.create(
    {
      organisationId: actor.organisationId,
      standardId: row.id,
      version,
      title,
      overview,
      details: JSON.stringify(details satisfies VersionDetails),
      isCurrent: true,
      sourceName: options.sourceName ?? null,
      importedById: actor.id,
    },
    { transaction },
  );
  const unchanged = new Map(previousItems.map((item) => [`${item.code}\u0000${item.text}`, item.id]));
  await StandardItem.bulkCreate(
    items.map((item, position) => ({
      organisationId: actor.organisationId,
      standardVersionId: created.id,
      code: item.code,
      kind: item.kind,
      section: item.section,
      text: item.text,
      position,
      incomplete: item.incomplete === true,
      previousItemId: unchanged.get(`${item.code}\u0000${item.text}`) ?? null,
    })),
    { transaction },
  );
  let moved = 0;
  if (previous && options.moveHolders) {
    // The holding moves to the new version; the history keeps which version it was on, and links keep their items.
    const holders = await PersonStandard.findAll({ where: { standardVersionId: previous.id }, attributes: ['id', 'personId'], ...locked(transaction) });
    await PersonStandardHistory.bulkCreate(
      holders.map((holding) => ({
        organisationId: actor.organisationId,
        personStandardId: holding.id,
        personId: holding.personId,
        fromStandardVersionId: previous.id,
        toStandardVersionId: created.id,
        movedById: actor.id,
        movedAt: ctx.now,
      })),
      { transaction },
    );
    [moved] = await PersonStandard.update({ standardVersionId: created.id }, { where: { id: holders.map((holding) => holding.id) }, transaction });
    // Their evidence for unchanged items now counts for the new version's items.
    await refreshItemStates(holders.map((holder) => holder.personId), transaction);
  }
  const audit: AuditEntry = {
    action: AUDIT_ACTIONS.standardImported,
    summary: `${actor.name} imported ${standard.urn} version ${version} (${plural(items.length, 'item', 'items')})${previous ? `, replacing version ${previous.version}${moved ? ` and moving ${plural(moved, 'person', 'people')} to it` : ''}` : ''}`,
    subject: { type: 'standard_version', id: created.id },
  };
  return { urn: standard.urn, version, standardVersionId: created.id, audit };
}

export async function listStandards(actor: Actor) {
  assertCan(actor, 'read:standards:org');
  const versions = await StandardVersion.findAll({
    where: { organisationId: actor.organisationId, isCurrent: true },
    include: [{ model: Standard, as: 'standard', attributes: ['urn'] }],
    order: [['title', 'ASC']],
  });
  const counts = (await StandardItem.findAll({
    attributes: ['standardVersionId', 'kind', [sequelize.fn('COUNT', sequelize.col('id')), 'count']],
    where: { standardVersionId: { [Op.in]: versions.map((version) => version.id) } },
    group: ['standardVersionId', 'kind'],
    raw: true,
  })) as unknown as { standardVersionId: number; kind: 'P' | 'K'; count: number | string }[];
  const countOf = (id: number, kind: 'P' | 'K') =>
    Number(counts.find((row) => row.standardVersionId === id && row.kind === kind)?.count ?? 0);
  return versions.map((version) => ({
    urn: version.standard?.urn ?? '',
    version: version.version,
    title: version.title,
    performanceCriteria: countOf(version.id, 'P'),
    knowledgeItems: countOf(version.id, 'K'),
  }));
}

/** One version of a standard (the current one unless a version is named), with every item in order. */
export async function getStandard(actor: Actor, urn: string, version?: string) {
  assertCan(actor, 'read:standards:org');
  const standard = await Standard.findOne({
    where: { organisationId: actor.organisationId, urn },
    include: [{ model: StandardVersion, as: 'versions' }],
  });
  const versions = ((standard?.get('versions') as StandardVersion[] | undefined) ?? []).sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const selected = version ? versions.find((row) => row.version === version) : versions.find((row) => row.isCurrent);
  if (!standard || !selected) throw new NotFound('Standard');
  const items = await StandardItem.findAll({ where: { standardVersionId: selected.id }, order: [['position', 'ASC']] });
  const details = JSON.parse(selected.details) as VersionDetails;
  return {
    urn: standard.urn,
    version: selected.version,
    isCurrent: selected.isCurrent,
    title: selected.title,
    overview: selected.overview,
    details,
    versions: versions.map((row) => ({ version: row.version, isCurrent: row.isCurrent, importedAt: row.createdAt.toISOString() })),
    items: items.map((item) => ({
      id: item.id,
      code: item.code,
      kind: item.kind,
      section: item.section,
      text: item.text,
      incomplete: item.incomplete,
      carriedOver: item.previousItemId !== null,
    })),
  };
}

/** The standard at one version in the interchange shape, for export. */
export async function exportableStandard(actor: Actor, urn: string, version?: string): Promise<NosStandard> {
  const standard = await getStandard(actor, urn, version);
  return interchangeStandard(standard.urn, { ...standard, details: JSON.stringify(standard.details) }, standard.items);
}

/** A stored version and its items (in order) as the interchange shape every format reads and writes. */
export function interchangeStandard(
  urn: string,
  version: { version: string; title: string; overview: string | null; details: string },
  items: readonly { code: string; kind: 'P' | 'K'; section: string; text: string; incomplete: boolean }[],
): NosStandard {
  return {
    urn,
    title: version.title,
    version: version.version,
    overview: version.overview,
    ...(JSON.parse(version.details) as VersionDetails),
    items: items.map((item) => ({
      code: item.code,
      kind: item.kind,
      section: item.section,
      text: item.text,
      ...(item.incomplete ? { incomplete: true as const } : {}),
    })),
  };
}

export const SEARCH_LIMIT = 100;

/**
 * A column in its search form, in SQL that SQLite and MariaDB both run: lower case, the ignored characters removed
 * (searchForm in JavaScript), so that the query and the stored text are compared alike.
 */
function searchableColumn(column: string): string {
  const quoted = sequelize.getQueryInterface().quoteIdentifiers(column);
  return SEARCH_IGNORED_CHARACTERS.reduce((sql, character) => `REPLACE(${sql}, ${sequelize.escape(character)}, '')`, `LOWER(${quoted})`);
}

/** `column` contains `word` (already in search form); `!` escapes the wildcards, on both databases. */
function containsWord(column: string, word: string): string {
  return `${searchableColumn(column)} LIKE ${sequelize.escape(`%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`)} ESCAPE '!'`;
}

/**
 * Items of current versions where every word of the query is in the item's text, its section heading or its
 * standard's title, whatever the case or hyphenation. Items whose headings hold every word come first.
 */
export async function searchItems(actor: Actor, query: string) {
  assertCan(actor, 'read:standards:org');
  const words = searchWords(query);
  if (words.length === 0) return [];
  const headings = ['standardVersion.title', 'StandardItem.section'];
  const anywhere = [...headings, 'StandardItem.text'];
  const matches = (columns: string[]) => words.map((word) => `(${columns.map((column) => containsWord(column, word)).join(' OR ')})`).join(' AND ');
  const items = await StandardItem.findAll({
    where: { organisationId: actor.organisationId, [Op.and]: [sequelize.literal(matches(anywhere))] },
    include: [
      {
        model: StandardVersion,
        as: 'standardVersion',
        where: { isCurrent: true },
        attributes: ['version', 'title'],
        include: [{ model: Standard, as: 'standard', attributes: ['urn'] }],
      },
    ],
    order: [
      [sequelize.literal(`CASE WHEN ${matches(headings)} THEN 0 ELSE 1 END`), 'ASC'],
      ['id', 'ASC'],
    ],
    limit: SEARCH_LIMIT,
  });
  return items.map((item) => {
    const version = item.get('standardVersion') as StandardVersion;
    return { id: item.id, urn: version.standard?.urn ?? '', title: version.title, code: item.code, section: item.section, text: item.text };
  });
}
