import { PACKAGE_CSP } from '../lib/export/html';

/**
 * Shows a stored snapshot: an iframe with an empty sandbox (no script, no forms, no navigation of the
 * panel) and a CSP that allows no network at all; images only from data: URLs.
 */
export function SnapshotFrame({ html, title }: { html: string; title: string }) {
  const doc = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PACKAGE_CSP}"><style>body{font:14px/1.4 system-ui,sans-serif;margin:8px;color:#111;background:#fff}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 4px}span+span{margin-left:.3em}</style></head><body>${html}</body></html>`;
  return <iframe class="snapshot" sandbox="" srcdoc={doc} title={title} data-testid="record-snapshot" />;
}
