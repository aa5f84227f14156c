export { createHttpClient, httpClientOptionsSchema, type HttpClientOptions } from './create-http-client.js';
export type { HttpClient } from './http-client.js';
export { isPrivateAddress } from './is-private-address.js';
export { PrivateAddressError, findPrivateAddressError } from './private-address-error.js';
export { LINKMEDIC_VERSION, USER_AGENT } from './user-agent.js';
