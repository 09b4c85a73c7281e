// Asserts that a promise rejects with a given kind of error, and hands the error back for closer checks.
import { expect } from 'chai';

export async function expectRejection<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  let rejected: unknown;
  try {
    await promise;
  } catch (error) {
    rejected = error;
  }
  if (rejected === undefined) expect.fail(`expected a rejection with ${type.name}, but the promise fulfilled`);
  expect(rejected).to.be.instanceOf(type);
  return rejected as T;
}
