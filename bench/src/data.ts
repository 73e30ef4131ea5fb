/**
 * The inputs of every case, built once, deterministically (a seeded generator):
 * a valid input, the same with extra keys (at the root and one level down), and
 * an invalid one. Case (e) is case (b)'s company with five errors at depths 1 to 5.
 * Invalid values are invalid under lax conversion too (`'north'`, not `'48.8'`;
 * `'maybe'`, not `'yes'`), so they stay errors for validators that coerce.
 */
import type { Company, Department, Employee, Flat, FlatList, Drawing, Shape, TreeNode } from './types';

/** The benchmark cases. */
export type CaseId = 'flat' | 'company' | 'tree' | 'union' | 'errors' | 'throughput';

/** The inputs of one case. */
export interface CaseData {
  readonly id: CaseId;
  readonly title: string;
  /** Accepted by every mode. */
  readonly valid: unknown;
  /** `valid` plus undeclared keys: parse drops them, strict rejects them. */
  readonly withExtra: unknown;
  /** Rejected by every mode. */
  readonly invalid: unknown;
  /** How many issues an all-errors validator reports for `invalid`. */
  readonly invalidIssues: number;
}

/** A small deterministic generator (mulberry32) so every run sees the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(42);
const int = (max: number): number => Math.floor(rnd() * max);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
const NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Ken', 'Margaret', 'Tony', 'Frances'];
const CITIES = ['Paris', 'Lagos', 'Osaka', 'Lima', 'Oslo', 'Perth'];

function flat(id: number): Flat {
  return {
    id,
    name: pick(NAMES),
    age: 18 + int(60),
    active: rnd() < 0.5,
    score: Math.round(rnd() * 10000) / 100,
    nickname: `${pick(NAMES).toLowerCase()}${int(100)}`,
    verified: rnd() < 0.5,
    location: { lat: rnd() * 180 - 90, lng: rnd() * 360 - 180, city: pick(CITIES) },
  };
}

const day = (): string => `20${10 + int(15)}-0${1 + int(9)}-${10 + int(18)}`;

function employee(id: number): Employee {
  const e: Employee = { id, name: pick(NAMES), hiredAt: day(), active: rnd() < 0.8 };
  if (rnd() < 0.7) e.email = `${e.name.toLowerCase()}${id}@example.com`;
  if (rnd() < 0.5) e.title = pick(['Engineer', 'Designer', 'Analyst']);
  return e;
}

function company(): Company {
  let next = 1;
  const departments: Department[] = ['Research', 'Sales', 'Support'].map((name) => ({
    name,
    budget: 100000 + int(900000),
    manager: employee(next++),
    employees: Array.from({ length: 10 }, () => employee(next++)),
  }));
  return { name: 'Acme', founded: '1999-04-01', website: 'https://acme.example', departments };
}

function tree(depth: number, id = { n: 0 }): TreeNode {
  const node: TreeNode = { id: id.n++, label: `node-${id.n}`, children: [] };
  if (depth > 1) for (let i = 0; i < 2; i++) node.children.push(tree(depth - 1, id));
  return node;
}

function shape(): Shape {
  switch (int(4)) {
    case 0:
      return { kind: 'circle', radius: 1 + int(10) };
    case 1:
      return { kind: 'square', size: 1 + int(10) };
    case 2:
      return { kind: 'rect', width: 1 + int(10), height: 1 + int(10) };
    default:
      return { kind: 'triangle', a: 3, b: 4, c: 5 };
  }
}

/** A deep copy of plain data (a fresh input for each call that may mutate it). */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

type Edit = (data: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

function edited<T>(value: T, edit: Edit): T {
  const out = copy(value);
  edit(out);
  return out;
}

const flatValid = flat(1);
const companyValid = company();
const treeValid = tree(7);
const drawingValid: Drawing = { shapes: Array.from({ length: 100 }, shape) };
const listValid: FlatList = { items: Array.from({ length: 10000 }, (_, i) => flat(i)) };

/** Every case, in report order. */
export const CASES: readonly CaseData[] = [
  {
    id: 'flat',
    title: '(a) flat object, one nested object',
    valid: flatValid,
    withExtra: edited(flatValid, (d) => ((d.extra = 1), (d.location.extra = true))),
    invalid: edited(flatValid, (d) => (d.location.lat = 'north')),
    invalidIssues: 1,
  },
  {
    id: 'company',
    title: '(b) company → departments → employees',
    valid: companyValid,
    withExtra: edited(companyValid, (d) => ((d.extra = 1), (d.departments[0].extra = 'x'))),
    invalid: edited(companyValid, (d) => (d.departments[2].employees[9].active = 'maybe')),
    invalidIssues: 1,
  },
  {
    id: 'tree',
    title: '(c) recursive tree, depth 7 (127 nodes)',
    valid: treeValid,
    withExtra: edited(treeValid, (d) => ((d.extra = 1), (d.children[0].extra = 2))),
    invalid: edited(treeValid, (d) => (d.children[1].children[1].children[1].children[1].children[1].children[1].label = 7)),
    invalidIssues: 1,
  },
  {
    id: 'union',
    title: '(d) 100 items of a 4-member discriminated union',
    valid: drawingValid,
    withExtra: edited(drawingValid, (d) => ((d.extra = 1), (d.shapes[3].extra = 2))),
    invalid: edited(drawingValid, (d) => (d.shapes[99] = { kind: 'rect', width: 1 })),
    invalidIssues: 1,
  },
  {
    id: 'errors',
    title: '(e) 5 errors at depths 1 to 5, all collected',
    valid: companyValid,
    withExtra: edited(companyValid, (d) => (d.extra = 1)),
    invalid: edited(companyValid, (d) => {
      d.name = 42; // depth 1
      d.departments[1].budget = 'lots'; // depth 3
      d.departments[0].manager.id = 'one'; // depth 4
      d.departments[2].employees[4].active = 'maybe'; // depth 5
      d.departments[1].employees[7].hiredAt = '07/03/2021'; // depth 5: not YYYY-MM-DD
    }),
    invalidIssues: 5,
  },
  {
    id: 'throughput',
    title: '(f) 10,000 flat objects',
    valid: listValid,
    withExtra: edited(listValid, (d) => ((d.extra = 1), (d.items[5000].extra = 2))),
    invalid: edited(listValid, (d) => (d.items[9999].age = null)),
    invalidIssues: 1,
  },
];
