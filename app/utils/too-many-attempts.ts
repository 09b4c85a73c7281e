// What a throttled person is told: how long to wait, in whole seconds, minutes or hours, rounded up.

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

export function waitDescription(seconds: number): string {
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds <= 60 * 60 - 60) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

export function tooManyAttemptsMessage(retryAfterSeconds: number, action = 'sign in'): string {
  return `Too many attempts to ${action}. Wait ${waitDescription(retryAfterSeconds)}, then try again`;
}
