import type { KeyObject } from 'node:crypto';
import type { GitIdentity, GitStore } from './git-store.js';

export type Permission = 'read' | 'write' | 'admin';
export type Permissions = Record<string, Permission>;

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  name: string;
  email: string;
}

export interface FakeApp {
  id: number;
  slug: string;
  name: string;
  owner: FakeUser;
  publicKey: KeyObject;
  permissions: Permissions;
  events: string[];
  /** The `<slug>[bot]` account the app acts as with installation tokens. */
  bot: FakeUser;
  createdAt: string;
}

export interface FakeInstallation {
  id: number;
  account: FakeUser;
  repositorySelection: 'all' | 'selected';
  /** Repositories granted when the selection is `selected`. */
  repositoryIds: Set<number>;
  permissions: Permissions;
  events: string[];
  suspendedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeToken {
  token: string;
  installationId: number;
  /** Wall-clock epoch milliseconds. */
  expiresAt: number;
  permissions: Permissions;
  /** Narrowed repository set when the token was requested for some repositories. */
  repositoryIds: Set<number> | null;
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: FakeUser;
  viaApp: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssueEvent {
  id: number;
  issueNumber: number;
  event: string;
  actor: FakeUser;
  viaApp: boolean;
  createdAt: string;
  commitId: string | null;
  label?: { name: string; color: string };
  rename?: { from: string; to: string };
}

export interface FakePull {
  headRef: string;
  baseRef: string;
  /** Frozen when the pull request is closed or merged; read from the branch while open. */
  headSha: string | null;
  baseSha: string | null;
  draft: boolean;
  mergedAt: string | null;
  mergedBy: FakeUser | null;
  mergeCommitSha: string | null;
  maintainerCanModify: boolean;
}

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  user: FakeUser;
  viaApp: boolean;
  labels: string[];
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: FakeUser | null;
  /** Present for pull requests: issues and pull requests share one number sequence. */
  pull: FakePull | null;
}

export interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: FakeAnnotation[];
  appId: number;
}

export interface FakeRepo {
  id: number;
  name: string;
  owner: FakeUser;
  private: boolean;
  archived: boolean;
  hasIssues: boolean;
  description: string | null;
  defaultBranch: string;
  createdAt: string;
  pushedAt: string;
  git: GitStore;
  /** Full ref name (`refs/heads/main`) → commit sha. */
  refs: Map<string, string>;
  issues: Map<number, FakeIssue>;
  comments: Map<number, FakeComment>;
  events: FakeIssueEvent[];
  /** Lower-cased name → label. */
  labels: Map<string, FakeLabel>;
  checkRuns: Map<number, FakeCheckRun>;
  nextNumber: number;
}

export type { GitIdentity };
