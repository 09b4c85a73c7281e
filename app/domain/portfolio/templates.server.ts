// The Handlebars templates in templates/ (a layout, its partials and the print CSS),
// compiled once per process in an environment of their own, with UK date helpers from app/utils/dates. Every value is
// inserted escaped ({{ }}), for HTML or, through `cssString`, for a CSS string; no template uses {{{ }}}, so evidence text
// can never become markup. The one exception is the `markup` helper, which inserts only charts React rendered
// (static-markup.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { formatDate, formatDateTime } from '#app/utils/dates/index.ts';
import { plural } from '#app/utils/words.ts';
import { StaticMarkup } from './static-markup.ts';

/** templates/ at the top of the repository, found from this module whether it runs from app/ or from the build. */
function templatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'portfolio.hbs'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('The portfolio templates (templates/portfolio.hbs) were not found');
    dir = parent;
  }
}

/**
 * A quoted CSS string for the page margin boxes: backslash, quotes, line breaks and anything that could end the style
 * element are written as CSS escapes, so the text reads as it is and never as CSS or markup.
 */
export function cssString(value: unknown): string {
  const escaped = [...String(value ?? '')].map((character) => (/[\\"'<>&\n\r\f]/.test(character) ? `\\${character.codePointAt(0)!.toString(16)} ` : character)).join('');
  return `"${escaped}"`;
}

type Compiled = { document: (name: string) => Handlebars.TemplateDelegate };
let compiled: Compiled | undefined;

function load(): Compiled {
  const dir = templatesDir();
  const hbs = Handlebars.create();
  hbs.registerHelper('date', (value: unknown) => (typeof value === 'string' || value instanceof Date ? formatDate(value) : ''));
  hbs.registerHelper('dateTime', (value: unknown) => (typeof value === 'string' || value instanceof Date ? formatDateTime(value) : ''));
  // The one way past escaping: markup React rendered (static-markup.ts); anything else prints nothing.
  hbs.registerHelper('markup', (value: unknown) => (value instanceof StaticMarkup ? new hbs.SafeString(value.html) : ''));
  hbs.registerHelper('plural', (count: unknown, one: unknown, many: unknown) => plural(Number(count), String(one), String(many)));
  hbs.registerHelper('cssString', (value: unknown) => new hbs.SafeString(cssString(value)));
  hbs.registerPartial('print-css', readFileSync(path.join(dir, 'print.css'), 'utf8'));
  for (const file of readdirSync(path.join(dir, 'partials')).filter((name) => name.endsWith('.hbs'))) {
    hbs.registerPartial(file.slice(0, -'.hbs'.length), readFileSync(path.join(dir, 'partials', file), 'utf8'));
  }
  const compile = (file: string) => hbs.compile(readFileSync(path.join(dir, file), 'utf8'), { strict: false, preventIndent: true });
  const documents = new Map<string, Handlebars.TemplateDelegate>();
  return {
    document: (name) => {
      let template = documents.get(name);
      if (!template) documents.set(name, (template = compile(`${name}.hbs`)));
      return template;
    },
  };
}

function templates(): Compiled {
  return (compiled ??= load());
}

/** A whole document (templates/NAME.hbs) as HTML. */
export function renderDocument(name: 'portfolio' | 'inspection-pack', view: object): string {
  return templates().document(name)(view);
}
