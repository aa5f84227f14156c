/** A GitHub repository's latest stars with their change (absent where history is too short). */
export interface GithubTrend {
  host: 'github';
  key: string;
  fullName: string;
  stars: number;
  forks: number;
  /** Start of the run that took the snapshot the values come from. */
  at: Date;
  starsDelta7d?: number;
  starsDelta30d?: number;
}

/** A Hugging Face repository's latest likes with their change. */
export interface HuggingfaceTrend {
  host: 'huggingface';
  key: string;
  id: string;
  kind: 'model' | 'dataset' | 'space';
  likes: number;
  downloads?: number;
  at: Date;
  likesDelta30d?: number;
}

export type RepoTrend = GithubTrend | HuggingfaceTrend;
