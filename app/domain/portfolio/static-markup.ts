// Markup a template may insert as it is: only what React rendered here (the report's SVG charts and their tables),
// whose text React has already escaped. Templates still insert every other value escaped ({{ }}); the `markup` helper
// (templates.server.ts) passes through nothing but an instance of this class.
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export class StaticMarkup {
  private constructor(readonly html: string) {}

  /** The component rendered to HTML; `prefix` keeps its ids apart from those of other renders in the same document. */
  static of<Props extends object>(component: FunctionComponent<Props>, props: Props, prefix: string): StaticMarkup {
    return new StaticMarkup(renderToStaticMarkup(createElement(component, props), { identifierPrefix: prefix }));
  }
}
