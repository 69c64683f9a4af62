// A demo newsroom says its one password plainly and lists whom to sign in as; choosing a person
// fills the form, and the focus moves to "Sign in". A real newsroom lists nobody before sign-in.
import { useId } from 'react';
import type { NewsroomAccess } from '../../shared/domain.js';
import { ROLE_LABELS } from '../app/format.js';

export function DemoAccounts({ access, onChoose }: { access: NewsroomAccess; onChoose(email: string, password: string): void }) {
  const id = useId();
  const password = access.demoPassword ?? '';
  return (
    <section className="signin-demo" aria-labelledby={`${id}-title`}>
      <p className="signin-demo-note">
        Demo newsroom: every account’s password is <strong className="signin-demo-password">{password}</strong>
      </p>
      <h2 id={`${id}-title`} className="signin-demo-title">
        Demo accounts
      </h2>
      <ul className="signin-list">
        {access.demoAccounts.map((person) => (
          <li key={person.email}>
            <button type="button" className="signin-person" onClick={() => onChoose(person.email, password)}>
              <span className="signin-name">{person.name}</span>
              <span className="signin-roles">{person.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
              <span className="signin-email">{person.email}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
