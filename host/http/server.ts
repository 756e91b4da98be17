/**
 * The HTTP adapter: serves the built player, its media and the KioskApi as JSON.
 *
 * Used by browser kiosks, by remote admin over the LAN and by the end-to-end tests.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { CallContext, ContentSnapshot, Handlers } from '#core/contract';
import { failureOf, KioskError, type ErrorCode, type KioskFailure } from '#core/errors';
import { MAX_UPLOAD_CHUNK_BYTES } from '#core/limits';
import { mediaType, parseMediaPath } from '#core/media';
import { SECURITY_HEADERS, securityHeaders } from '#core/security-policy';
import type { ContentStore } from '../content-store.js';
import { KIOSK_SOURCE } from '../auth/lockout.js';
import { dispatchReply } from '../dispatch.js';
import type { AuthPort } from '../ports.js';
import {
  clearSessionCookie,
  isKioskScreen,
  isLocalRequest,
  readSessionId,
  refuse,
  registerSecurityHooks,
  setSessionCookie,
  sourceOf,
} from './security-hooks.js';
import { EventStreams } from './event-streams.js';
import { renderIndexPage } from './index-page.js';

/** What the server serves. */
export interface ServerOptions {
  store: ContentStore;
  auth: AuthPort;
  handlers: Handlers;
  dataDir: string;
  assetsDir: string;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  /** Whether other machines may reach it (remote admin over the LAN). */
  lan: boolean;
  /** The host's log: calls that fail on the host's side (a full disk, a bug) are written there. */
  log?: Logger;
  /** Subscribe to media library changes, pushed to event streams as `media:changed`. */
  mediaChanges?: (listener: () => void) => () => void;
  /** Bounds on open event streams (default: core/security-policy.ts). */
  eventStreams?: EventStreams;
}

/**
 * Largest upload chunk body read in one request: twice the chunk size, so a chunk a little too
 * big still reaches the library and gets the same refusal there as over IPC, while a body far too
 * big is cut off by Fastify at once.
 */
const CHUNK_BODY_LIMIT = 2 * MAX_UPLOAD_CHUNK_BYTES;

