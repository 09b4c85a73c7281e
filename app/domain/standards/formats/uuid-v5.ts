// Name-based (version 5, SHA-1) UUIDs, so exported CASE identifiers are the same every time a standard is exported.
import { createHash } from 'node:crypto';

/** Fixed namespace for NOSfolio identifiers; changing it would change every exported CASE identifier. */
export const NOSFOLIO_UUID_NAMESPACE = '895cf70a-4f3f-4e90-828c-b07edc38e5b4';

/** RFC 4122 §4.3: SHA-1 of namespace bytes + name, with the version and variant bits set. */
export function uuidV5(name: string, namespace: string = NOSFOLIO_UUID_NAMESPACE): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new Error(`Not a UUID namespace: ${namespace}`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
