import { sign } from '@octokit/webhooks-methods';
import type { WebhookEvent } from './webhook-event.js';

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface DeliveryResult {
  event: WebhookEvent;
  status: number;
}

/**
 * Every webhook GitHub would have sent (for API calls and human actions alike, including the
 * app's own changes, as GitHub does), optionally delivered to the app as it happens.
 */
export class WebhookOutbox {
  /** Every event emitted so far, in order. */
  readonly sent: WebhookEvent[] = [];
  readonly deliveries: DeliveryResult[] = [];
  #target: WebhookTarget | null;
  #chain: Promise<void> = Promise.resolve();
  #cursor = 0;

  constructor(target: WebhookTarget | null) {
    this.#target = target;
  }

  /** Turns automatic delivery on (or off with null); deliveries happen one at a time, in order. */
  deliverTo(target: WebhookTarget | null): void {
    this.#target = target;
  }

  emit(event: WebhookEvent): void {
    this.sent.push(event);
    const target = this.#target;
    if (!target) return;
    this.#chain = this.#chain.then(async () => {
      // A refused connection is a failed delivery (status 0), as GitHub records it; later ones still go.
      const status = await deliverWebhook(event, target).catch(() => 0);
      this.deliveries.push({ event, status });
    });
  }

  /** Events emitted since the last call (for tests that feed `probot.receive` by hand). */
  takeNew(): WebhookEvent[] {
    const fresh = this.sent.slice(this.#cursor);
    this.#cursor = this.sent.length;
    return fresh;
  }

  /** Resolves when every automatic delivery so far has been answered. */
  async settled(): Promise<void> {
    await this.#chain;
  }
}

/** Signs an event like GitHub (`x-hub-signature-256`) and the headers its deliveries carry. */
export async function signWebhook(event: WebhookEvent, secret: string): Promise<{ body: string; headers: Record<string, string> }> {
  const body = JSON.stringify(event.payload);
  const installation = event.payload.installation as { id?: number } | undefined;
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/fake',
      'x-github-event': event.name,
      'x-github-delivery': event.id,
      'x-github-hook-id': '1',
      'x-github-hook-installation-target-type': 'integration',
      ...(installation?.id ? { 'x-github-hook-installation-target-id': String(installation.id) } : {}),
      'x-hub-signature-256': await sign(secret, body),
    },
  };
}

/** POSTs a signed event to an app's webhook URL and returns the HTTP status. */
export async function deliverWebhook(event: WebhookEvent, target: WebhookTarget): Promise<number> {
  const { body, headers } = await signWebhook(event, target.secret);
  const res = await fetch(target.url, { method: 'POST', headers, body });
  await res.arrayBuffer();
  return res.status;
}
