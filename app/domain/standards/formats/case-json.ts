// 1EdTech (IMS Global) CASE 1.0 JSON: one CFPackage per standard, sections and items as CFItems linked by isChildOf.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { NosItem, NosItemKind, NosStandard } from '#standards/schema.ts';
import { CasePackageInputSchema, type CaseLinkUri, type CasePackage, type CfAssociation, type CfDocument, type CfItem } from './case-schema.ts';
import { describeIssue, parseJsonText, StandardFormatError, validateStandard } from './errors.ts';
import { uuidV5 } from './uuid-v5.ts';

/*
 * Tree: CFDocument < section CFItems (CFItemType "Section") < item CFItems (humanCodingScheme "LMCA4.P24").
 * CASE has no home for most NOS metadata, so CFDocument.notes carries a "NOSfolio metadata" block (one JSON value a
 * line) that is read back exactly; creator, publisher, subject, adoptionStatus and statusStartDate are also filled for
 * CASE consumers, and are the fallback when a package from elsewhere has no such block.
 * Not carried: glossary and scope notes (returned empty). An incomplete item with no text gets an empty fullStatement,
 * which strict CASE validators may reject.
 */

export interface CaseOptions {
  /** Where the CASE API would serve these, e.g. "https://portal.example/ims/case/v1p0". */
  baseUri: string;
  /** Defaults to the approval date (or the epoch), never "now", so repeated exports are identical. */
  lastChangeDateTime?: string;
  /**
   * Who publishes the standard, e.g. "organisation:12": part of every identifier, so two organisations holding the same
   * URN and version never share a sourcedId. Without it identifiers depend on the standard alone.
   */
  organisationKey?: string;
}

const ITEM_TYPE: Record<NosItemKind, string> = { P: 'Performance criterion', K: 'Knowledge and understanding' };
const SECTION_TYPE = 'Section';
const DEFAULT_SECTION: Record<NosItemKind, string> = { P: 'Performance criteria', K: 'Knowledge and understanding' };
const INCOMPLETE_NOTE = 'Incomplete: the source text of this item is cut short.';
const NOTES_MARKER = 'NOSfolio metadata';
const NOTE_FIELDS = [
  ['urn', 'URN'],
  ['developedBy', 'Developed by'],
  ['originatingOrganisation', 'Originating organisation'],
  ['suite', 'Suite'],
  ['dateApproved', 'Date approved'],
  ['indicativeReviewDate', 'Indicative review date'],
  ['validity', 'Validity'],
  ['status', 'Status'],
  ['relevantOccupations', 'Relevant occupations'],
  ['keywords', 'Keywords'],
] as const;
type NoteField = (typeof NOTE_FIELDS)[number][0];

export type { CaseLinkUri, CasePackage, CfAssociation, CfDocument, CfItem };

export function toCasePackage(standard: NosStandard, options: CaseOptions): CasePackage {
  const base = options.baseUri.replace(/\/+$/, '');
  const scope = options.organisationKey ? `${options.organisationKey}|` : '';
  // Name-based UUIDs: the same organisation, URN, version and code always give the same sourcedId.
  const id = (name: string) => uuidV5(`${scope}${standard.urn}|${standard.version ?? ''}|${name}`);
  const statusStartDate = isoDate(standard.dateApproved);
  const changed = options.lastChangeDateTime ?? `${statusStartDate ?? '1970-01-01'}T00:00:00+00:00`;
  const docId = id('CFDocument');
  const docLink: CaseLinkUri = { title: standard.title, identifier: docId, uri: `${base}/CFDocuments/${docId}` };
  const link = (item: CfItem): CaseLinkUri => ({ title: item.humanCodingScheme ?? item.fullStatement, identifier: item.identifier, uri: item.uri });
  const cfItem = (identifier: string, fields: Omit<CfItem, 'identifier' | 'uri' | 'language' | 'lastChangeDateTime' | 'CFDocumentURI'>): CfItem => ({
    identifier,
    uri: `${base}/CFItems/${identifier}`,
    ...fields,
    language: 'en',
    lastChangeDateTime: changed,
    CFDocumentURI: docLink,
  });
  const childOf = (origin: CaseLinkUri, destination: CaseLinkUri, sequenceNumber: number): CfAssociation => {
    const identifier = id(`isChildOf|${origin.identifier}`);
    return {
      identifier,
      uri: `${base}/CFAssociations/${identifier}`,
      associationType: 'isChildOf',
      sequenceNumber,
      originNodeURI: origin,
      destinationNodeURI: destination,
      lastChangeDateTime: changed,
      CFDocumentURI: docLink,
    };
  };

  const items: CfItem[] = [];
  const associations: CfAssociation[] = [];
  const sections = new Map<string, { link: CaseLinkUri; children: number }>();
  for (const [index, entry] of standard.items.entries()) {
    let section = sections.get(entry.section);
    if (!section) {
      // Sections are keyed by heading: a heading that recurs later is still one section.
      const node = cfItem(id(`section|${entry.section}`), { fullStatement: entry.section, listEnumeration: String(sections.size + 1), CFItemType: SECTION_TYPE });
      section = { link: link(node), children: 0 };
      sections.set(entry.section, section);
      items.push(node);
      associations.push(childOf(section.link, docLink, sections.size));
    }
    const node = cfItem(id(entry.code), {
      fullStatement: entry.text,
      abbreviatedStatement: abbreviate(entry.text),
      humanCodingScheme: `${standard.urn}.${entry.code}`,
      listEnumeration: String(index + 1),
      CFItemType: ITEM_TYPE[entry.kind],
      notes: entry.incomplete ? INCOMPLETE_NOTE : undefined,
    });
    section.children += 1;
    items.push(node);
    associations.push(childOf(link(node), section.link, section.children));
  }

  const document: CfDocument = {
    identifier: docId,
    uri: docLink.uri,
    creator: standard.developedBy ?? standard.originatingOrganisation ?? 'Unknown',
    title: standard.title,
    lastChangeDateTime: changed,
    publisher: standard.originatingOrganisation ?? undefined,
    description: standard.overview ?? undefined,
    subject: standard.relevantOccupations.length ? [...standard.relevantOccupations] : undefined,
    language: 'en',
    version: standard.version ?? undefined,
    adoptionStatus: adoptionStatus(standard.validity),
    statusStartDate,
    notes: writeNotes(standard),
    CFPackageURI: { title: standard.title, identifier: docId, uri: `${base}/CFPackages/${docId}` },
  };
  return { CFDocument: document, CFItems: items, CFAssociations: associations };
}

