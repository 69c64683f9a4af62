// A new password typed twice, with the rule it must meet said under it. Used by the setup form
// and by "Change password" on the account screen.
import { useId } from 'react';
import { NEW_PASSWORD_HINT } from './passwords.js';

export function NewPasswordFields({
  password,
  repeat,
  onPassword,
  onRepeat,
  invalid,
}: {
  password: string;
  repeat: string;
  onPassword(value: string): void;
  onRepeat(value: string): void;
  invalid: boolean;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-new`}>New password</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          value={password}
          aria-describedby={`${id}-hint`}
          aria-invalid={invalid ? true : undefined}
          onChange={(e) => onPassword(e.target.value)}
        />
        <p id={`${id}-hint`} className="muted small field-hint">
          {NEW_PASSWORD_HINT}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>Repeat the new password</label>
        <input
          id={`${id}-repeat`}
          type="password"
          autoComplete="new-password"
          value={repeat}
          aria-invalid={invalid ? true : undefined}
          onChange={(e) => onRepeat(e.target.value)}
        />
      </div>
    </>
  );
}
