// Moodle competency framework CSV, as read and written by Moodle's admin/tool/lpimportcsv (Competencies > Import).
import { stringify } from 'csv-stringify/sync';
import type { NosItem, NosStandard } from '#standards/schema.ts';
import { parseCsvRows, StandardFormatError, validateStandard } from './errors.ts';
import { fromSpreadsheetCell, toSpreadsheetRows } from './spreadsheet-cells.ts';

/*
 * Layout: one framework row, then a top-level competency per standard (ID number = URN) with one child competency
 * per item (ID number = "URN-P1"). Checked against tool_lpimportcsv's framework_importer / framework_exporter:
 * columns are read by position, "Is framework" is PHP-truthy, idnumber and shortname are cut to 100 characters,
 * shortname goes through PARAM_TEXT (tags stripped) while description is kept raw.
 *
 * Moodle has nowhere structured for NOS metadata, so the standard's description carries the title, overview and a
 * <dl> of metadata, and each item's description carries its section and text in classed paragraphs; both are
 * readable in Moodle and parsed back here. Lost in Moodle: glossary and scope notes (returned empty), and any
 * metadata for a framework authored in Moodle itself (returned null). Sections of such a framework default to
 * "Performance criteria" / "Knowledge and understanding". Only one version of a URN fits in a framework, because
 * Moodle ID numbers must be unique within it.
 * Cells that a spreadsheet would run as a formula get a leading quote (spreadsheet-cells.ts). Moodle keeps that quote,
 * but our descriptions start with markup and our short names with a code, so only hostile framework options get one.
 */

export const MOODLE_CSV_HEADER = [
  'Parent ID number',
  'ID number',
  'Short name',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross-referenced competency ID numbers',
  'Exported ID (optional)',
  'Is framework',
  'Taxonomy',
] as const;

export interface MoodleCsvOptions {
  frameworkIdNumber?: string;
  frameworkName?: string;
  frameworkDescription?: string;
  /** Comma-separated scale items, worst first; Moodle reuses a global scale with exactly these items or creates one. */
  scaleValues?: string;
  /** One taxonomy per depth level, comma separated. */
  taxonomy?: string;
}

const FORMAT_HTML = '1';
const SHORTNAME_LIMIT = 100; // Moodle's shorten_text(…, 100) on import; we cut first so nothing is cut twice.
const DEFAULT_SECTION = { P: 'Performance criteria', K: 'Knowledge and understanding' } as const;
const INCOMPLETE_NOTE = 'The source text of this item is cut short.';

const METADATA_LABELS = [
  ['version', 'Version'],
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

/** Moodle checks a default and a proficient value exist; scaleid is rewritten by the importer to the matched scale. */
function scaleConfiguration(scaleValues: string): string {
  const count = scaleValues.split(',').length;
  const values = Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    scaledefault: index === 0 ? 1 : 0,
    proficient: index === count - 1 ? 1 : 0,
  }));
  return JSON.stringify([{ scaleid: '1' }, ...values]);
}

export function toMoodleCsv(standards: readonly NosStandard[], options: MoodleCsvOptions = {}): string {
  const scaleValues = options.scaleValues ?? 'Not yet competent,Competent';
  const name = options.frameworkName ?? 'National Occupational Standards';
  const seen = new Set<string>();
  const rows: string[][] = [
    [
      '',
      options.frameworkIdNumber ?? 'NOS',
      shorten(name),
      options.frameworkDescription ?? `<p>${escapeHtml(name)}</p>`,
      FORMAT_HTML,
      scaleValues,
      scaleConfiguration(scaleValues),
      '',
      '',
      '',
      '',
      '',
      '1',
      options.taxonomy ?? 'competency,competency,competency,competency',
    ],
  ];
  for (const standard of standards) {
    if (seen.has(standard.urn)) {
      throw new StandardFormatError('moodle-csv', `${standard.urn} appears twice; a Moodle framework holds one version of each standard.`);
    }
    seen.add(standard.urn);
    rows.push(competencyRow('', standard.urn, `${standard.urn} ${standard.title}`, standardDescription(standard)));
    for (const item of standard.items) {
      rows.push(competencyRow(standard.urn, `${standard.urn}-${item.code}`, `${item.code} ${item.text}`, itemDescription(item)));
    }
  }
  return stringify([[...MOODLE_CSV_HEADER], ...toSpreadsheetRows(rows)]);
}

