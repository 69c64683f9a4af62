// Choosing this app's newsroom (first run, File ▸ Newsroom…, or "Newsroom…" in a browser on a
// desktop): this computer only, or a newsroom server with the person's e-mail and password. The
// server is checked (desktop.choose) before the password goes anywhere: a certificate no
// authority this computer trusts signed is shown by its fingerprint for the person to trust once;
// a certificate other than the one trusted before is a warning, and nothing is sent.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { DesktopStatus } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { fullTime } from '../app/format.js';
import { signedInAs } from '../signin/signedInAs.js';
import { certificateOf, serverUrl, type CertificateDetails } from './certificate.js';
import { useDesktop } from './desktopStore.js';
import { Fingerprint } from './Fingerprint.js';

type Choice = 'local' | 'connected';
type Step = { kind: 'form' } | { kind: 'trust'; url: string; cert: CertificateDetails } | { kind: 'changed'; url: string; cert: CertificateDetails };

export interface ChooserProps {
  /** The status before choosing (what is chosen now, if anything). */
  status: DesktopStatus | null;
  /** Chosen (and, for a server, signed in): the app starts again on the newsroom chosen. */
  onChosen(status: DesktopStatus, signedIn: boolean): void;
  /** Null on the first run: a newsroom must be chosen. */
  onCancel: (() => void) | null;
}

