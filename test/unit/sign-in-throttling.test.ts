// How long a throttled sign-in waits, and how that is said.
import { expect } from 'chai';
import { FREE_CONSECUTIVE_FAILURES, MAX_DELAY_SECONDS, delaySecondsAfter } from '#app/utils/login-throttle.server.ts';
import { tooManyAttemptsMessage } from '#app/utils/too-many-attempts.ts';

describe('sign-in throttling', () => {
  it('waits nothing for the first failures, then doubles from one second up to 15 minutes', () => {
    const waits = Array.from({ length: 20 }, (_, index) => delaySecondsAfter(index + 1));
    expect(waits.slice(0, FREE_CONSECUTIVE_FAILURES - 1)).to.deep.equal([0, 0, 0, 0]);
    expect(waits.slice(FREE_CONSECUTIVE_FAILURES - 1, FREE_CONSECUTIVE_FAILURES + 4)).to.deep.equal([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).to.equal(MAX_DELAY_SECONDS);
    expect(delaySecondsAfter(10_000)).to.equal(15 * 60);
  });

  it('says in plain words how long to wait', () => {
    expect(tooManyAttemptsMessage(1)).to.equal('Too many attempts to sign in. Wait 1 second, then try again');
    expect(tooManyAttemptsMessage(16)).to.equal('Too many attempts to sign in. Wait 16 seconds, then try again');
    expect(tooManyAttemptsMessage(61)).to.equal('Too many attempts to sign in. Wait 2 minutes, then try again');
    expect(tooManyAttemptsMessage(15 * 60)).to.equal('Too many attempts to sign in. Wait 15 minutes, then try again');
    expect(tooManyAttemptsMessage(60 * 60)).to.equal('Too many attempts to sign in. Wait 1 hour, then try again');
    expect(tooManyAttemptsMessage(23 * 60 * 60 + 1)).to.equal('Too many attempts to sign in. Wait 24 hours, then try again');
  });
});