function competencyRow(parent: string, idNumber: string, shortName: string, description: string): string[] {
  // Blank scale columns make the competency inherit the framework scale.
  return [parent, idNumber, shorten(shortName), description, FORMAT_HTML, '', '', '', '', '', '', '', '0', ''];
}

function standardDescription(standard: NosStandard): string {
  const metadata = METADATA_LABELS.flatMap(([field, label]) => {
    const value = standard[field];
    const text = Array.isArray(value) ? value.join('; ') : value;
    return text ? [`<dt>${label}</dt><dd>${escapeHtml(text)}</dd>`] : [];
  });
  return [
    `<p class="nos-title">${escapeHtml(standard.title)}</p>`,
    ...(standard.overview ? [`<p class="nos-overview">${escapeHtml(standard.overview)}</p>`] : []),
    ...(metadata.length ? [`<dl class="nos-metadata">${metadata.join('')}</dl>`] : []),
  ].join('\n');
}

function itemDescription(item: NosItem): string {
  return [
    `<p class="nos-section">${escapeHtml(item.section)}</p>`,
    `<p class="nos-text">${escapeHtml(item.text)}</p>`,
    ...(item.incomplete ? [`<p class="nos-incomplete">${INCOMPLETE_NOTE}</p>`] : []),
  ].join('\n');
}

interface Competency {
  parent: string;
  idNumber: string;
  shortName: string;
  description: string;
  rowNumber: number;
}

