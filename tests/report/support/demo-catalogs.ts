// Two scripted catalogs for the demo world (see demo-nights.ts): a small one the report tests
// count points on, and a fuller one for the README's screenshot. Organisations are fictional.
import { respond, type RouteHandler } from '../../support/simulated-web/index.js';

export type DemoVariant = 'small' | 'showcase';

export interface DemoPage {
  host: string;
  path: string;
  /** How the page answers on night n. */
  route: (night: number) => RouteHandler;
}

export type DemoEvent =
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'delete'; fullName: string }
  /** The Wayback Machine has a capture of the page. */
  | { kind: 'archive'; host: string; path: string; timestamp: string };

export interface DemoCatalog {
  nights: number;
  /** Stars on night 0, and about how many more each night. */
  github: { fullName: string; stars: number; growth: number }[];
  hub: { kind: 'model' | 'dataset' | 'space'; id: string; likes: number; growth: number }[];
  pages: DemoPage[];
  /** Applied before the night's run. */
  events: Record<number, DemoEvent[]>;
  /** Nights linkmedic runs without network: inconclusive runs. */
  offlineNights: number[];
  markdown: (url: (host: string, path: string) => string) => string;
}

const ok = (title: string) => () => respond.ok(`<title>${title}</title>`);
const from = (night: number, before: RouteHandler, after: RouteHandler) => (n: number) => (n < night ? before : after);
const during = (nights: readonly number[], bad: RouteHandler, good: RouteHandler) => (n: number) => (nights.includes(n) ? bad : good);

const small: DemoCatalog = {
  nights: 6,
  github: [
    { fullName: 'acme/med-llm', stars: 1200, growth: 15 },
    { fullName: 'acme/old-name', stars: 300, growth: 4 },
    { fullName: 'acme/doomed', stars: 50, growth: 0 },
  ],
  hub: [
    { kind: 'dataset', id: 'acme/qa-set', likes: 40, growth: 2 },
    { kind: 'model', id: 'acme/med-7b', likes: 150, growth: 5 },
  ],
  pages: [
    { host: 'papers.example.test', path: '/survey', route: ok('Survey') },
    { host: 'papers.example.test', path: '/retrieval', route: from(2, respond.ok('<title>Retrieval</title>'), respond.status(404)) },
    { host: 'papers.example.test', path: '/benchmark', route: () => respond.redirect(301, '/benchmark-v2') },
    { host: 'papers.example.test', path: '/benchmark-v2', route: ok('Benchmark v2') },
    { host: 'flaky.example.test', path: '/fed', route: during([0, 1], respond.status(503), respond.ok('<title>Fed</title>')) },
    { host: 'journal.example.test', path: '/safety', route: () => respond.status(401) },
  ],
  events: {
    2: [{ kind: 'rename', from: 'acme/old-name', to: 'acme/new-name' }, { kind: 'archive', host: 'papers.example.test', path: '/retrieval', timestamp: '20261020000000' }],
    3: [{ kind: 'delete', fullName: 'acme/doomed' }],
  },
  offlineNights: [4],
  markdown: (url) => `# Demo catalog

## Datasets

| Name | Link |
|---|---|
| MedLLM | https://github.com/acme/med-llm |
| Renamed | https://github.com/acme/old-name |
| QA set | https://huggingface.co/datasets/acme/qa-set |

## Models

| Name | Link |
|---|---|
| Med 7B | https://huggingface.co/acme/med-7b |
| Doomed | https://github.com/acme/doomed |

## Papers

- [Survey](${url('papers.example.test', '/survey')})
- [Retrieval](${url('papers.example.test', '/retrieval')})
- [Benchmark](${url('papers.example.test', '/benchmark')})
- [Federated](${url('flaky.example.test', '/fed')})
- [Safety](${url('journal.example.test', '/safety')})
`,
};

