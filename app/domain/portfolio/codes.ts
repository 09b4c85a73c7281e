// Verification codes of issued documents: 16 Crockford base32 characters (80 random bits), printed in groups of four,
// read back whatever the case, the hyphens or the letters people confuse with digits (O for 0, I and L for 1).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;

/** A new code: 10 random bytes as 16 base32 characters. */
export function newVerificationCode(): string {
  // Web Crypto (a CSPRNG in Node and browsers alike): this module is shared with the verification page.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(10));
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code;
}

/** ABCD-EFGH-JKMN-PQRS: how the code is printed for people to type. */
export function groupedCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** The code as stored, from what someone typed or followed; null when it cannot be one. */
export function normaliseCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return code.length === CODE_LENGTH && [...code].every((character) => ALPHABET.includes(character)) ? code : null;
}