/** One standard as one CFPackage JSON document. */
export function toCaseJson(standard: NosStandard, options: CaseOptions): string {
  return `${JSON.stringify(toCasePackage(standard, options), null, 2)}\n`;
}

// A fixed date in every entry keeps the ZIP byte-for-byte the same on each export.
const ZIP_ENTRY_TIME = new Date('2000-01-01T00:00:00Z');

/**
 * Several standards as a ZIP of <URN>.json, one CFPackage each: CASE has exactly one CFDocument per package, and CASE
 * tools read packages, not arrays of them. Two versions of one URN are told apart as <URN>-v<version>.json.
 */
export function toCaseZip(standards: readonly NosStandard[], options: CaseOptions): Uint8Array {
  const urns = standards.map((standard) => standard.urn);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const standard of standards) {
    const repeated = urns.filter((urn) => urn === standard.urn).length > 1;
    const name = `${standard.urn}${repeated ? `-v${standard.version ?? '1'}` : ''}`.replace(/[^\w.-]/g, '_');
    files[`${name}.json`] = [strToU8(toCaseJson(standard, options)), { mtime: ZIP_ENTRY_TIME }];
  }
  return zipSync(files, { level: 6 });
}

/** A CFPackage, a {"CFPackage": …} wrapper (as CASE REST servers answer), or an array of packages from older exports. */
export function fromCaseJson(text: string): NosStandard[] {
  const data = parseJsonText(text, 'case-json');
  return (Array.isArray(data) ? data : [data]).map((entry) => fromCasePackage(unwrapPackage(entry)));
}

/** Every .json file in a ZIP of CFPackages, in file-name order. */
export function fromCaseZip(bytes: Uint8Array): NosStandard[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => /\.json$/i.test(file.name) && !file.name.startsWith('__MACOSX/') });
  } catch (error) {
    throw new StandardFormatError('case-json', `The ZIP file could not be read: ${(error as Error).message}`);
  }
  return Object.keys(files)
    .sort()
    .flatMap((name) => fromCaseJson(strFromU8(files[name]!)));
}

function unwrapPackage(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null || 'CFDocument' in entry) return entry;
  return 'CFPackage' in entry ? (entry as { CFPackage: unknown }).CFPackage : entry;
}

