import type { FastifyReply } from 'fastify';

/** A stored file as a route sends it (an attachment, a courseware PDF, a photo). */
export interface SentFile {
  contentType: string;
  size: number;
  body: unknown;
  /** The person's file name; with it the answer names the file (RFC 5987, so Chinese names survive). */
  name?: string;
}

/**
 * Sends a stored file with its type and length, never sniffed as anything else, and by default
 * private and uncached (children's and schools' files must not sit in a shared cache). A named
 * file is a download (`attachment`) unless shown in place (`inline`).
 */
export function sendFile(reply: FastifyReply, f: SentFile, opts: { disposition?: 'inline' | 'attachment'; cache?: string } = {}) {
  reply.header('content-type', f.contentType).header('content-length', String(f.size))
    .header('cache-control', opts.cache ?? 'private, no-store')
    .header('x-content-type-options', 'nosniff');
  if (f.name) reply.header('content-disposition', `${opts.disposition ?? 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`);
  return reply.send(f.body);
}
