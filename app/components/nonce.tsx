// The Content Security Policy nonce of this response, for every script the document renders (see server/security-headers.js).
import { createContext, useContext } from 'react';

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

/** The nonce on the server; in the browser, and under the development server, there is none and none is needed. */
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
