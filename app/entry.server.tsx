// Renders each document request on the server; the configuration is validated here, at start-up, the file sweep begins
// and the embedded portfolio queue takes up unfinished batches.
import { PassThrough } from 'node:stream';
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceProvider } from './components/nonce.tsx';
import { scheduleOrphanFileSweep } from './domain/evidence/file-sweep.server.ts';
import { scheduleBatchFileRetention } from './domain/portfolio/batch-retention.server.ts';
import { resumePortfolioQueue } from './domain/portfolio/queue/index.server.ts';
import { env } from './utils/env.server.ts';
import { logger } from './utils/logger.server.ts';

// The HTTP server (server/index.js) is plain JavaScript: it takes what it needs of the validated configuration here,
// and the application log, so that its request lines and the app's lines are one stream.
export const serverConfig = { publicUrl: env().publicUrl, port: env().port, trustProxy: env().trustProxy };
export { logger };
scheduleOrphanFileSweep();
resumePortfolioQueue();
scheduleBatchFileRetention();

// Pages and their data carry personal details: no browser or proxy may keep a copy. Resource routes say so themselves.
const NO_STORE = 'no-store';

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  if (!responseHeaders.has('Cache-Control')) responseHeaders.set('Cache-Control', NO_STORE);
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady';
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error, path: new URL(request.url).pathname }, 'render failed');
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Errors Remix caught in a loader, action or render. An unknown address, or a 4xx a route threw on purpose, is not an
 * error: the request line says it. Anything else is written once, with its stack; a request the client abandoned is not.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logger.error({ err: isRouteErrorResponse(error) ? (error as { error?: unknown }).error ?? error : error, path: new URL(request.url).pathname }, 'unhandled error');
};

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', NO_STORE);
  return response;
};
