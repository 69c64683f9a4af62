// Typed calls on a core, from the contract: what a test sends is checked and what it gets back is
// known, with no casts. No test-runner imports, so child processes and benchmarks can use it.

import type { Core } from '../../core/core.js';
import { DEMO_PASSWORD } from '../../core/staff/passwords.js';
import type { Input, MethodName, Result } from '../../shared/contract.js';

/** A call as one person, typed from the contract. */
export type Caller = <M extends MethodName>(method: M, input: Input<M>) => Promise<Result<M>>;

/** A typed call on any core (for tests that build their own): the one place the core's answer is cast. */
export function callCore<M extends MethodName>(core: Pick<Core, 'call'>, token: string | null, method: M, input: Input<M>): Promise<Result<M>> {
  return core.call(token, method, input) as Promise<Result<M>>;
}

/** Signs in the demo staff member called `name` with the demo password (a real sign-in) and returns the session token. */
export async function signIn(core: Pick<Core, 'call'>, name: string): Promise<string> {
  const { demoAccounts } = await callCore(core, null, 'session.access', {});
  const person = demoAccounts.find((s) => s.name === name);
  if (!person) throw new Error(`no demo account ${name}`);
  return (await callCore(core, null, 'session.signIn', { email: person.email, password: DEMO_PASSWORD })).token;
}
