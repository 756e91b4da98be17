import { describe, expect, it } from 'vitest';
import { parseWebPages, webPagesText } from './web-pages-draft';

describe('the web page allowlist as typed', () => {
  it('reads one site a line, "scripts" after those that may run them', () => {
    const parsed = parseWebPages(
      ' https://Appointments.Example/ scripts\n\nhttp://127.0.0.1:8080\nhttps://appointments.example',
    );
    expect(parsed).toEqual({
      ok: true,
      entries: [
        { origin: 'https://appointments.example', scripts: true },
        { origin: 'http://127.0.0.1:8080', scripts: false },
      ],
    });
    expect(webPagesText(parsed.ok ? parsed.entries : [])).toBe(
      'https://appointments.example scripts\nhttp://127.0.0.1:8080',
    );
  });

  it('names the line of a site with a path, another word or no scheme', () => {
    expect(parseWebPages('https://a.example\nhttps://b.example/visa')).toEqual({
      ok: false,
      message:
        'line 2: "https://b.example/visa" is not a web site such as https://example.org (no path after the name)',
    });
    expect(parseWebPages('https://a.example popups')).toEqual({
      ok: false,
      message: 'line 1: after the site, only the word "scripts" may follow',
    });
    expect(parseWebPages('appointments.example').ok).toBe(false);
  });
});
