// What the HTTP server passes to every loader and action.
import '@remix-run/node';

declare module '@remix-run/node' {
  interface AppLoadContext {
    clientAddress?: string;
    /** This response's script nonce, set by the production server's security headers. */
    cspNonce?: string;
  }
}
