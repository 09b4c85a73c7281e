// What the HTTP server passes to every loader and action.
import '@remix-run/node';

declare module '@remix-run/node' {
  interface AppLoadContext {
    clientAddress?: string;
  }
}
