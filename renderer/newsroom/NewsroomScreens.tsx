// Where the chooser shows: the whole window on a desktop's first run, a dialog over the app from
// File ▸ Newsroom… (or "Newsroom…"), and the warning that stops everything when the server's
// certificate changed since it was trusted.
import { useEffect, useState } from 'react';
import type { DesktopStatus } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { Dialog } from '../ui/Dialog.js';
import { certificateOf, type CertificateDetails } from './certificate.js';
import { useDesktop } from './desktopStore.js';
import { CertificateChanged, NewsroomChooser } from './NewsroomChooser.js';

type Chosen = (status: DesktopStatus, signedIn: boolean) => void;

/** The first run: a newsroom must be chosen before anything else. */
export function FirstRunScreen({ onChosen }: { onChosen: Chosen }) {
  const status = useDesktop((s) => s.status);
  return (
    <main className="signin">
      <div className="signin-card">
        <h1>Welcome to Newsdesk</h1>
        <NewsroomChooser status={status} onChosen={onChosen} onCancel={null} />
      </div>
    </main>
  );
}

/** File ▸ Newsroom… over the app. */
export function ChooserDialog({ onChosen }: { onChosen: Chosen }) {
  const status = useDesktop((s) => s.status);
  const close = () => useDesktop.getState().setChoosing(false);
  return (
    <Dialog title="Newsroom" onClose={close}>
      <NewsroomChooser status={status} onChosen={onChosen} onCancel={close} />
    </Dialog>
  );
}

/**
 * The server shows another certificate than the one trusted: nothing is sent until the person
 * chooses a newsroom again. The certificate shown now comes with any call's refusal.
 */
export function CertificateChangedScreen({ status }: { status: DesktopStatus }) {
  const [cert, setCert] = useState<CertificateDetails | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.session.access({}).catch((e: unknown) => {
      const ui = toUiError(e);
      if (!cancelled && ui.code === 'UNTRUSTED_CERTIFICATE') setCert(certificateOf(ui.details));
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <main className="signin">
      <div className="signin-card">
        <h1>Newsdesk</h1>
        <CertificateChanged url={status.server?.url ?? ''} cert={cert} pinned={cert?.pinned ?? status.server?.pinnedFingerprint ?? null}>
          <div className="row-actions">
            <button type="button" className="primary" onClick={() => useDesktop.getState().setChoosing(true)}>
              Choose a newsroom…
            </button>
          </div>
        </CertificateChanged>
      </div>
    </main>
  );
}
