import { useEffect, useState } from 'preact/hooks';
import { send, type ClipProgress, type RecordSummary } from '../../lib/core/messaging';

type SendMessage = (message: unknown) => Promise<unknown>;

/** A capture of several records held by the background until the patient picks which to keep. */
export interface ClipPreview {
  token: string;
  records: RecordSummary[];
}

/**
 * The panel's side of a clip: ask the background to capture the tab, show a preview when the page holds several
 * records, save or discard it. No permission prompt here: the clip runs on the toolbar click's grant (activeTab)
 * or a standing grant; standing access is asked for only from "Always allow", when the patient chooses it.
 */
export function useClipActions(sendMessage: SendMessage, tabId: number | null, afterClip: () => void) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ClipProgress | undefined>(undefined);
  const [preview, setPreview] = useState<ClipPreview | null>(null);

  const discard = () => {
    if (preview) void send(sendMessage, 'clip/discard', { token: preview.token });
    setPreview(null);
  };

  const onClip = (selectionOnly: boolean) => {
    if (tabId === null) return;
    setBusy(true);
    setProgress({ phase: 'reading' });
    discard();
    void send(sendMessage, 'clip/preview', { tabId, selectionOnly })
      .then((reply) => {
        if (reply.ok && !reply.data.saved) setPreview({ token: reply.data.token, records: reply.data.records });
      })
      .finally(() => {
        setBusy(false);
        setProgress(undefined);
        afterClip();
      });
  };

  // While the user decides, ask after the pending capture: this keeps the background's service worker
  // (which holds it in memory) from being stopped as idle, and drops a preview that is gone.
  useEffect(() => {
    if (!preview) return;
    const timer = setInterval(() => {
      void send(sendMessage, 'clip/pending', { token: preview.token }).then((reply) => {
        if (reply.ok && !reply.data.alive) setPreview(null);
      });
    }, 15_000);
    return () => clearInterval(timer);
  }, [preview?.token]);

  const onSavePreview = (indexes: number[]) => {
    if (!preview) return;
    const { token } = preview;
    setPreview(null);
    setBusy(true);
    setProgress({ phase: 'saving' });
    void send(sendMessage, 'clip/save', { token, indexes }).finally(() => {
      setBusy(false);
      setProgress(undefined);
    });
  };

  return { busy, progress, setProgress, preview, onClip, onSavePreview, onCancelPreview: discard };
}
