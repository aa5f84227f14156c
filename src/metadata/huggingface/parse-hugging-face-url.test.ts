import { describe, expect, it } from 'vitest';
import { huggingFaceRepoUrl, parseHuggingFaceUrl } from './parse-hugging-face-url.js';

describe('parseHuggingFaceUrl', () => {
  it.each([
    ['https://huggingface.co/microsoft/biogpt', 'model', 'microsoft/biogpt', ''],
    ['https://huggingface.co/UCSD-VA-health/RadBERT-RoBERTa-4m', 'model', 'UCSD-VA-health/RadBERT-RoBERTa-4m', ''],
    ['https://huggingface.co/emilyalsentzer/Bio_ClinicalBERT/tree/main', 'model', 'emilyalsentzer/Bio_ClinicalBERT', '/tree/main'],
    ['https://huggingface.co/org/m/resolve/main/model.safetensors?download=true', 'model', 'org/m', '/resolve/main/model.safetensors?download=true'],
    ['https://www.huggingface.co/org/m#usage', 'model', 'org/m', '#usage'],
    ['https://hf.co/org/m', 'model', 'org/m', ''],
    ['https://huggingface.co/gpt2', 'model', 'gpt2', ''],
    ['https://huggingface.co/bert-base-uncased/blob/main/config.json', 'model', 'bert-base-uncased', '/blob/main/config.json'],
    ['https://huggingface.co/datasets/FreedomIntelligence/huatuo_encyclopedia_qa', 'dataset', 'FreedomIntelligence/huatuo_encyclopedia_qa', ''],
    ['https://huggingface.co/datasets/medical_dialog', 'dataset', 'medical_dialog', ''],
    ['https://huggingface.co/datasets/squad/viewer', 'dataset', 'squad', '/viewer'],
    ['https://huggingface.co/datasets/org/data/viewer/default/train?row=3', 'dataset', 'org/data', '/viewer/default/train?row=3'],
    ['https://huggingface.co/spaces/gradio/hello_world', 'space', 'gradio/hello_world', ''],
    ['http://huggingface.co/spaces/org/app/discussions/4', 'space', 'org/app', '/discussions/4'],
  ])('%s → %s %s + %s', (url, kind, id, rest) => {
    expect(parseHuggingFaceUrl(url)).toEqual({ kind, id, rest });
  });

  it.each([
    ['docs', 'https://huggingface.co/docs/transformers/index'],
    ['blog', 'https://huggingface.co/blog/llama2'],
    ['papers', 'https://huggingface.co/papers/2106.09685'],
    ['model search', 'https://huggingface.co/models?search=medical'],
    ['dataset listing', 'https://huggingface.co/datasets'],
    ['dataset search', 'https://huggingface.co/datasets?search=med'],
    ['spaces listing', 'https://huggingface.co/spaces'],
    ['space without a namespace', 'https://huggingface.co/spaces/app'],
    ['settings', 'https://huggingface.co/settings/tokens'],
    ['collections', 'https://huggingface.co/collections/org/medical-123'],
    ['learn', 'https://huggingface.co/learn/nlp-course'],
    ['the old course', 'https://huggingface.co/course/chapter1/1'],
    ['the old library docs', 'https://huggingface.co/transformers/model_doc/bert.html'],
    ['the API', 'https://huggingface.co/api/models/org/m'],
    ['root', 'https://huggingface.co/'],
    ['escaped underscore as rendered', 'https://huggingface.co/datasets/axiong/pmc%5C_oa_beta'],
    ['shields badge', 'https://img.shields.io/badge/dynamic/json?url=https://huggingface.co/api/models/x/y'],
    ['CDN host', 'https://cdn-lfs.huggingface.co/repos/ab/cd'],
    ['lookalike host', 'https://huggingface.co.example/org/m'],
    ['non-http scheme', 'ftp://huggingface.co/org/m'],
    ['not a URL', 'huggingface.co/org/m'],
  ])('rejects %s', (_case, url) => {
    expect(parseHuggingFaceUrl(url)).toBeUndefined();
  });

  it.each([
    ['model', 'new/name', '/tree/main', 'https://huggingface.co/new/name/tree/main'],
    ['dataset', 'new/data', '', 'https://huggingface.co/datasets/new/data'],
    ['space', 'new/app', '?logs=container', 'https://huggingface.co/spaces/new/app?logs=container'],
  ] as const)('builds the %s URL for %s', (kind, id, rest, url) => {
    expect(huggingFaceRepoUrl(kind, id, rest)).toBe(url);
  });
});
