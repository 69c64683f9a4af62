// What the sign-in and account screens check before sending a new password: that it was typed the
// same twice, and the one rule the core has for it (its length, PASSWORD_MIN_LENGTH in the
// contract), said before the round trip. The core checks the length again.
import { PASSWORD_MIN_LENGTH } from '../../shared/contract.js';

export { PASSWORD_MIN_LENGTH };

/** Why this new password cannot be sent yet, or null. */
export function newPasswordProblem(password: string, repeat: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `The new password must be at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password !== repeat) return 'The two new passwords are not the same.';
  return null;
}

/** The hint under a new password field. */
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few words you will remember are easier to type than symbols.`;
