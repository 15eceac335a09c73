import { describe, expect, it } from 'vitest';
import { displayedImageSource, findEmbeddedDocuments, isPlaceholderImage } from '../../../lib/attachments';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const url = new URL('https://portal.example.org/viewer/1');
const outcomes = (html: string) => findEmbeddedDocuments(page(html), url).map((e) => e.outcome);

describe('findEmbeddedDocuments', () => {
  it('fetches PDFs and images in embed and object on the page origin, by data: and same-origin blob: URLs', () => {
    expect(
      outcomes(`<main>
        <embed src="/docs/report.pdf" type="application/pdf">
        <object data="/docs/scan?id=7" type="image/png" title="Scanned letter"><embed src="/docs/scan?id=7"></object>
        <embed src="blob:https://portal.example.org/4f1c" title="Consent form">
        <embed src="data:application/pdf;base64,JVBERi0=">
      </main>`),
    ).toEqual([
      {
        fetch: {
          url: 'https://portal.example.org/docs/report.pdf',
          name: 'report.pdf',
          source: 'embedded',
          expectFile: true,
        },
      },
      {
        fetch: {
          url: 'https://portal.example.org/docs/scan?id=7',
          name: 'Scanned letter',
          source: 'embedded',
          expectFile: true,
        },
      },
      {
        fetch: {
          url: 'blob:https://portal.example.org/4f1c',
          name: 'Consent form',
          source: 'embedded',
          expectFile: true,
        },
      },
      {
        fetch: {
          url: 'data:application/pdf;base64,JVBERi0=',
          name: 'embedded document',
          source: 'embedded',
          expectFile: true,
        },
      },
    ]);
  });

  it('never sends the session elsewhere: other origins (and their blob: URLs) are reported', () => {
    expect(
      outcomes(`<main>
        <embed src="https://docs.example.com/a/report.pdf" type="application/pdf">
        <iframe src="https://viewer.example.com/study.pdf"></iframe>
        <object data="blob:https://docs.example.com/9a" type="application/pdf"></object>
      </main>`),
    ).toEqual([
      { problem: 'cross-origin', name: 'report.pdf' },
      { problem: 'cross-origin', name: 'study.pdf' },
      { problem: 'cross-origin', name: 'embedded document' },
    ]);
  });

  it('leaves ordinary frames (an app page, about:blank) to the page composition', () => {
    expect(
      outcomes(`<main>
        <iframe src="https://video.example.com/embed/42"></iframe>
        <iframe src="about:blank"></iframe>
        <iframe></iframe>
      </main>`),
    ).toEqual([]);
  });
});

describe('the image the user sees', () => {
  const img = (html: string) => page(html).querySelector('img')!;
  it('resolves the three lazy-loading attributes when a placeholder is shown', () => {
    expect(displayedImageSource(img('<img src="/img/spacer.gif" data-src="/scan/1.png">'))).toBe('/scan/1.png');
    expect(displayedImageSource(img('<img src="/blank.gif" data-lazy-src="/scan/2.png">'))).toBe('/scan/2.png');
    expect(
      displayedImageSource(
        img(
          '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-original="/3.png">',
        ),
      ),
    ).toBe('/3.png');
    expect(displayedImageSource(img('<img data-src="/scan/4.png">'))).toBe('/scan/4.png');
  });

  it('keeps a real src even when lazy attributes are present, and drops placeholders with nothing behind them', () => {
    expect(displayedImageSource(img('<img src="/scan/shown.png" data-src="/scan/other.png">'))).toBe('/scan/shown.png');
    expect(displayedImageSource(img('<img src="/img/spacer.gif">'))).toBeNull();
    expect(displayedImageSource(img('<img src="/track.png" width="1" height="1">'))).toBeNull();
    expect(isPlaceholderImage(img('<img src="/x/1x1.png">'))).toBe(true);
    expect(isPlaceholderImage(img('<img src="/x/chart.png">'))).toBe(false);
  });
});
