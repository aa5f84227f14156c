import type { components } from '@octokit/openapi-types';

/** REST response shapes from GitHub's OpenAPI description: serializers are typed against them. */
export type Schemas = components['schemas'];
