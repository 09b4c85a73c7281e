// Renders a policy document's Markdown as HTML with GOV.UK typography; raw HTML in the document is shown as text, never run.
import MarkdownIt from 'markdown-it';

// html: false escapes any tag in the source, so nothing the author types becomes markup; validateLink (the default)
// drops javascript:, vbscript:, file: and data: links. Images are off: a policy is text, and an image could track readers.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.disable('image');

const classes: Record<string, string> = {
  paragraph_open: 'govuk-body',
  bullet_list_open: 'govuk-list govuk-list--bullet',
  ordered_list_open: 'govuk-list govuk-list--number',
  table_open: 'govuk-table',
  thead_open: 'govuk-table__head',
  tbody_open: 'govuk-table__body',
  tr_open: 'govuk-table__row',
  th_open: 'govuk-table__header',
  td_open: 'govuk-table__cell',
  blockquote_open: 'govuk-inset-text',
  hr: 'govuk-section-break govuk-section-break--m govuk-section-break--visible',
  link_open: 'govuk-link',
};

markdown.core.ruler.push('govuk_classes', (state) => {
  const walk = (tokens: typeof state.tokens) => {
    for (const token of tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        // The page's own title is the h1, so the document's headings start at h2 and go no deeper than h4.
        const level = Math.min(4, Math.max(2, Number(token.tag.slice(1))));
        token.tag = `h${level}`;
        if (token.type === 'heading_open') token.attrJoin('class', level === 2 ? 'govuk-heading-m' : 'govuk-heading-s');
      }
      const className = classes[token.type];
      if (className) token.attrJoin('class', className);
      if (token.type === 'th_open' && token.tag === 'th') token.attrSet('scope', 'col');
      if (token.type === 'link_open') token.attrSet('rel', 'noopener noreferrer');
      if (token.children) walk(token.children);
    }
  };
  walk(state.tokens);
});

/** The HTML of a Markdown document: headings, paragraphs, lists, tables and links with GOV.UK classes. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
