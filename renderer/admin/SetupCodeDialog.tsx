// A person's setup code, shown once: the code, until when it works, a way to copy it, and what to
// tell the person. The core keeps no way to show it again (a new one means a reset).
import { useId, useState } from 'react';
import type { SetupCode } from '../../shared/domain.js';
import { transport } from '../api/client.js';
import { fullTime } from '../app/format.js';
import { Dialog } from '../ui/Dialog.js';

/** Where the person opens Newsdesk: this page's address in a browser; on the desktop, the app. */
function whereToOpen(): string {
  if (transport === 'ipc') return 'open Newsdesk on this computer';
  return `open ${location.origin}${location.pathname}`;
}

export function SetupCodeDialog({ name, setup, reset, onClose }: { name: string; setup: SetupCode; reset: boolean; onClose(): void }) {
  const id = useId();
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(setup.code);
      setCopied('Code copied.');
    } catch {
      setCopied('Could not copy: select the code and copy it yourself.');
    }
  };
  return (
    <Dialog title={`Setup code for ${name}`} onClose={onClose}>
      <p>{reset ? `${name}’s password was reset and they were signed out everywhere.` : `${name} was added.`} This code is shown only once.</p>
      <div className="setup-code-box">
        <span id={`${id}-label`} className="setup-code-label">
          Setup code
        </span>
        <output className="setup-code" aria-labelledby={`${id}-label`}>
          {setup.code}
        </output>
        <button type="button" onClick={() => void copy()} data-autofocus>
          Copy code
        </button>
      </div>
      <p className="muted">
        Valid until <time dateTime={setup.expiresAt}>{fullTime(setup.expiresAt)}</time>.
      </p>
      <p>
        Tell {name}: {whereToOpen()}, choose <strong>“I have a setup code”</strong>, type this code and choose a password.
      </p>
      <p className="admin-notice" role="status">
        {copied}
      </p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