export function fromMoodleCsv(text: string): NosStandard[] {
  const [header, ...body] = parseCsvRows(text, 'moodle-csv');
  // Like Moodle's importer, read columns by position: the header's wording differs between versions and languages.
  if (!header) throw new StandardFormatError('moodle-csv', 'The CSV is empty: it has no header row.');
  if (header.length !== MOODLE_CSV_HEADER.length) {
    throw new StandardFormatError(
      'moodle-csv',
      `The CSV has ${header.length} columns; a Moodle competency framework CSV has ${MOODLE_CSV_HEADER.length} (${MOODLE_CSV_HEADER.join(', ')}), in that order.`,
    );
  }
  const at = Object.fromEntries(MOODLE_CSV_HEADER.map((name, index) => [name, index])) as Record<(typeof MOODLE_CSV_HEADER)[number], number>;
  const competencies: Competency[] = [];
  let frameworkRows = 0;
  for (const [index, cells] of body.entries()) {
    const cell = (column: (typeof MOODLE_CSV_HEADER)[number]) => fromSpreadsheetCell(cells[at[column]] ?? '');
    const isFramework = cell('Is framework').trim();
    // PHP truthiness, as in framework_importer: "" and "0" mean a competency.
    if (isFramework !== '' && isFramework !== '0') {
      frameworkRows += 1;
      continue;
    }
    competencies.push({
      parent: cell('Parent ID number').trim(),
      idNumber: cell('ID number').trim(),
      shortName: cell('Short name'),
      description: cell('Description'),
      rowNumber: index + 2,
    });
  }
  if (frameworkRows === 0) {
    throw new StandardFormatError('moodle-csv', 'The CSV has no framework row (a row with "Is framework" set to 1).');
  }

  const standards = competencies.filter((competency) => competency.parent === '');
  const itemsOf = new Map(standards.map((standard) => [standard.idNumber, [] as Competency[]]));
  for (const competency of competencies) {
    if (competency.parent === '') continue;
    const siblings = itemsOf.get(competency.parent);
    if (!siblings) {
      const nested = competencies.some((other) => other.idNumber === competency.parent);
      throw new StandardFormatError(
        'moodle-csv',
        nested
          ? `Row ${competency.rowNumber}: ${competency.idNumber} is nested below an item; only standard > item is read.`
          : `Row ${competency.rowNumber}: parent ID number "${competency.parent}" matches no competency in the file.`,
      );
    }
    siblings.push(competency);
  }

  return standards.map((standard) => {
    const described = parseStandardDescription(standard.description);
    const title = described.title ?? (standard.shortName.replace(new RegExp(`^${escapeRegExp(standard.idNumber)}\\s+`), '').trim() || standard.idNumber);
    const items = (itemsOf.get(standard.idNumber) ?? []).map(toItem).sort(byDocumentOrder);
    const list = (value: string | undefined) => (value ? value.split(';').map((entry) => entry.trim()).filter(Boolean) : []);
    return validateStandard(
      {
        urn: standard.idNumber,
        title,
        version: described.metadata.version ?? null,
        overview: described.overview ?? null,
        developedBy: described.metadata.developedBy ?? null,
        originatingOrganisation: described.metadata.originatingOrganisation ?? null,
        suite: described.metadata.suite ?? null,
        dateApproved: described.metadata.dateApproved ?? null,
        indicativeReviewDate: described.metadata.indicativeReviewDate ?? null,
        validity: described.metadata.validity ?? null,
        status: described.metadata.status ?? null,
        relevantOccupations: list(described.metadata.relevantOccupations),
        keywords: list(described.metadata.keywords),
        items,
        glossary: [],
        scopeNotes: [],
      },
      `Standard ${standard.idNumber} (row ${standard.rowNumber})`,
      'moodle-csv',
    );
  });

  function toItem(competency: Competency): NosItem {
    // The code is the ID number's suffix ("LMCA4-P24"), or failing that the start of the short name ("P24 …").
    const code = /-([PK][1-9]\d*)$/.exec(competency.idNumber)?.[1] ?? /^([PK][1-9]\d*)\b/.exec(competency.shortName.trim())?.[1];
    if (!code) {
      throw new StandardFormatError(
        'moodle-csv',
        `Row ${competency.rowNumber}: cannot tell the item code of "${competency.idNumber}"; expected an ID number ending -P1, -K2 …`,
      );
    }
    const kind = code.startsWith('P') ? 'P' : 'K';
    const section = classedParagraph(competency.description, 'nos-section');
    const text = classedParagraph(competency.description, 'nos-text') ?? htmlToText(competency.description);
    const item: NosItem = { code, kind, section: section || DEFAULT_SECTION[kind], text: text || competency.shortName.replace(code, '').trim() };
    if (competency.description.includes('class="nos-incomplete"')) item.incomplete = true;
    return item;
  }
}

function byDocumentOrder(a: NosItem, b: NosItem): number {
  if (a.kind !== b.kind) return a.kind === 'P' ? -1 : 1;
  return Number(a.code.slice(1)) - Number(b.code.slice(1));
}

function parseStandardDescription(html: string) {
  const metadata: Partial<Record<(typeof METADATA_LABELS)[number][0], string>> = {};
  for (const [, label = '', value = ''] of html.matchAll(/<dt>([\s\S]*?)<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g)) {
    const field = METADATA_LABELS.find(([, known]) => known === unescapeHtml(label).trim())?.[0];
    if (field) metadata[field] = unescapeHtml(value);
  }
  return { title: classedParagraph(html, 'nos-title'), overview: classedParagraph(html, 'nos-overview'), metadata };
}

function classedParagraph(html: string, className: string): string | undefined {
  const match = new RegExp(`<p class="${className}">([\\s\\S]*?)</p>`).exec(html);
  return match ? unescapeHtml(match[1] ?? '') : undefined;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = Array.from(flat); // Moodle counts characters, not UTF-16 units
  return characters.length <= SHORTNAME_LIMIT ? flat : `${characters.slice(0, SHORTNAME_LIMIT - 1).join('').trimEnd()}…`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeHtml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return named[body.toLowerCase()] ?? entity;
  });
}

/** For descriptions written in Moodle's editor rather than by us. */
function htmlToText(html: string): string {
  return unescapeHtml(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p[^>]*>/gi, '\n').replace(/<[^>]+>/g, '')).trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
