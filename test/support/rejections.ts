// The one way a test expects a domain call to be refused: it must reject with this class of error, which is returned
// so the test can look at its message or field errors.
import { expect } from 'chai';

export async function expectRejection<E extends Error>(promise: Promise<unknown>, ErrorClass: abstract new (...args: never[]) => E): Promise<E> {
  let outcome: { resolved: unknown } | { rejected: unknown };
  try {
    outcome = { resolved: await promise };
  } catch (error) {
    outcome = { rejected: error };
  }
  if ('resolved' in outcome) expect.fail(`expected a ${ErrorClass.name}, but the call succeeded`);
  const error = outcome.rejected;
  expect(error, `expected a ${ErrorClass.name}, got ${String(error)}`).to.be.instanceOf(ErrorClass);
  return error as E;
}