const showcase: DemoCatalog = {
  nights: 36,
  github: [
    { fullName: 'openmed/medqa-x', stars: 2140, growth: 26 },
    { fullName: 'bioasq-lite/bioasq-lite', stars: 410, growth: 3 },
    { fullName: 'dialog-lab/meddialog-en', stars: 880, growth: 9 },
    { fullName: 'symptom-ai/dialogues', stars: 265, growth: 5 },
    { fullName: 'radlm/radiology-lm', stars: 1530, growth: 31 },
    { fullName: 'medalign/medalign', stars: 3320, growth: 12 },
    { fullName: 'tinylab/doomed-chat', stars: 95, growth: 0 },
    { fullName: 'openmed/medkit', stars: 5120, growth: 48 },
    { fullName: 'annolab/annotate-md', stars: 640, growth: 2 },
    { fullName: 'evalhealth/harness', stars: 1980, growth: 19 },
  ],
  hub: [
    { kind: 'dataset', id: 'pubhealth/pubhealth-qa', likes: 188, growth: 3 },
    { kind: 'dataset', id: 'clinic-ai/clinical-mcq', likes: 96, growth: 2 },
    { kind: 'dataset', id: 'careqa/careqa', likes: 41, growth: 1 },
    { kind: 'dataset', id: 'healthchat/healthchat-200k', likes: 312, growth: 6 },
    { kind: 'dataset', id: 'patienttalk/patienttalk', likes: 57, growth: 1 },
    { kind: 'model', id: 'openmed/medllama-7b', likes: 1204, growth: 21 },
    { kind: 'model', id: 'clinic-ai/clinicalbert-v2', likes: 433, growth: 4 },
    { kind: 'model', id: 'biogpt/biogpt-mini', likes: 268, growth: 8 },
  ],
  pages: [
    { host: 'papers.example.test', path: '/survey', route: ok('A survey of medical LLMs') },
    { host: 'papers.example.test', path: '/benchmark', route: () => respond.redirect(301, '/benchmark-v2') },
    { host: 'papers.example.test', path: '/benchmark-v2', route: ok('Benchmarking clinical QA') },
    { host: 'papers.example.test', path: '/retrieval', route: from(32, respond.ok('<title>Retrieval</title>'), respond.status(404)) },
    { host: 'flaky.example.test', path: '/federated', route: during([12, 13, 14], respond.status(503), respond.ok('<title>Federated</title>')) },
    { host: 'journal.example.test', path: '/safety', route: () => respond.status(401) },
    { host: 'preprints.example.test', path: '/2611.0042', route: () => respond.cloudflareChallenge() },
    { host: 'data.example.test', path: '/qa-portal', route: from(22, respond.ok('<title>QA portal</title>'), respond.status(410)) },
  ],
  events: {
    18: [{ kind: 'rename', from: 'symptom-ai/dialogues', to: 'symptom-ai/symptom-dialogues' }],
    22: [{ kind: 'archive', host: 'data.example.test', path: '/qa-portal', timestamp: '20261120000000' }],
    29: [{ kind: 'delete', fullName: 'tinylab/doomed-chat' }],
    32: [{ kind: 'archive', host: 'papers.example.test', path: '/retrieval', timestamp: '20261201000000' }],
  },
  offlineNights: [26],
  markdown: (url) => `# Awesome Medical AI (demo)

A fictional catalog for linkmedic's screenshot.

## Datasets

### Question answering

| Dataset | Link | Size |
|---|---|---|
| MedQA-X | https://github.com/openmed/medqa-x | 61k questions |
| PubHealthQA | https://huggingface.co/datasets/pubhealth/pubhealth-qa | 211k pairs |
| ClinicalMCQ | https://huggingface.co/datasets/clinic-ai/clinical-mcq | 194k questions |
| BioASQ-lite | https://github.com/bioasq-lite/bioasq-lite | 4k questions |
| CareQA | https://huggingface.co/datasets/careqa/careqa | 5.6k questions |
| QA portal | ${url('data.example.test', '/qa-portal')} | 12k questions |

### Dialogue

| Dataset | Link | Size |
|---|---|---|
| MedDialog-EN | https://github.com/dialog-lab/meddialog-en | 260k dialogues |
| HealthChat-200k | https://huggingface.co/datasets/healthchat/healthchat-200k | 200k turns |
| PatientTalk | https://huggingface.co/datasets/patienttalk/patienttalk | 18k dialogues |
| Symptom dialogues | https://github.com/symptom-ai/dialogues | 9k dialogues |

## Models

| Model | Link | Base |
|---|---|---|
| MedLlama-7B | https://huggingface.co/openmed/medllama-7b | Llama |
| ClinicalBERT-v2 | https://huggingface.co/clinic-ai/clinicalbert-v2 | BERT |
| BioGPT-mini | https://huggingface.co/biogpt/biogpt-mini | GPT-2 |
| RadiologyLM | https://github.com/radlm/radiology-lm | Mistral |
| MedAlign | https://github.com/medalign/medalign | — |
| DoomedChat | https://github.com/tinylab/doomed-chat | — |

## Papers

- [A survey of medical LLMs](${url('papers.example.test', '/survey')})
- [Benchmarking clinical QA](${url('papers.example.test', '/benchmark')})
- [Retrieval for medicine](${url('papers.example.test', '/retrieval')})
- [Federated clinical NLP](${url('flaky.example.test', '/federated')})
- [Safety of medical chatbots](${url('journal.example.test', '/safety')})
- [A preprint behind a bot wall](${url('preprints.example.test', '/2611.0042')})

## Tools

- [medkit](https://github.com/openmed/medkit): preprocessing for clinical text
- [annotate-md](https://github.com/annolab/annotate-md): annotation in markdown
- [harness](https://github.com/evalhealth/harness): evaluation harness
`,
};

export const DEMO_CATALOGS: Record<DemoVariant, DemoCatalog> = { small, showcase };
