import { z } from 'zod';
import { parseIssueMarkers, type IssueMarkers } from './issue-markers.js';

/** The fields of GitHub's issue object linkmedic relies on (the rest is ignored, not rejected). */
export const issueItemSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullish(),
  state: z.enum(['open', 'closed']),
  created_at: z.string(),
  closed_at: z.string().nullish(),
  comments: z.number().int().optional(),
  html_url: z.string(),
  user: z.object({ login: z.string() }).nullish(),
  pull_request: z.unknown().optional(),
});

/** A dead-link issue linkmedic wrote, as read back from GitHub. */
export interface KnownIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
  /** Comment count from the list: zero means no comment needs to be searched. */
  comments: number | undefined;
  htmlUrl: string;
  markers: IssueMarkers;
}

/** The issue when it is a dead-link issue written by `botLogin`, else undefined. */
export function toKnownIssue(raw: unknown, botLogin: string): KnownIssue | undefined {
  const item = issueItemSchema.parse(raw);
  if (item.pull_request !== undefined || item.user?.login !== botLogin) return undefined;
  const markers = parseIssueMarkers(item.body);
  if (!markers) return undefined;
  return {
    number: item.number,
    title: item.title,
    body: item.body ?? '',
    state: item.state,
    createdAt: item.created_at,
    closedAt: item.closed_at ?? null,
    comments: item.comments,
    htmlUrl: item.html_url,
    markers,
  };
}
