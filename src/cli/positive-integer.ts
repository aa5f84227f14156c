import { InvalidArgumentError } from 'commander';

/** Commander's parser for counts (`--concurrency 4`): a whole number of 1 or more. */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}
