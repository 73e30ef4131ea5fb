/** Every peer, the baseline first. */
import type { Peer } from '../peer';
import { ajv } from './ajv';
import { arktype } from './arktype';
import { classValidator } from './class-validator/index';
import { handwritten } from './handwritten';
import { typebox } from './typebox';
import { tydantic } from './tydantic';
import { typia } from './typia';
import { valibot } from './valibot';
import { zod } from './zod';

/** The peers in report order. */
export const PEERS: readonly Peer[] = [handwritten, tydantic, typia, ajv, typebox, zod, valibot, arktype, classValidator];
