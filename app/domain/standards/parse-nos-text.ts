// Parses the text of a National Occupational Standard (as extracted from its PDF) into a validated NosStandard.
import { NosStandardSchema, type NosStandard } from '#standards/schema.ts';
import { emphasisedTerms, readGlossary, readScopeParagraphs, toScopeNotes } from './nos-additional-info.ts';
import { cleanText, readItems, type ParseContext } from './nos-items.ts';
import { isFurniture, normaliseSpaces } from './nos-lines.ts';
import { findMetadataStart, readMetadata, splitList, toIsoMonth } from './nos-metadata.ts';
import { NosParseError } from './nos-parse-error.ts';
import { Vocabulary } from './nos-vocabulary.ts';

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

function indexOfLine(lines: readonly string[], pattern: RegExp, from = 0): number {
  return lines.findIndex((line, index) => index >= from && pattern.test(normaliseSpaces(line)));
}

function present(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

function firstFound(...indexes: number[]): number | undefined {
  return indexes.find((index) => index >= 0);
}

function findUrn(metadataUrn: string | undefined, text: string, sourceName: string | undefined): string | undefined {
  const inText = /\b(?:URN|Unique Reference Number)\b[\s:]+([A-Z][A-Z0-9]*\d[A-Z0-9]*)\b/.exec(text)?.[1];
  return present(metadataUrn) ?? inText ?? present(sourceName) ?? undefined;
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

export function parseNosText(text: string, options: ParseNosOptions = {}): ParsedNos {
  const named = options.sourceName ?? 'text';
  if (text.trim() === '') throw new NosParseError(`${named}: the text is empty`);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const title = normaliseSpaces(lines.find((line) => line.trim() !== '') ?? '');

  const criteriaStart = indexOfLine(lines, /^performance criteria$/i);
  if (criteriaStart < 0) {
    throw new NosParseError(`${named}: no "Performance criteria" heading, so this does not read as a National Occupational Standard`);
  }
  const knowledgeStart = indexOfLine(lines, /^knowledge and understanding$/i, criteriaStart);
  const additionalStart = indexOfLine(lines, /^additional information$/i, criteriaStart);
  const metadataStart = findMetadataStart(lines, criteriaStart);
  const knowledgeEnd = firstFound(additionalStart, metadataStart) ?? lines.length;
  const criteriaEnd = firstFound(knowledgeStart) ?? knowledgeEnd;

  const metadata = metadataStart < 0 ? {} : readMetadata(lines.slice(metadataStart), title);
  const foundUrn = findUrn(metadata.urn, text, options.sourceName);
  const urn = foundUrn ?? named;
  const warnings: string[] = [];
  if (options.sourceName !== undefined && options.sourceName.toUpperCase() !== urn.toUpperCase()) {
    warnings.push(`${urn}: the URN in the text differs from the source name "${options.sourceName}"`);
  }
  const context: ParseContext = { source: urn, title, vocabulary: new Vocabulary(text), warnings };

  const criteria = readItems(
    { kind: 'P', lines: lines.slice(criteriaStart + 1, criteriaEnd), firstLineNumber: criteriaStart + 2, defaultSection: 'Performance criteria' },
    context,
  );
  if (criteria.length === 0) throw new NosParseError(`${urn}: no performance criteria (P1, P2, …) found`);
  if (foundUrn === undefined) throw new NosParseError('the text has no URN (Unique Reference Number) and no source name was given');
  const knowledge =
    knowledgeStart < 0
      ? []
      : readItems(
          { kind: 'K', lines: lines.slice(knowledgeStart + 1, knowledgeEnd), firstLineNumber: knowledgeStart + 2, defaultSection: 'Knowledge and understanding' },
          context,
        );

  const paragraphs = additionalStart < 0 ? [] : readScopeParagraphs(lines.slice(additionalStart + 1, metadataStart < 0 ? undefined : metadataStart), title);
  const terms = emphasisedTerms(lines.slice(criteriaStart, knowledgeEnd).join('\n'));
  const glossary = readGlossary(paragraphs, terms, (term) => warnings.push(`${urn}: "${term}" is in bold but no definition was found`));

  const parsed = NosStandardSchema.safeParse({
    urn,
    title,
    version: present(metadata.version),
    overview: readOverview(lines.slice(0, criteriaStart), title),
    developedBy: present(metadata.developedBy),
    originatingOrganisation: present(metadata.originatingOrganisation),
    suite: present(metadata.suite),
    dateApproved: present(metadata.dateApproved && toIsoMonth(metadata.dateApproved)),
    indicativeReviewDate: present(metadata.indicativeReviewDate && toIsoMonth(metadata.indicativeReviewDate)),
    validity: present(metadata.validity),
    status: present(metadata.status),
    relevantOccupations: splitList(metadata.relevantOccupations),
    keywords: splitList(metadata.keywords),
    items: [...criteria, ...knowledge],
    glossary,
    scopeNotes: toScopeNotes(paragraphs, terms),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new NosParseError(`${urn}: parsed standard is invalid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return { standard: parsed.data, warnings };
}
