import type { CaseDb } from '../../lib/core/db';

/** Saves a stored attachment through the browser's download flow, byte-identical to what was kept. */
export async function downloadAttachment(db: CaseDb, id: string): Promise<void> {
  const attachment = await db.attachments.get(id);
  if (!attachment) return;
  const url = URL.createObjectURL(attachment.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled; keep the URL a little for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
