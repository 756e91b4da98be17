/**
 * The HTTP adapter: serves the built player, its media and the KioskApi as JSON.
 *
 * Used by browser kiosks, by remote monitoring and by the end-to-end tests.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ContentSnapshot } from '../../core/contract.js';
import { mediaType, parseMediaPath } from '../../core/media.js';
import { ValidationError } from '../../core/errors.js';
import { SECURITY_HEADERS } from '../../core/security-policy.js';
import type { ContentStore } from '../content-store.js';
import { dispatch, UnknownCallError } from '../dispatch.js';
import { createHandlers, type HostInfo } from '../handlers.js';

/** What the server serves. */
export interface ServerOptions {
  store: ContentStore;
  dataDir: string;
  assetsDir: string;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  info: HostInfo;
}

/** Build the Fastify app (not yet listening). */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const handlers = createHandlers(store, options.info);
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 1024 * 1024 });

  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  });

  await app.register(fastifyStatic, {
    root: options.rendererDir,
    prefix: '/',
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, file) => {
      // Hashed build assets never change; index.html must always be fresh.
      const hashed = file.includes(`${path.sep}assets${path.sep}`);
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  app.get('/builtin/*', async (request, reply) => serveMedia(request.url, reply));
  app.get('/media/*', async (request, reply) => serveMedia(request.url, reply));

  async function serveMedia(url: string, reply: FastifyReply) {
    const target = parseMediaPath(url.split('?')[0] ?? '');
    const root = target?.root === 'assets' ? options.assetsDir : options.dataDir;
    if (!target || !(await isFile(path.join(root, target.relative)))) {
      return reply.code(404).send({ error: { message: `no such media: ${url}`, problems: [] } });
    }
    reply.type(mediaType(target.relative));
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile(target.relative, root);
  }

  app.post<{ Params: { name: string } }>('/api/call/:name', async (request, reply) => {
    try {
      return await dispatch(handlers, request.params.name, request.body ?? undefined);
    } catch (error) {
      if (error instanceof UnknownCallError) {
        return reply.code(404).send({ error: { message: error.message, problems: [] } });
      }
      if (error instanceof ValidationError) {
        return reply
          .code(400)
          .send({ error: { message: error.message, problems: error.problems } });
      }
      throw error;
    }
  });

  app.get('/api/health', async () => dispatch(handlers, 'health:get', undefined));
  app.get('/api/content', async () => dispatch(handlers, 'content:get', undefined));

  app.get('/api/events', (request, reply) => {
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
    const keepAlive = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
    request.raw.on('close', () => {
      stop();
      clearInterval(keepAlive);
    });
  });

  return app;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