/** Build the Fastify app (not yet listening). */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store, auth, handlers } = options;
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: 1024 * 1024,
    // A path the router cannot take (bad %-escapes, a call name over 100 characters).
    frameworkErrors: (error, request, reply) => sendError(reply, requestError(request, error)),
  });

  app.addHook('onSend', async (_request, reply) => {
    // Built per response from the settings now, so a site added to the allowlist frames at once.
    const headers = securityHeaders(store.snapshot().settings.webPages);
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  });
  // Fastify's own refusals of a request (a body that is not JSON, too large, of a type the API
  // does not take) get the same error body as every other refusal, naming the call.
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status !== 'number' || status < 400 || status >= 500) throw error;
    return sendError(reply, requestError(request, error as Error & { code?: string }));
  });
  await registerSecurityHooks(app, {
    lan: options.lan,
    httpsOnlyFromNetwork: options.lan,
    extraHostNames: () => store.snapshot().settings.allowedHostNames,
  });
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: CHUNK_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  await app.register(fastifyStatic, {
    root: options.rendererDir,
    prefix: '/',
    // The page itself is served below, with the current content inside it.
    index: false,
    cacheControl: false,
    setHeaders: (reply, file) => {
      // Hashed build assets never change; index.html must always be fresh.
      const hashed = file.includes(`${path.sep}assets${path.sep}`);
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const indexPage = async (_request: FastifyRequest, reply: FastifyReply) => {
    const html = await renderIndexPage(options.rendererDir, store.snapshot());
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html);
  };
  app.get('/', indexPage);
  app.get('/index.html', indexPage);

  app.get('/builtin/*', async (request, reply) => serveMedia(request.url, reply));
  app.get('/media/*', async (request, reply) => serveMedia(request.url, reply));

  async function serveMedia(url: string, reply: FastifyReply) {
    const target = parseMediaPath(url.split('?')[0] ?? '');
    const root = target?.root === 'assets' ? options.assetsDir : options.dataDir;
    if (!target || !(await isFile(path.join(root, target.relative)))) {
      return sendError(reply, new KioskError('not-found', `no such media: ${url}`));
    }
    reply.type(mediaType(target.relative));
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile(target.relative, root);
  }

  const contextFor = (request: FastifyRequest, reply: FastifyReply): CallContext => ({
    local: isLocalRequest(request),
    source: isKioskScreen(request) ? KIOSK_SOURCE : sourceOf(request),
    sessionId: readSessionId(request),
    startSession: (id) => setSessionCookie(reply, id, request),
    endSession: () => clearSessionCookie(reply, request),
  });
  const isStaff = (context: CallContext) => auth.isUnlocked(context.sessionId);
  const run = async (
    name: string,
    input: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const describe = (error: unknown) => {
      if (!(error instanceof KioskError) || error.code === 'failed') {
        options.log?.error({ call: name, err: error }, 'call failed');
      }
      return httpFailure(error);
    };
    const context = contextFor(request, reply);
    const answer = await dispatchReply(handlers, name, input, context, isStaff, describe);
    return answer.ok ? answer.value : refuse(reply, answer.error);
  };

  app.post<{ Params: { name: string }; Querystring: Record<string, string | undefined> }>(
    '/api/call/:name',
    async (request, reply) => {
      const { name } = request.params;
      // Upload chunks travel as raw bytes, the rest as JSON.
      if (name === 'media:upload-chunk' && Buffer.isBuffer(request.body)) {
        const input = {
          uploadId: request.query.uploadId,
          offset: Number(request.query.offset),
          bytes: request.body,
        };
        return run(name, input, request, reply);
      }
      return run(name, request.body ?? undefined, request, reply);
    },
  );

  app.get('/api/health', async (request, reply) => run('health:get', undefined, request, reply));
  app.get('/api/content', async (request, reply) => run('content:get', undefined, request, reply));

  const streams = options.eventStreams ?? new EventStreams();
  app.get('/api/events', (request, reply) => {
    let close: () => void;
    try {
      close = streams.open(sourceOf(request), isKioskScreen(request));
    } catch (error) {
      return sendError(reply, error);
    }
    reply.hijack();
    reply.raw.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    const send = (snapshot: ContentSnapshot) =>
      reply.raw.write(`event: content:changed\ndata: ${JSON.stringify(snapshot)}\n\n`);
    reply.raw.write(': connected\n\n');
    const stop = store.onChange(send);
    // No data: listeners reload what they show (staff only; the player has no use for it).
    const stopMedia = options.mediaChanges?.(() =>
      reply.raw.write('event: media:changed\ndata: {}\n\n'),
    );
    const keepAlive = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
    reply.raw.on('close', close);
    request.raw.on('close', () => {
      close();
      stop();
      stopMedia?.();
      clearInterval(keepAlive);
    });
  });

  return app;
}

/** Any error as the failure HTTP callers see: an unexpected one without its internals. */
function httpFailure(error: unknown): KioskFailure {
  if (!(error instanceof KioskError)) console.error(error);
  return failureOf(error, 'The kiosk could not do that (an internal error).');
}

/** Send an error as `{ error: KioskFailure }` with its HTTP status. */
function sendError(reply: FastifyReply, error: unknown) {
  return refuse(reply, httpFailure(error));
}

/** A request Fastify refused before any call ran, as a KioskError naming the call (or path). */
function requestError(request: FastifyRequest, error: Error & { code?: string }): KioskError {
  const name = (request.params as { name?: unknown } | null | undefined)?.name;
  const source = typeof name === 'string' ? name : (request.url.split('?')[0] ?? '');
  const [code, message] = describeRequestError(error, request.headers['content-type']);
  return new KioskError(code, message, [{ source, path: '$', message }]);
}

function describeRequestError(
  error: Error & { code?: string },
  type: string | undefined,
): [ErrorCode, string] {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return [
        'invalid-input',
        'The body is not valid JSON, or has a "__proto__" or "constructor.prototype" key.',
      ];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return ['invalid-input', 'The body is empty, but its Content-Type says JSON.'];
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return ['too-large', `${error.message}.`];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return ['unsupported-type', `${error.message}: send JSON, not ${JSON.stringify(type)}.`];
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return ['unknown-call', 'unknown call: call names are at most 100 characters'];
    default:
      return ['invalid-input', error.message];
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