export function fromCasePackage(input: unknown): NosStandard {
  const json = unwrapPackage(input);
  const parsed = CasePackageInputSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, json));
    throw new StandardFormatError('case-json', `The JSON is not a CASE CFPackage: ${problems.join('; ')}`, problems);
  }
  const { CFDocument: document, CFItems: cfItems, CFAssociations: associations } = parsed.data;
  const byId = new Map(cfItems.map((item) => [item.identifier, item]));
  const parentOf = new Map<string, { parent: string; sequence: number | undefined }>();
  for (const association of associations) {
    if (association.associationType !== 'isChildOf' || parentOf.has(association.originNodeURI.identifier)) continue;
    parentOf.set(association.originNodeURI.identifier, {
      parent: association.destinationNodeURI.identifier,
      sequence: association.sequenceNumber ?? undefined,
    });
  }

  let urnFromCodes: string | undefined;
  const entries = cfItems.flatMap((cfItem) => {
    const coding = cfItem.humanCodingScheme ?? '';
    const code = cfItem.CFItemType === SECTION_TYPE ? undefined : /([PK][1-9]\d*)$/.exec(coding)?.[1];
    if (!code) return []; // sections and any other grouping nodes
    urnFromCodes ??= coding.slice(0, -code.length).replace(/[.\-_\s]+$/, '') || undefined;
    const kind: NosItemKind = code.startsWith('P') ? 'P' : 'K';
    const link = parentOf.get(cfItem.identifier);
    const parent = link ? byId.get(link.parent) : undefined;
    const item: NosItem = { code, kind, section: parent?.fullStatement || DEFAULT_SECTION[kind], text: cfItem.fullStatement };
    if (cfItem.notes?.startsWith('Incomplete')) item.incomplete = true;
    const enumeration = Number(cfItem.listEnumeration ?? Number.NaN);
    return [{ item, enumeration, sequence: link?.sequence, sectionSequence: parent ? parentOf.get(parent.identifier)?.sequence : undefined }];
  });
  if (entries.length === 0) {
    throw new StandardFormatError('case-json', `"${document.title}" has no CFItem whose humanCodingScheme ends in a NOS code such as P1 or K12.`);
  }

  // Document order: listEnumeration when every item has one, else the isChildOf sequence numbers, else the codes.
  const codeOrder = (entry: (typeof entries)[number]) => (entry.item.kind === 'P' ? 0 : 1e6) + Number(entry.item.code.slice(1));
  if (entries.every((entry) => Number.isFinite(entry.enumeration))) entries.sort((a, b) => a.enumeration - b.enumeration);
  else if (entries.every((entry) => entry.sequence !== undefined)) {
    entries.sort((a, b) => (a.sectionSequence ?? 0) - (b.sectionSequence ?? 0) || (a.sequence ?? 0) - (b.sequence ?? 0));
  } else entries.sort((a, b) => codeOrder(a) - codeOrder(b));

  const notes = readNotes(document.notes);
  const fromNotes = notes !== null;
  const note = (field: NoteField): unknown => notes?.[field];
  const scalar = (field: NoteField, fallback: string | null | undefined): string | null => {
    const value = fromNotes ? note(field) : fallback;
    return typeof value === 'string' && value ? value : null;
  };
  const list = (field: NoteField, fallback: string[] | null | undefined): string[] => {
    const value = fromNotes ? note(field) : fallback;
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.length > 0) : [];
  };
  const urn = scalar('urn', urnFromCodes);
  if (!urn) throw new StandardFormatError('case-json', `Cannot tell the URN of "${document.title}": no notes metadata and no humanCodingScheme prefix.`);

  return validateStandard(
    {
      urn,
      title: document.title,
      version: document.version || null,
      overview: document.description || null,
      developedBy: scalar('developedBy', document.creator),
      originatingOrganisation: scalar('originatingOrganisation', document.publisher),
      suite: scalar('suite', null),
      dateApproved: scalar('dateApproved', document.statusStartDate),
      indicativeReviewDate: scalar('indicativeReviewDate', null),
      validity: scalar('validity', document.adoptionStatus === 'Adopted' ? 'Current' : document.adoptionStatus === 'Deprecated' ? 'Legacy' : null),
      status: scalar('status', null),
      relevantOccupations: list('relevantOccupations', document.subject),
      keywords: list('keywords', null),
      items: entries.map((entry) => entry.item),
      glossary: [],
      scopeNotes: [],
    },
    `Standard ${urn}`,
    'case-json',
  );
}

/** "2013-01" → "2013-01-01"; anything not an ISO year-month or date is left out of statusStartDate. */
function isoDate(value: string | null): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return `${value}-01`;
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value) ? value : undefined;
}

function adoptionStatus(validity: string | null): string | undefined {
  if (!validity) return undefined;
  if (/^current$/i.test(validity)) return 'Adopted';
  return /legacy|withdrawn|obsolete|superseded/i.test(validity) ? 'Deprecated' : undefined;
}

function abbreviate(text: string, limit = 60): string | undefined {
  if (Array.from(text).length <= limit) return undefined; // short statements need no abbreviation
  const cut = Array.from(text).slice(0, limit - 1).join('');
  return `${cut.replace(/\s+\S*$/, '') || cut}…`;
}

// JSON per value keeps commas, newlines and list boundaries exact while staying readable in a CASE viewer.
function writeNotes(standard: NosStandard): string {
  const lines = NOTE_FIELDS.flatMap(([field, label]) => {
    const value = standard[field];
    return value === null || (Array.isArray(value) && value.length === 0) ? [] : [`${label}: ${JSON.stringify(value)}`];
  });
  return [`${NOTES_MARKER} (National Occupational Standard ${standard.urn}):`, ...lines].join('\n');
}

function readNotes(notes: string | null | undefined): Partial<Record<NoteField, unknown>> | null {
  if (!notes?.startsWith(NOTES_MARKER)) return null;
  const values: Partial<Record<NoteField, unknown>> = {};
  for (const line of notes.split('\n').slice(1)) {
    const match = /^([^:]+): (.*)$/.exec(line);
    const field = NOTE_FIELDS.find(([, label]) => label === match?.[1])?.[0];
    if (!field || !match) continue;
    try {
      values[field] = JSON.parse(match[2] ?? '') as unknown;
    } catch {
      values[field] = match[2]; // hand-edited plain text
    }
  }
  return values;
}
