// Serves an evidence file only to someone who may read the evidence: a download, or inline for images and PDFs.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { getEvidenceFile } from '#app/domain/evidence.server.ts';
import { requireActor } from '#app/utils/auth.server.ts';
import { fileStore } from '#app/utils/file-store.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const fileId = z.coerce.number().int().positive().safeParse(params.fileId);
  if (!fileId.success) throw new Response('Not found', { status: 404 });
  const file = await getEvidenceFile(actor, fileId.data);
  const inline = new URL(request.url).searchParams.get('inline') === '1' && INLINE_TYPES.has(file.mediaType);
  const body = await fileStore().read(file.storedName);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(body.byteLength),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'private, no-store',
      // Chromium's PDF viewer does not run in a sandboxed document; everything else is sandboxed.
      ...(file.mediaType === 'application/pdf' ? {} : { 'Content-Security-Policy': "default-src 'none'; sandbox" }),
    },
  });
});
