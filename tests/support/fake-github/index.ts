export { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './start-fake-github.js';
export { createClients, TestOctokit } from './create-clients.js';
export type { ExtraHandler, RequestLogEntry } from './http/dispatch.js';
export type { FaultKind, FaultMatch, RandomFaultOptions } from './http/faults.js';
export type { ExhaustOptions } from './http/rate-limits.js';
export type { InspectedIssue, InspectedPull } from './inspect.js';
export type { InstallationSeed, RepoSeed } from './state/fake-state.js';
export type { WebhookEvent } from './webhooks/webhook-event.js';
export { deliverWebhook, signWebhook, type WebhookTarget } from './webhooks/webhook-outbox.js';
