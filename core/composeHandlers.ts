// Composes the core's handler table from its modules. Each module's handlers keep their exact
// method names in their type, so a contract method no module handles is a compile error at the
// call in core.ts (naming the methods), never a method that fails when called. Two modules
// handling one method is refused when the core starts.

import { METHOD_NAMES, type MethodName } from '../shared/contract.js';
import type { Handlers } from './dispatch.js';

/** A slice of the core: some of the contract's handlers, and work that runs while the core is open. */
export interface CoreModule<H extends Partial<Handlers> = Partial<Handlers>> {
  handlers: H;
  /** Called once the core is open (e.g. to publish stories that fell due while the app was closed). */
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}

/** The methods the modules' handlers name (the union over the modules). */
type Handled<M extends readonly CoreModule[]> = M[number] extends infer U ? (U extends CoreModule<infer H> ? keyof H : never) : never;

/** Accepts the modules only when they cover every contract method; else the error names those left out. */
type Covering<M extends readonly CoreModule[]> = [Exclude<MethodName, Handled<M>>] extends [never]
  ? M
  : { readonly 'contract methods without a handler': Exclude<MethodName, Handled<M>> };

export function composeHandlers<const M extends readonly CoreModule[]>(modules: M & Covering<M>, extra: readonly CoreModule[] = []): Handlers {
  const table: Partial<Record<MethodName, unknown>> = {};
  for (const module of [...modules, ...extra]) {
    for (const [name, handler] of Object.entries(module.handlers)) {
      if (name in table) throw new Error(`Two core modules handle ${name}.`);
      table[name as MethodName] = handler;
    }
  }
  // The types already make this impossible; a cast somewhere must not turn it into a failing call.
  const missing = METHOD_NAMES.filter((name) => !(name in table));
  if (missing.length > 0) throw new Error(`No core module handles ${missing.join(', ')}.`);
  return table as Handlers;
}
