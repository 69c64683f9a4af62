// The role and desk checkboxes the add form and the edit dialog share.
import { useId } from 'react';
import { ROLES, type Role } from '../../shared/domain.js';
import { ROLE_LABELS } from '../app/format.js';

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? list : [...list, item]) : list.filter((x) => x !== item);
}

export function RoleChecks({ value, onChange }: { value: Role[]; onChange(roles: Role[]): void }) {
  const id = useId();
  return (
    <fieldset className="check-group">
      <legend>Roles</legend>
      {ROLES.map((role) => (
        <label key={role} htmlFor={`${id}-${role}`}>
          <input
            id={`${id}-${role}`}
            type="checkbox"
            checked={value.includes(role)}
            // Keep the roles in the contract's order whatever order they are ticked in.
            onChange={(e) => onChange(ROLES.filter((r) => toggle(value, role, e.target.checked).includes(r)))}
          />
          {ROLE_LABELS[role]}
        </label>
      ))}
    </fieldset>
  );
}

export function DeskChecks({ desks, value, onChange }: { desks: string[]; value: string[]; onChange(desks: string[]): void }) {
  const id = useId();
  return (
    <fieldset className="check-group">
      <legend>Desks</legend>
      {desks.length === 0 ? <p className="muted small">No desks yet.</p> : null}
      {desks.map((desk, i) => (
        <label key={desk} htmlFor={`${id}-${i}`}>
          <input id={`${id}-${i}`} type="checkbox" checked={value.includes(desk)} onChange={(e) => onChange(toggle(value, desk, e.target.checked))} />
          {desk}
        </label>
      ))}
    </fieldset>
  );
}
