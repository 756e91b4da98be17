import { describe, expect, it } from 'vitest';
import { looksLikeSrt, SrtError, srtToVtt } from './srt';

const SAMPLE = [
  '1',
  '00:00:01,000 --> 00:00:04,250',
  'Welcome to the embassy',
  '',
  '2',
  '00:00:04,500 --> 00:01:02,005',
  '<i>Visas</i> on the <font color="#ffff00">first</font> floor',
  'Second line',
  '',
].join('\n');

function errorOf(text: string): SrtError {
  try {
    srtToVtt(text);
  } catch (error) {
    if (error instanceof SrtError) return error;
    throw error;
  }
  throw new Error('expected an SrtError');
}

describe('srtToVtt', () => {
  it('writes a WebVTT header, dots in times, and keeps the numbering as cue ids', () => {
    expect(srtToVtt(SAMPLE)).toBe(
      [
        'WEBVTT',
        '',
        '1',
        '00:00:01.000 --> 00:00:04.250',
        'Welcome to the embassy',
        '',
        '2',
        '00:00:04.500 --> 00:01:02.005',
        '<i>Visas</i> on the first floor',
        'Second line',
        '',
      ].join('\n'),
    );
  });

  it('reads CRLF line ends and a byte-order mark', () => {
    expect(srtToVtt(`\uFEFF${SAMPLE.replace(/\n/g, '\r\n')}`)).toBe(srtToVtt(SAMPLE));
  });

  it('accepts cues without numbers, short fields and blank lines before the first cue', () => {
    expect(srtToVtt('\n\n0:0:1,5 --> 0:00:02,000\nHi\n')).toBe(
      'WEBVTT\n\n00:00:01.500 --> 00:00:02.000\nHi\n',
    );
  });

  it('drops SubRip positions and ASS tags, and escapes what WebVTT reads as markup', () => {
    const vtt = srtToVtt(
      '1\n00:00:01,000 --> 00:00:02,000 X1:10 X2:20 Y1:5 Y2:9\n{\\an8}Fish & <b>chips</b> < 5 €\n',
    );
    expect(vtt).toBe(
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nFish &amp; <b>chips</b> &lt; 5 €\n',
    );
  });

  it('says which line has bad times', () => {
    const error = errorOf('1\n00:00:01,000 --> 00:00:02,000\nOK\n\n2\n00:00:03 -> 00:00:04\nBad\n');
    expect(error.line).toBe(6);
    expect(error.message).toBe(
      'line 6: expected cue times such as "00:00:01,000 --> 00:00:04,000", found "00:00:03 -> 00:00:04"',
    );
  });

  it('refuses a cue that ends before it starts, and minutes past 59', () => {
    expect(errorOf('1\n00:00:05,000 --> 00:00:04,000\nBack\n').message).toBe(
      'line 2: the cue ends before it starts (or at the same time)',
    );
    expect(errorOf('\n\n00:61:00,000 --> 00:62:00,000\nX\n').line).toBe(3);
  });

  it('refuses a number with no times after it, and a file with no cues', () => {
    expect(errorOf('1\n\nHello\n').line).toBe(2);
    expect(errorOf('\n \n').message).toBe('line 1: no captions found: the file has no cues');
  });
});

describe('looksLikeSrt', () => {
  it('knows SubRip from other text', () => {
    expect(looksLikeSrt(SAMPLE)).toBe(true);
    expect(looksLikeSrt(`\uFEFF\r\n${SAMPLE.replace(/\n/g, '\r\n')}`)).toBe(true);
    expect(looksLikeSrt('00:00:01,000 --> 00:00:02,000\nHi')).toBe(true);
    expect(looksLikeSrt('WEBVTT\n\n00:01.000 --> 00:02.000\nHi')).toBe(false);
    expect(looksLikeSrt('just some text\n')).toBe(false);
    expect(looksLikeSrt('')).toBe(false);
  });
});
