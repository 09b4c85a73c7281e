// Answers of the public IMS CASE 1.0 API: JSON bodies, the CASE status envelope for failures, the same headers on each.
import { z } from 'zod';

const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  // Published standards are public: any CASE viewer may read them from a browser. Nothing here uses cookies.
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=60',
};

export function caseJson(body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { ...HEADERS, ...headers } });
}

/** The CASE 1.0 imsx_StatusInfo failure envelope; the description never says more than the request did. */
export function caseError(status: 400 | 404 | 405, description: string, codeMinor: string, field = 'sourcedId'): Response {
  const body = {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: field, imsx_codeMinorFieldValue: codeMinor }] },
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...HEADERS, 'Cache-Control': 'no-store', ...(status === 405 ? { Allow: 'GET, HEAD' } : {}) },
  });
}

export const caseNotFound = (what: string) => caseError(404, `No published ${what} has that sourcedId.`, 'unknownobject');

/** The API is read-only: any other method is refused the same way everywhere. */
export const caseReadOnly = async () => caseError(405, 'This CASE API is read-only.', 'forbidden', 'method');

const Page = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** limit (1–1000, default 100) and offset (default 0) from the query, or the CASE answer to a bad one. */
export function casePage(request: Request): { limit: number; offset: number } | Response {
  const params = new URL(request.url).searchParams;
  const parsed = Page.safeParse({ limit: params.get('limit') ?? undefined, offset: params.get('offset') ?? undefined });
  if (parsed.success) return parsed.data;
  const field = String(parsed.error.issues[0]?.path[0] ?? 'limit');
  return caseError(400, `${field} must be a whole number${field === 'limit' ? ' from 1 to 1000' : ' of 0 or more'}.`, 'invalid_selection_field', field);
}
