import { describe, expect, it } from 'vitest';
import { isLinkmedicError } from '../errors.js';
import { resolveDbPath, type DbPathOptions } from './resolve-db-path.js';

const cwd = '/home/me/catalog';

describe('resolveDbPath', () => {
  it.each<[string, DbPathOptions, string]>([
    ['the default, under the working directory', { env: {} }, '/home/me/catalog/.linkmedic/linkmedic.db'],
    ['LINKMEDIC_DB, relative to the working directory', { env: { LINKMEDIC_DB: 'state/h.db' } }, '/home/me/catalog/state/h.db'],
    ['LINKMEDIC_DB, absolute', { env: { LINKMEDIC_DB: '/var/lib/linkmedic.db' } }, '/var/lib/linkmedic.db'],
    ['an empty LINKMEDIC_DB counts as unset', { env: { LINKMEDIC_DB: '  ' } }, '/home/me/catalog/.linkmedic/linkmedic.db'],
    ['--db beats LINKMEDIC_DB', { flag: 'mine.db', env: { LINKMEDIC_DB: '/var/lib/linkmedic.db' } }, '/home/me/catalog/mine.db'],
    ['--no-db beats LINKMEDIC_DB', { noDb: true, env: { LINKMEDIC_DB: '/var/lib/linkmedic.db' } }, ':memory:'],
    ['--db :memory: is kept as SQLite says it', { flag: ':memory:', env: {} }, ':memory:'],
    ['DATABASE_URL, a Postgres URL, as given', { env: { DATABASE_URL: ' postgres://lm:secret@db:5432/linkmedic ' } }, 'postgres://lm:secret@db:5432/linkmedic'],
    ['DATABASE_URL spelled postgresql://', { env: { DATABASE_URL: 'postgresql://db/linkmedic' } }, 'postgresql://db/linkmedic'],
    ['DATABASE_URL for another database is not ours', { env: { DATABASE_URL: 'mysql://db/shop' } }, '/home/me/catalog/.linkmedic/linkmedic.db'],
    ['LINKMEDIC_DB beats DATABASE_URL', { env: { LINKMEDIC_DB: 'h.db', DATABASE_URL: 'postgres://db/linkmedic' } }, '/home/me/catalog/h.db'],
    ['--db beats DATABASE_URL', { flag: 'mine.db', env: { DATABASE_URL: 'postgres://db/linkmedic' } }, '/home/me/catalog/mine.db'],
    ['--no-db beats DATABASE_URL', { noDb: true, env: { DATABASE_URL: 'postgres://db/linkmedic' } }, ':memory:'],
    ['--db with a Postgres URL, as given', { flag: 'postgres://db/linkmedic?sslmode=require', env: { LINKMEDIC_DB: 'h.db' } }, 'postgres://db/linkmedic?sslmode=require'],
    ['LINKMEDIC_DB with a Postgres URL, as given', { env: { LINKMEDIC_DB: 'postgres://db/linkmedic' } }, 'postgres://db/linkmedic'],
  ])('%s', (_name, options, expected) => {
    expect(resolveDbPath({ cwd, ...options })).toBe(expected);
  });

  it.each<[string, DbPathOptions, RegExp]>([
    ['--db with --no-db', { flag: 'a.db', noDb: true }, /cannot be used together/],
    ['an empty --db', { flag: '' }, /needs a file path or a postgres:\/\/ URL/],
  ])('refuses %s', (_name, options, message) => {
    let thrown: unknown;
    try {
      resolveDbPath({ cwd, env: {}, ...options });
    } catch (error) {
      thrown = error;
    }
    expect(isLinkmedicError(thrown) && thrown.code).toBe('USAGE');
    expect(String((thrown as Error).message)).toMatch(message);
  });
});
