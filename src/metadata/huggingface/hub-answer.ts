import type { Verdict } from '../../check/verdict.js';
import type { UnverifiedReason } from '../api-check.js';
import type { RepoReason } from '../repo-reason.js';
import type { HubFacts } from './hub-facts.js';

/** What the Hub API said about one repository; every link into it gets a check from this. */
export type HubAnswer =
  /** The repository came back (after following renames): the verdict depends on its facts. */
  | { kind: 'facts'; facts: HubFacts; elapsedMs: number }
  /** 401 anonymous / 404 RepoNotFound: dead, unless the id is ambiguous (single segment). */
  | { kind: 'not_found'; httpStatus: number; elapsedMs: number }
  /** Another definite answer (disabled, gated without access, rate limited past the cap). */
  | { kind: 'verdict'; verdict: Verdict; reason: RepoReason; detail: string; httpStatus?: number; elapsedMs: number }
  /** No answer. */
  | { kind: 'unverified'; reason: UnverifiedReason; detail: string };
