import type { Urls } from '../http/route.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';
import type { FakeState } from './fake-state.js';

/** What a state change needs besides the state: URLs for payloads and the webhook outbox. */
export interface Effects {
  state: FakeState;
  urls: Urls;
  emit(event: WebhookEvent): void;
}
