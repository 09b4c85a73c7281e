// What a throttled person is told: how long to wait, in whole seconds, minutes or hours, rounded up.
import { plural } from '#app/utils/words.ts';

export function waitDescription(seconds: number): string {
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second', 'seconds');
  if (seconds <= 60 * 60 - 60) return plural(Math.ceil(seconds / 60), 'minute', 'minutes');
  return plural(Math.ceil(seconds / 3600), 'hour', 'hours');
}

export function tooManyAttemptsMessage(retryAfterSeconds: number, action = 'sign in'): string {
  return `Too many attempts to ${action}. Wait ${waitDescription(retryAfterSeconds)}, then try again`;
}
