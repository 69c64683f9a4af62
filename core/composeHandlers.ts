// Composes the core's handler table from its modules. Any contract method no module provides
// answers INTERNAL, so the table is always complete.

import { METHOD_NAMES } from '../shared/contract.js';
import { ApiError } from '../shared/errors.js';
import type { Handlers } from './dispatch.js';
import type { CoreModule } from './services.js';

export function composeHandlers(modules: CoreModule[]): Handlers {
  const table: Record<string, unknown> = {};
  for (const module of modules) {
    for (const [name, handler] of Object.entries(module.handlers)) {
      if (name in table) throw new Error(`Two core modules handle ${name}.`);
      table[name] = handler;
    }
  }
  for (const name of METHOD_NAMES) {
    table[name] ??= () => {
      throw new ApiError('INTERNAL', `${name} is not available yet.`);
    };
  }
  return table as Handlers;
}
