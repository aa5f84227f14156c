import type { Caller } from '../http/route.js';
import type { FakeState } from './fake-state.js';
import type { FakeUser } from './types.js';

/** The account a request acts as: the app's bot for installation tokens. */
export function actor(state: FakeState, caller: Caller): FakeUser {
  if (caller.kind === 'installation') return state.app.bot;
  return state.user('ghost');
}
