// Policy documents in Markdown: GOV.UK typography for headings, paragraphs, lists and tables; nothing the author types runs.
import { expect } from 'chai';
import { renderMarkdown } from '#app/utils/markdown.server.ts';

describe('policy documents in Markdown', () => {
  it('gives headings GOV.UK classes, below the page title and no deeper than h4', () => {
    const html = renderMarkdown('# Policy\n\n## **Standards for Customer Care**\n\n### Responding\n\n##### Deep');
    expect(html).to.include('<h2 class="govuk-heading-m">Policy</h2>');
    expect(html).to.include('<h2 class="govuk-heading-m"><strong>Standards for Customer Care</strong></h2>');
    expect(html).to.include('<h3 class="govuk-heading-s">Responding</h3>');
    expect(html).to.include('<h4 class="govuk-heading-s">Deep</h4>');
    expect(html).not.to.include('<h1').and.not.to.include('##');
  });

  it('renders paragraphs, bullet and numbered lists', () => {
    const html = renderMarkdown('We aim to:\n\n- Treat clients with respect\n- Reply promptly\n\n1. First\n2. Second');
    expect(html).to.include('<p class="govuk-body">We aim to:</p>');
    expect(html).to.include('<ul class="govuk-list govuk-list--bullet">\n<li>Treat clients with respect</li>');
    expect(html).to.include('<ol class="govuk-list govuk-list--number">\n<li>First</li>');
  });

  it('renders a table as a GOV.UK table with column headers, not pipes', () => {
    const html = renderMarkdown('| Review | Date |\n|---|---|\n| Date Adopted: | December 2010 |');
    expect(html).to.include('<table class="govuk-table">');
    expect(html).to.include('<thead class="govuk-table__head">');
    expect(html).to.include('<th class="govuk-table__header" scope="col">Review</th>');
    expect(html).to.include('<tbody class="govuk-table__body">\n<tr class="govuk-table__row">\n<td class="govuk-table__cell">Date Adopted:</td>');
    expect(html).not.to.include('|');
  });

  it('shows a script tag or other raw HTML in the document as text, never as markup', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nHello <img src=x onerror="alert(1)"> <b>bold</b>');
    expect(html).not.to.match(/<script|<img|<b>/);
    expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).to.include('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('keeps safe links with GOV.UK styling and drops script, data and image links', () => {
    const html = renderMarkdown('[Dignity](https://www.dignityincare.org.uk/) [x](javascript:alert(1)) [y](data:text/html,hi) ![t](https://example.org/t.png) <http://example.org/a>');
    expect(html).to.include('<a href="https://www.dignityincare.org.uk/" class="govuk-link" rel="noopener noreferrer">Dignity</a>');
    expect(html).to.include('<a href="http://example.org/a" class="govuk-link" rel="noopener noreferrer">http://example.org/a</a>');
    expect(html).not.to.match(/href="(javascript|data):/);
    expect(html).not.to.include('<img');
  });
});
