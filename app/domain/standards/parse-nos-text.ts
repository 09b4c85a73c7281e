// Parses the text of a National Occupational Standard (from its PDF, Word file or web page) into a validated NosStandard.
import { NosStandardSchema, type NosStandard } from '#standards/schema.ts';
import { CLOSING_SECTIONS, emphasisedTerms, readGlossary, readListedGlossary, readScopeParagraphs, toScopeNotes } from './nos-additional-info.ts';
import { normaliseCharacters } from './nos-characters.ts';
import { flagDoubtfulItems } from './nos-item-check.ts';
import { cleanText, readItems, type ParseContext } from './nos-items.ts';
import { isFurniture, normaliseSpaces } from './nos-lines.ts';
import { findMetadataStart, readHeaderMetadata, readMetadata, splitList, toIsoMonth, type Metadata } from './nos-metadata.ts';
import { findTitle, undoPageLayout } from './nos-page-layout.ts';
import { NosParseError } from './nos-parse-error.ts';
import { Vocabulary } from './nos-vocabulary.ts';
import { sourceNameDiffersFromUrn, urnFromSourceName } from './source-name.ts';

export { NosParseError } from './nos-parse-error.ts';

export interface ParseNosOptions {
  /** Name of the source (a file's basename without extension), used as the URN when the text has none. */
  sourceName?: string;
}

export interface ParsedNos {
  standard: NosStandard;
  /** Things a reviewer should check: text cut short, unreadable lines dropped, a misread line replaced. */
  warnings: string[];
}

const URN_SHAPE = /^[A-Z][A-Z0-9]*\d[A-Z0-9]*$/i;

function indexOfLine(lines: readonly string[], pattern: RegExp, from = 0): number {
  return lines.findIndex((line, index) => index >= from && pattern.test(normaliseSpaces(line)));
}

