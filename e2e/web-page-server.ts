/**
 * A stand-in web site on loopback for web page slides: `/page` answers with a small page (counting
 * each load), `/hang` never answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The running stand-in site. */
export interface WebSite {
  origin: string;
  /** How many times `/page` was loaded. */
  loads(): number;
  close(): Promise<void>;
}

/** Start the stand-in site on 127.0.0.1 with a port of its own. */
export async function startWebSite(): Promise<WebSite> {
  let loads = 0;
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    if (request.url === '/hang') {
      hanging.add(response);
      return;
    }
    if (request.url !== '/page') {
      response.writeHead(404).end();
      return;
    }
    // The player asks with HEAD whether the site answers before it frames the page.
    if (request.method === 'HEAD') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end();
      return;
    }
    loads++;
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>Appointments</title>
<style>body{font:32px sans-serif;margin:0;padding:48px;background:#fff;color:#111}</style></head>
<body><h1>Consular appointments</h1><p>Load number ${loads}.</p>
<p>Monday to Friday, 9:00 to 12:00.</p></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    loads: () => loads,
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
