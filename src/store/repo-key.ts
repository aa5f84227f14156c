// GitHub and the Hub resolve names case-insensitively, so history must not split a repository in two
// because one catalog entry wrote `BAAI/` and another `baai/`.

/** History's key for a GitHub repository: `github:owner/name`, lower-cased. */
export const githubRepoKey = (fullName: string): string => `github:${fullName.toLowerCase()}`;

/** History's key for a Hugging Face repository: `huggingface:dataset/owner/name`, lower-cased. */
export const huggingfaceRepoKey = (kind: 'model' | 'dataset' | 'space', id: string): string =>
  `huggingface:${kind}/${id.toLowerCase()}`;
