import { fetch as undiciFetch } from 'undici';

/** The fetch the metadata providers call; the pipeline passes the shared HTTP client's. */
export type Fetch = typeof globalThis.fetch;

// undici's own fetch (not Node's bundled copy) so a dispatcher set through undici applies.
export const defaultFetch = undiciFetch as unknown as Fetch;
