const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Pages in the package run no script and load nothing, even if a snapshot were to slip past the sanitizer. */
export const PACKAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;max-width:60rem;padding:1.5rem;color:#1a1a1a;background:#fff}
h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
.provenance{background:#f3f5f8;border:1px solid #d5dbe3;padding:.75rem 1rem;margin-bottom:1rem;font-size:.9rem}
.provenance dt{font-weight:600;float:left;clear:left;width:11rem}.provenance dd{margin:0 0 .2rem 11rem;overflow-wrap:anywhere}
.notice{font-size:.9rem;color:#444}.snapshot{border-top:2px solid #d5dbe3;padding-top:1rem;overflow-x:auto}
.flag{font-weight:700;color:#8a1c1c}.wide{overflow-x:auto}:focus-visible{outline:3px solid #1a56a0;outline-offset:2px}h3{font-size:1.05rem;margin-top:1.25rem}@media print{body{max-width:none}}`;

export function htmlPage(title: string, body: string, lang = 'en'): string {
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PACKAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}
