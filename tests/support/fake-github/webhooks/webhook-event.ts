/** One webhook delivery as GitHub would send it: `x-github-event` name, delivery id, JSON body. */
export interface WebhookEvent {
  /** The `x-github-delivery` GUID. */
  id: string;
  /** The `x-github-event` header (`issues`, `pull_request`, …). */
  name: string;
  payload: Record<string, unknown> & { action?: string };
}
