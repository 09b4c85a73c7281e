// Wraps loaders and actions so that typed domain errors become 404/403/409/400 responses in one place, and uploads are released.
import { toHttpError } from './errors.server.ts';
import { releaseUploads } from './multipart.server.ts';

export function withDomainErrors<Args extends { request: Request }, Result>(handler: (args: Args) => Promise<Result>) {
  return async (args: Args): Promise<Result> => {
    try {
      return await handler(args);
    } catch (error) {
      throw toHttpError(error);
    } finally {
      // Received files live on disk only for the request that sent them.
      await releaseUploads(args.request);
    }
  };
}
