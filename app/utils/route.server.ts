// Wraps loaders and actions so that typed domain errors become 404/403/409/400 responses in one place.
import { toHttpError } from './errors.server.ts';

export function withDomainErrors<Args, Result>(handler: (args: Args) => Promise<Result>) {
  return async (args: Args): Promise<Result> => {
    try {
      return await handler(args);
    } catch (error) {
      throw toHttpError(error);
    }
  };
}