function present(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/** The earliest of the positions found (-1 is not found), or undefined. */
function earliest(...indexes: number[]): number | undefined {
  const found = indexes.filter((index) => index >= 0);
  return found.length === 0 ? undefined : Math.min(...found);
}

/** Where a part's items begin when its heading is missing: the line labelled 1, when the line labelled 2 follows it. */
function firstLabelledLine(lines: readonly string[], kind: 'P' | 'K', from: number): number {
  const first = indexOfLine(lines, new RegExp(`^(?:[-•*] )?${kind}1[ .]`), from);
  return first >= 0 && indexOfLine(lines, new RegExp(`^(?:[-•*] )?${kind}2[ .]`), first + 1) > first ? first : -1;
}

function findUrn(metadata: Metadata, text: string): string | undefined {
  const inText = /\b(?:URN|Unique Reference Number)\b[\s:]+([A-Z][A-Z0-9]*\d[A-Z0-9]*)\b/.exec(text)?.[1];
  return present(metadata.urn) ?? present(metadata.originalUrn) ?? inText;
}

function readOverview(lines: readonly string[], title: string): string | null {
  const start = indexOfLine(lines, /^overview$/i);
  if (start < 0) return null;
  const paragraphs = lines
    .slice(start + 1)
    .filter((line) => line.trim() !== '' && !isFurniture(line, title))
    .map(cleanText);
  return paragraphs.length > 0 ? paragraphs.join('\n\n') : null;
}

export function parseNosText(source: string, options: ParseNosOptions = {}): ParsedNos {
  const named = options.sourceName ?? 'text';
  if (source.trim() === '') throw new NosParseError(`${named}: the text is empty`);
  const text = normaliseCharacters(source);
  const layout = undoPageLayout(text);
  const { lines } = layout;
  const title = findTitle(layout);
  const warnings: string[] = [];

  const criteriaHeading = indexOfLine(lines, /^performance criteria$/i);
  const criteriaStart = criteriaHeading >= 0 ? criteriaHeading + 1 : firstLabelledLine(lines, 'P', 0);
  if (criteriaStart < 0) {
    throw new NosParseError(`${named}: no "Performance criteria" heading, so this does not read as a National Occupational Standard`);
  }
  const knowledgeHeading = indexOfLine(lines, /^knowledge and understanding$/i, criteriaStart);
  const knowledgeStart = knowledgeHeading >= 0 ? knowledgeHeading + 1 : firstLabelledLine(lines, 'K', criteriaStart);
  const additionalStart = indexOfLine(lines, /^additional information$/i, criteriaStart);
  const closingStart = indexOfLine(lines, CLOSING_SECTIONS, knowledgeStart >= 0 ? knowledgeStart : criteriaStart);
  const metadataStart = findMetadataStart(lines, criteriaStart);
  const knowledgeEnd = earliest(additionalStart, closingStart, metadataStart) ?? lines.length;
  const criteriaEnd = earliest(knowledgeHeading, knowledgeStart) ?? knowledgeEnd;
  const head = lines.slice(0, criteriaHeading >= 0 ? criteriaHeading : criteriaStart);

  const table = metadataStart < 0 ? {} : readMetadata(lines.slice(metadataStart), title);
  const metadata: Metadata = { ...readHeaderMetadata(head), ...Object.fromEntries(Object.entries(table).filter(([, value]) => value !== '')) };
  const headerUrn = readHeaderMetadata(head).urn;
  const foundUrn = present(headerUrn) ?? findUrn(metadata, text);
  // A file name stands for its URN without its copy marker or version suffix ("ASTH325 (1)", "ASTH325-v3").
  const fallbackUrn = present(options.sourceName === undefined ? undefined : urnFromSourceName(options.sourceName));
  const urn = foundUrn ?? fallbackUrn ?? named;
  const urnNeedsReview = foundUrn === undefined && fallbackUrn !== null ? `the text has no URN, so it was taken from the file name "${fallbackUrn}"` : undefined;
  if (urnNeedsReview !== undefined) warnings.push(`${urn}: ${urnNeedsReview}; confirm it before saving`);
  if (foundUrn !== undefined && options.sourceName !== undefined && sourceNameDiffersFromUrn(options.sourceName, urn, (value) => URN_SHAPE.test(value))) {
    warnings.push(`${urn}: the URN in the text differs from the source name "${options.sourceName}"`);
  }
  const vocabulary = new Vocabulary(text);
  const context: ParseContext = { source: urn, title, vocabulary, warnings };

  const criteria = readItems(
    { kind: 'P', lines: lines.slice(criteriaStart, criteriaEnd), firstLineNumber: criteriaStart + 1, defaultSection: 'Performance criteria' },
    context,
  );
  if (criteria.length === 0) throw new NosParseError(`${urn}: no performance criteria (P1, P2, …) found`);
  if (foundUrn === undefined && fallbackUrn === null) throw new NosParseError('the text has no URN (Unique Reference Number) and no source name was given');
  if (criteriaHeading < 0) {
    warnings.unshift(`${urn}: no "Performance criteria" heading; the performance criteria were read from their labels P1 to P${criteria.length}`);
  }
  const knowledge =
    knowledgeStart < 0
      ? []
      : readItems(
          { kind: 'K', lines: lines.slice(knowledgeStart, knowledgeEnd), firstLineNumber: knowledgeStart + 1, defaultSection: 'Knowledge and understanding' },
          context,
        );
  const items = [...criteria, ...knowledge];
  flagDoubtfulItems(items, vocabulary, urn, warnings);

  const closingFrom = earliest(additionalStart, closingStart);
  const paragraphs = closingFrom === undefined ? [] : readScopeParagraphs(lines.slice(closingFrom + (closingFrom === additionalStart ? 1 : 0), metadataStart < 0 ? undefined : metadataStart), title);
  const listed = readListedGlossary(paragraphs);
  const terms = emphasisedTerms(lines.slice(criteriaStart, knowledgeEnd).join('\n'));
  const glossary = readGlossary(listed.rest, terms, (term) => warnings.push(`${urn}: "${term}" is in bold but no definition was found`));

  const parsed = NosStandardSchema.safeParse({
    urn,
    title,
    version: present(metadata.version),
    overview: readOverview(head, title),
    developedBy: present(metadata.developedBy),
    originatingOrganisation: present(metadata.originatingOrganisation),
    suite: present(metadata.suite),
    dateApproved: present(metadata.dateApproved && toIsoMonth(metadata.dateApproved)),
    indicativeReviewDate: present(metadata.indicativeReviewDate && toIsoMonth(metadata.indicativeReviewDate)),
    validity: present(metadata.validity),
    status: present(metadata.status),
    relevantOccupations: splitList(metadata.relevantOccupations),
    keywords: splitList(metadata.keywords),
    items,
    glossary: [...listed.glossary, ...glossary],
    scopeNotes: toScopeNotes(listed.rest, terms),
    ...(urnNeedsReview === undefined ? {} : { urnNeedsReview }),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new NosParseError(`${urn}: parsed standard is invalid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return { standard: parsed.data, warnings };
}
