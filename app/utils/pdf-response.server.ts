// A generated PDF as a download: attachment, never cached, its length and name given.
export function pdfDownload(file: { bytes: Uint8Array; fileName: string }): Response {
  const asciiName = file.fileName.replace(/[^\x20-\x7e]|"/g, '_');
  return new Response(new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
