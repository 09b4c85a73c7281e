// Turns the HTML mammoth makes of a Word document into text that keeps its lines: paragraphs, manual line breaks
// (Shift+Enter), table rows (cells tab separated) and list items (numbered as Word shows them) each on their own line.
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'table']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (/^#x/i.test(body)) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}

export function wordHtmlToText(html: string): string {
  let out = '';
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let cellsInRow = 0;
  let inCell = false;
  for (const [, closing = '', tag = '', textRun] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    if (textRun !== undefined) {
      out += decode(textRun);
      continue;
    }
    const name = tag.toLowerCase();
    if (name === 'br') out += '\n';
    else if ((name === 'ol' || name === 'ul') && closing === '') lists.push({ ordered: name === 'ol', count: 0 });
    else if ((name === 'ol' || name === 'ul') && closing !== '') lists.pop();
    else if (name === 'li' && closing === '') {
      const list = lists.at(-1);
      if (list) list.count += 1;
      // Nested lists are sub-items: lettered when numbered, bullets otherwise.
      const marker = !list?.ordered ? '•' : lists.length > 1 ? `${String.fromCharCode(96 + Math.min(list.count, 26))}.` : `${list.count}.`;
      out += `\n${marker} `;
    } else if (name === 'tr' && closing === '') cellsInRow = 0;
    else if (name === 'td' || name === 'th') {
      inCell = closing === '';
      if (inCell) out += cellsInRow++ === 0 ? '' : '\t';
    } else if (name === 'p' && inCell) {
      // mammoth wraps each cell's text in a paragraph; a second paragraph in one cell continues it on the same row.
      if (closing === '' && !/[\t\n]$/.test(out)) out += ' ';
    } else if (BLOCKS.has(name)) out += '\n';
  }
  return out.replace(/\n{3,}/g, '\n\n').trim();
}
