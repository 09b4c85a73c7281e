// Password hashing with argon2id (OWASP's first choice), and a decoy for unknown accounts.
import argon2 from 'argon2';


export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

let decoyHash: Promise<string> | undefined;

/** Verifies against the stored hash, or a decoy when there is none, so timing never reveals an account. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const hash = storedHash ?? (await decoyHash);
  const matches = await argon2.verify(hash, password).catch(() => false);
  return storedHash !== null && matches;
}