export function NewsroomChooser({ status, onChosen, onCancel }: ChooserProps) {
  const id = useId();
  const [choice, setChoice] = useState<Choice>(status?.mode === 'connected' ? 'connected' : 'local');
  const [address, setAddress] = useState(status?.server?.url ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Connects (trusting `fingerprint` when given), then signs in; a certificate to decide on moves to its step. */
  const connect = async (url: string, trustFingerprint?: string) => {
    setBusy(true);
    setError(null);
    try {
      let chosen: DesktopStatus;
      try {
        chosen = await api.desktop.choose(trustFingerprint ? { mode: 'connected', url, trustFingerprint } : { mode: 'connected', url });
      } catch (e) {
        const ui = toUiError(e);
        const cert = ui.code === 'UNTRUSTED_CERTIFICATE' ? certificateOf(ui.details) : null;
        if (cert) {
          setStep({ kind: cert.changed ? 'changed' : 'trust', url, cert });
          return;
        }
        throw e;
      }
      useDesktop.getState().setStatus(chosen);
      setStep({ kind: 'form' });
      const { staff } = await api.session.signIn({ email: email.trim(), password });
      setPassword('');
      await signedInAs(staff);
      onChosen(chosen, true);
    } catch (e) {
      setStep({ kind: 'form' });
      setError(toUiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (choice === 'local') {
      setBusy(true);
      try {
        const chosen = await api.desktop.choose({ mode: 'local' });
        useDesktop.getState().setStatus(chosen);
        onChosen(chosen, false);
      } catch (err) {
        setError(toUiError(err).message);
      } finally {
        setBusy(false);
      }
      return;
    }
    const url = serverUrl(address);
    if (!url) return setError('Enter the newsroom server’s address, such as https://newsroom.example.org.');
    if (!email.trim()) return setError('Enter your e-mail address.');
    if (!password) return setError('Enter your password.');
    await connect(url);
  };

  if (step.kind === 'trust') {
    return (
      <TrustPrompt url={step.url} cert={step.cert} busy={busy} onTrust={() => void connect(step.url, step.cert.fingerprint)} onCancel={() => setStep({ kind: 'form' })} />
    );
  }
  if (step.kind === 'changed') {
    return (
      <CertificateChanged url={step.url} cert={step.cert} pinned={step.cert.pinned ?? status?.server?.pinnedFingerprint ?? null}>
        <div className="row-actions">
          <button type="button" className="primary" data-autofocus onClick={() => setStep({ kind: 'form' })}>
            Go back
          </button>
          <button type="button" className="danger-outline" disabled={busy} onClick={() => void connect(step.url, step.cert.fingerprint)}>
            Trust the new certificate
          </button>
        </div>
      </CertificateChanged>
    );
  }

  return (
    <form className="chooser" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`${id}-title`}>Choose your newsroom</h2>
      <p className="muted">Where do the stories you write on this computer live?</p>
      <fieldset className="chooser-options">
        <legend className="sr-only">Newsroom</legend>
        <label className={choice === 'local' ? 'chooser-option chooser-option-on' : 'chooser-option'}>
          <input type="radio" name={`${id}-choice`} value="local" checked={choice === 'local'} onChange={() => setChoice('local')} aria-describedby={`${id}-local`} />
          <span className="chooser-option-title">This computer only</span>
          <span id={`${id}-local`} className="chooser-option-text">
            A newsroom of its own on this computer. Nothing is sent anywhere.
          </span>
        </label>
        <label className={choice === 'connected' ? 'chooser-option chooser-option-on' : 'chooser-option'}>
          <input
            type="radio"
            name={`${id}-choice`}
            value="connected"
            checked={choice === 'connected'}
            onChange={() => setChoice('connected')}
            aria-describedby={`${id}-connected`}
          />
          <span className="chooser-option-title">Connect to a newsroom server</span>
          <span id={`${id}-connected`} className="chooser-option-text">
            Work with your desk. You can keep writing when the network goes; your changes are sent when it is back.
          </span>
        </label>
      </fieldset>
      {choice === 'connected' ? (
        <div className="chooser-server">
          <div className="field">
            <label htmlFor={`${id}-address`}>Server address</label>
            <input
              id={`${id}-address`}
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              placeholder="https://newsroom.example.org"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>E-mail</label>
            <input id={`${id}-email`} type="email" autoComplete="username" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="primary" disabled={busy}>
          {choice === 'local' ? 'Use this computer' : busy ? 'Connecting…' : 'Connect and sign in'}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The certificate of a server no authority this computer trusts vouches for: trusted once, by its fingerprint. */
export function TrustPrompt({ url, cert, busy, onTrust, onCancel }: { url: string; cert: CertificateDetails; busy: boolean; onTrust(): void; onCancel(): void }) {
  const id = useId();
  return (
    <section className="chooser" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Check this server’s certificate</h2>
      <p>
        The server at <strong className="chooser-url">{url}</strong> uses a certificate that no authority this computer trusts has signed. Trust it only if its
        fingerprint is the one your newsroom gave you.
      </p>
      <p className="banner banner-warning chooser-check">Check this fingerprint with your newsroom’s IT person.</p>
      <Fingerprint label="SHA-256 fingerprint" value={cert.fingerprint} />
      <dl className="chooser-cert">
        {cert.subject ? (
          <>
            <dt>Issued to</dt>
            <dd>{cert.subject}</dd>
          </>
        ) : null}
        {cert.validTo ? (
          <>
            <dt>Expires</dt>
            <dd>{fullTime(cert.validTo) || cert.validTo}</dd>
          </>
        ) : null}
      </dl>
      <div className="row-actions">
        <button type="button" className="primary" disabled={busy} onClick={onTrust}>
          Trust this certificate
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** The server shows another certificate than the one trusted: possibly someone in between. Nothing was sent. */
export function CertificateChanged({ url, cert, pinned, children }: { url: string; cert: CertificateDetails | null; pinned: string | null; children?: ReactNode }) {
  const id = useId();
  return (
    <section className="chooser" aria-labelledby={`${id}-title`}>
      <div className="banner banner-error" role="alert">
        <h2 id={`${id}-title`}>The server’s certificate has changed</h2>
        <p>
          The newsroom server at <strong className="chooser-url">{url}</strong> now shows a different certificate from the one this computer trusted. Someone may be
          intercepting the connection. Nothing was sent to it: not your password, not your changes, which stay on this computer.
        </p>
        <p>Ask your newsroom’s IT person whether the certificate was replaced before you go on.</p>
      </div>
      {pinned ? <Fingerprint label="Trusted before" value={pinned} /> : null}
      {cert ? <Fingerprint label="Shown now" value={cert.fingerprint} /> : null}
      {children}
    </section>
  );
}
