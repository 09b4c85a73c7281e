// The URN a file's name stands for, so that "ASTH325-v3.txt", "asth325.txt" and "ASTH325 (1).pdf" all read as ASTH325.

const EXTENSION = /\.[a-z0-9]{1,5}$/i;
// A copy marker a browser or a file manager adds: "ASTH325 (1)", "ASTH325 - Copy", "ASTH325 copy 2".
const COPY_MARKER = /(\s*\(\d+\)|[\s_-]+(-\s*)?copy(\s*\d+)?)$/i;
// A version written after the URN: "-v3", "_v1.2", " version 2", "-final".
const VERSION_SUFFIX = /[\s_-]+(v|version)[\s_-]*\d+(\.\d+)*$|[\s_-]+(final|draft)$/i;

/** The name with its extension, copy markers and version suffix taken off and spaces trimmed; case is kept. */
export function urnFromSourceName(name: string): string {
  let rest = name.trim().replace(EXTENSION, '').trim();
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(COPY_MARKER, '').replace(VERSION_SUFFIX, '').trim();
  }
  return rest;
}

/** Whether a file's name really names another standard than `urn` (not just another case, copy or version of it). */
export function sourceNameDiffersFromUrn(name: string, urn: string, looksLikeUrn: (value: string) => boolean): boolean {
  const named = urnFromSourceName(name);
  return looksLikeUrn(named) && named.toUpperCase() !== urn.trim().toUpperCase();
}
