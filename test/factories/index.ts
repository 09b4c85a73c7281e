// Test data per aggregate: each test builds its own organisation, so none depends on another's leftovers.
export * from './people.ts';
export * from './standards.ts';
export * from './evidence.ts';
export * from './supervision.ts';
export * from './assessment.ts';
export * from './portfolio.ts';
