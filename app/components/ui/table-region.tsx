// A table that scrolls sideways inside its own region on a narrow screen, instead of widening the page.
import type { ReactNode } from 'react';

/**
 * The region is named (the table's caption or subject) and takes focus, so that keyboard users can scroll it
 * (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
