import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../serve.js';
import { tempDir } from '../test-helpers.js';

let running: RunningHost | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

async function host() {
  const dataDir = await tempDir();
  running = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
  return { url: running.url, dataDir };
}

describe('HTTP adapter', () => {
  it('answers contract calls and validates their input', async () => {
    const { url } = await host();
    const ok = await fetch(`${url}/api/call/content:get`, { method: 'POST' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).playlist.id).toBe('openness');

    const bad = await fetch(`${url}/api/call/content:get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ x: 1 }),
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.problems[0]).toMatchObject({ source: 'content:get', path: '$' });

    const unknown = await fetch(`${url}/api/call/files:delete`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe('unknown call "files:delete"');
  });

  it('serves shipped art and nothing outside the media folders', async () => {
    const { url } = await host();
    const art = await fetch(`${url}/builtin/art/intro.svg`);
    expect(art.status).toBe(200);
    expect(art.headers.get('content-type')).toBe('image/svg+xml');
    expect(art.headers.get('content-security-policy')).toContain("default-src 'self'");
    for (const bad of [
      '/builtin/art/../../package.json',
      '/builtin/art/%2e%2e/%2e%2e/package.json',
      '/media/..%2fsettings.json',
      '/builtin/content/content.json',
      `/media/${'a'.repeat(64)}.png`,
    ]) {
      const response = await fetch(`${url}${bad}`);
      expect(response.status, bad).toBe(404);
    }
  });

  it('pushes a content change to event-stream subscribers', async () => {
    const { url, dataDir } = await host();
    const controller = new AbortController();
    const response = await fetch(`${url}/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    const file = path.join(dataDir, 'settings.json');
    const settings = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...settings, defaultLanguage: 'de' }));
    let text = '';
    while (!text.includes('\n\n') || !text.includes('content:changed')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('event: content:changed');
    const data = JSON.parse(/data: (.*)/.exec(text)![1]!);
    expect(data.settings.defaultLanguage).toBe('de');
    controller.abort();
  });

  it('reports health, including problems found on disk', async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, 'settings.json'), '{"countdownSec": "x"}');
    running = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
    const health = await (await fetch(`${running.url}/api/health`)).json();
    expect(health.ok).toBe(false);
    expect(health.problems[0]).toMatchObject({ source: 'settings.json', path: '$.countdownSec' });
    expect(health.currentSlide).toBeNull();
  });

  it('reports the slide the player says it shows, with its title', async () => {
    running = await startHost({ dataDir: await tempDir(), port: 0, host: '127.0.0.1' });
    const get = await fetch(`${running.url}/api/call/content:get`, { method: 'POST' });
    const { content } = await get.json();
    const [list] = content.playlists;
    const slide = list.slides[1];
    const since = new Date().toISOString();
    const now = { playlistId: list.id, slideId: slide.id, lang: 'fr', since };
    const told = await fetch(`${running.url}/api/call/player:showing`, post(now));
    expect(told.status).toBe(200);
    const health = await (await fetch(`${running.url}/api/health`)).json();
    expect(health.currentSlide).toEqual({ ...now, title: slide.title.fr });

    const bad = await fetch(`${running.url}/api/call/player:showing`, post({ ...now, since: 'x' }));
    expect(bad.status).toBe(400);
  });
});
