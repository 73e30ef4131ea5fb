/** What every peer offers the harness: per case, the modes it supports. */
import type { CaseId } from './data';

/** The benchmark modes. */
export type Mode = 'is' | 'parse' | 'strict' | 'errors';

/** One case's validators; a peer leaves out the modes it does not offer. */
export interface CaseValidators {
  /** Check only: true when the input fits, no output. */
  readonly is?: (input: unknown) => boolean;
  /** A new value (plain object or class instance) without undeclared keys; throws on invalid input. */
  readonly parse?: (input: unknown) => unknown;
  /** Like parse, but undeclared keys are an error. */
  readonly strict?: (input: unknown) => unknown;
  /** Every issue of the input, counted: 0 when valid. */
  readonly errors?: (input: unknown) => number;
}

/** A validation library (or the hand-written baseline) as set up for the bench. */
export interface Peer {
  readonly name: string;
  /** How it is set up: version, options, and where it departs from the modes' definitions. */
  readonly setup: string;
  /** Parse mode mutates its input (strips keys in place) instead of returning a new value. */
  readonly parseInPlace?: boolean;
  readonly cases: Partial<Record<CaseId, CaseValidators>>;
}
