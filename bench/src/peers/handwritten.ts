/**
 * The baseline: what an expert writes by hand for these exact shapes. Plain
 * `typeof` checks inlined per field; parse builds class instances through
 * constructors with every field in a fixed order; the all-errors path is a
 * separate function that runs only when the check says no.
 */
import type { CaseValidators, Peer } from '../peer';

/* eslint-disable @typescript-eslint/no-explicit-any -- input is untrusted data */

// The error collectors share these helpers; the checks on the fast path spell every test out inline, so
// no helper's type feedback is shared (and polluted) by every shape.
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** `YYYY-MM-DD`, a real calendar date. */
function isDay(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    y = y * 10 + d;
  }
  const m1 = s.charCodeAt(5) - 48, m2 = s.charCodeAt(6) - 48, d1 = s.charCodeAt(8) - 48, d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 3 || d2 < 0 || d2 > 9) return false;
  const m = m1 * 10 + m2, d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > DAYS[m]!) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

class Invalid extends Error {}
const fail = (): never => {
  throw new Invalid('invalid input');
};

/** Builds a test that an object has no keys besides `keys` (a switch, as one would write by hand). */
function onlyKeys(v: Record<string, unknown>, known: (k: string) => boolean): boolean {
  for (const k in v) if (!known(k)) return false;
  return true;
}

// (a) ------------------------------------------------------------------------

function isLocation(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const lat = v.lat, lng = v.lng;
  return typeof lat === 'number' && Number.isFinite(lat) && typeof lng === 'number' && Number.isFinite(lng) && typeof v.city === 'string';
}
function isFlat(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const id = v.id, age = v.age, score = v.score;
  return (
    typeof id === 'number' && Number.isFinite(id) && typeof v.name === 'string' &&
    typeof age === 'number' && Number.isFinite(age) && typeof v.active === 'boolean' &&
    typeof score === 'number' && Number.isFinite(score) && typeof v.nickname === 'string' &&
    typeof v.verified === 'boolean' && isLocation(v.location)
  );
}
const LOCATION_KEYS = (k: string): boolean => k === 'lat' || k === 'lng' || k === 'city';
const FLAT_KEYS = (k: string): boolean =>
  k === 'id' || k === 'name' || k === 'age' || k === 'active' || k === 'score' || k === 'nickname' || k === 'verified' || k === 'location';
function isFlatExact(v: any): boolean {
  return isFlat(v) && onlyKeys(v, FLAT_KEYS) && onlyKeys(v.location, LOCATION_KEYS);
}

class Location {
  constructor(readonly lat: number, readonly lng: number, readonly city: string) {}
}
class Flat {
  constructor(
    readonly id: number, readonly name: string, readonly age: number, readonly active: boolean,
    readonly score: number, readonly nickname: string, readonly verified: boolean, readonly location: Location,
  ) {}
}
/** Builds a Flat from input already checked by isFlat. */
function buildFlat(v: any): Flat {
  const l = v.location;
  return new Flat(v.id, v.name, v.age, v.active, v.score, v.nickname, v.verified, new Location(l.lat, l.lng, l.city));
}

function flatErrors(v: any, out: string[], at: string): void {
  if (!isObj(v)) return void out.push(at);
  if (!isNum(v.id)) out.push(`${at}.id`);
  if (typeof v.name !== 'string') out.push(`${at}.name`);
  if (!isNum(v.age)) out.push(`${at}.age`);
  if (typeof v.active !== 'boolean') out.push(`${at}.active`);
  if (!isNum(v.score)) out.push(`${at}.score`);
  if (typeof v.nickname !== 'string') out.push(`${at}.nickname`);
  if (typeof v.verified !== 'boolean') out.push(`${at}.verified`);
  const l = v.location;
  if (!isObj(l)) return void out.push(`${at}.location`);
  if (!isNum(l.lat)) out.push(`${at}.location.lat`);
  if (!isNum(l.lng)) out.push(`${at}.location.lng`);
  if (typeof l.city !== 'string') out.push(`${at}.location.city`);
}

// (b) ------------------------------------------------------------------------

function isEmployee(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const id = v.id, email = v.email, hiredAt = v.hiredAt, title = v.title;
  return (
    typeof id === 'number' && Number.isFinite(id) && typeof v.name === 'string' &&
    (email === undefined || typeof email === 'string') &&
    typeof hiredAt === 'string' && isDay(hiredAt) &&
    (title === undefined || typeof title === 'string') && typeof v.active === 'boolean'
  );
}
function isDepartment(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const budget = v.budget;
  if (typeof v.name !== 'string' || typeof budget !== 'number' || !Number.isFinite(budget)) return false;
  if (v.manager !== undefined && !isEmployee(v.manager)) return false;
  const e = v.employees;
  if (!Array.isArray(e)) return false;
  for (let i = 0; i < e.length; i++) if (!isEmployee(e[i])) return false;
  return true;
}
function isCompany(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  if (typeof v.name !== 'string' || typeof v.founded !== 'string' || !isDay(v.founded)) return false;
  if (v.website !== undefined && typeof v.website !== 'string') return false;
  const d = v.departments;
  if (!Array.isArray(d)) return false;
  for (let i = 0; i < d.length; i++) if (!isDepartment(d[i])) return false;
  return true;
}
const EMPLOYEE_KEYS = (k: string): boolean =>
  k === 'id' || k === 'name' || k === 'email' || k === 'hiredAt' || k === 'title' || k === 'active';
const DEPARTMENT_KEYS = (k: string): boolean => k === 'name' || k === 'budget' || k === 'manager' || k === 'employees';
const COMPANY_KEYS = (k: string): boolean => k === 'name' || k === 'founded' || k === 'website' || k === 'departments';
function isCompanyExact(v: any): boolean {
  if (!isCompany(v) || !onlyKeys(v, COMPANY_KEYS)) return false;
  for (const d of v.departments) {
    if (!onlyKeys(d, DEPARTMENT_KEYS) || (d.manager !== undefined && !onlyKeys(d.manager, EMPLOYEE_KEYS))) return false;
    for (const e of d.employees) if (!onlyKeys(e, EMPLOYEE_KEYS)) return false;
  }
  return true;
}

class Employee {
  constructor(
    readonly id: number, readonly name: string, readonly email: string | undefined, readonly hiredAt: string,
    readonly title: string | undefined, readonly active: boolean,
  ) {}
}
class Department {
  constructor(readonly name: string, readonly budget: number, readonly manager: Employee | undefined, readonly employees: Employee[]) {}
}
class Company {
  constructor(readonly name: string, readonly founded: string, readonly website: string | undefined, readonly departments: Department[]) {}
}
const buildEmployee = (v: any): Employee => new Employee(v.id, v.name, v.email, v.hiredAt, v.title, v.active);
function buildCompany(v: any): Company {
  const ds = v.departments, departments: Department[] = new Array(ds.length);
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i], es = d.employees, employees: Employee[] = new Array(es.length);
    for (let j = 0; j < es.length; j++) employees[j] = buildEmployee(es[j]);
    departments[i] = new Department(d.name, d.budget, d.manager === undefined ? undefined : buildEmployee(d.manager), employees);
  }
  return new Company(v.name, v.founded, v.website, departments);
}

function employeeErrors(v: any, out: string[], at: string): void {
  if (!isObj(v)) return void out.push(at);
  if (!isNum(v.id)) out.push(`${at}.id`);
  if (typeof v.name !== 'string') out.push(`${at}.name`);
  if (v.email !== undefined && typeof v.email !== 'string') out.push(`${at}.email`);
  if (typeof v.hiredAt !== 'string' || !isDay(v.hiredAt)) out.push(`${at}.hiredAt`);
  if (v.title !== undefined && typeof v.title !== 'string') out.push(`${at}.title`);
  if (typeof v.active !== 'boolean') out.push(`${at}.active`);
}
function companyErrors(v: any, out: string[]): void {
  if (!isObj(v)) return void out.push('');
  if (typeof v.name !== 'string') out.push('name');
  if (typeof v.founded !== 'string' || !isDay(v.founded)) out.push('founded');
  if (v.website !== undefined && typeof v.website !== 'string') out.push('website');
  const ds = v.departments;
  if (!Array.isArray(ds)) return void out.push('departments');
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i], at = `departments.${i}`;
    if (!isObj(d)) {
      out.push(at);
      continue;
    }
    if (typeof d.name !== 'string') out.push(`${at}.name`);
    if (!isNum(d.budget)) out.push(`${at}.budget`);
    if (d.manager !== undefined) employeeErrors(d.manager, out, `${at}.manager`);
    const es = d.employees;
    if (!Array.isArray(es)) out.push(`${at}.employees`);
    else for (let j = 0; j < es.length; j++) employeeErrors(es[j], out, `${at}.employees.${j}`);
  }
}

// (c) ------------------------------------------------------------------------

function isTree(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const id = v.id;
  if (typeof id !== 'number' || !Number.isFinite(id) || typeof v.label !== 'string') return false;
  const c = v.children;
  if (!Array.isArray(c)) return false;
  for (let i = 0; i < c.length; i++) if (!isTree(c[i])) return false;
  return true;
}
const TREE_KEYS = (k: string): boolean => k === 'id' || k === 'label' || k === 'children';
function isTreeExact(v: any): boolean {
  if (!onlyKeys(v, TREE_KEYS)) return false;
  for (const c of v.children) if (!isTreeExact(c)) return false;
  return true;
}
class TreeNode {
  constructor(readonly id: number, readonly label: string, readonly children: TreeNode[]) {}
}
function buildTree(v: any): TreeNode {
  const c = v.children, children: TreeNode[] = new Array(c.length);
  for (let i = 0; i < c.length; i++) children[i] = buildTree(c[i]);
  return new TreeNode(v.id, v.label, children);
}
function treeErrors(v: any, out: string[], at: string): void {
  if (!isObj(v)) return void out.push(at);
  if (!isNum(v.id)) out.push(`${at}.id`);
  if (typeof v.label !== 'string') out.push(`${at}.label`);
  const c = v.children;
  if (!Array.isArray(c)) return void out.push(`${at}.children`);
  for (let i = 0; i < c.length; i++) treeErrors(c[i], out, `${at}.children.${i}`);
}

// (d) ------------------------------------------------------------------------

function isShape(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  switch (v.kind) {
    case 'circle': {
      const r = v.radius;
      return typeof r === 'number' && Number.isFinite(r);
    }
    case 'square': {
      const s = v.size;
      return typeof s === 'number' && Number.isFinite(s);
    }
    case 'rect': {
      const w = v.width, h = v.height;
      return typeof w === 'number' && Number.isFinite(w) && typeof h === 'number' && Number.isFinite(h);
    }
    case 'triangle': {
      const a = v.a, b = v.b, c = v.c;
      return typeof a === 'number' && Number.isFinite(a) && typeof b === 'number' && Number.isFinite(b) &&
        typeof c === 'number' && Number.isFinite(c);
    }
    default:
      return false;
  }
}
function isDrawing(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !Array.isArray(v.shapes)) return false;
  const s = v.shapes;
  for (let i = 0; i < s.length; i++) if (!isShape(s[i])) return false;
  return true;
}
const SHAPE_KEYS: Record<string, readonly string[]> = {
  circle: ['kind', 'radius'],
  square: ['kind', 'size'],
  rect: ['kind', 'width', 'height'],
  triangle: ['kind', 'a', 'b', 'c'],
};
const SHAPE_KNOWN: Record<string, (k: string) => boolean> = {
  circle: (k) => k === 'kind' || k === 'radius',
  square: (k) => k === 'kind' || k === 'size',
  rect: (k) => k === 'kind' || k === 'width' || k === 'height',
  triangle: (k) => k === 'kind' || k === 'a' || k === 'b' || k === 'c',
};
function isDrawingExact(v: any): boolean {
  if (!isDrawing(v) || !onlyKeys(v, (k) => k === 'shapes')) return false;
  for (const s of v.shapes) if (!onlyKeys(s, SHAPE_KNOWN[s.kind]!)) return false;
  return true;
}
class Circle {
  readonly kind = 'circle';
  constructor(readonly radius: number) {}
}
class Square {
  readonly kind = 'square';
  constructor(readonly size: number) {}
}
class Rect {
  readonly kind = 'rect';
  constructor(readonly width: number, readonly height: number) {}
}
class Triangle {
  readonly kind = 'triangle';
  constructor(readonly a: number, readonly b: number, readonly c: number) {}
}
class Drawing {
  constructor(readonly shapes: (Circle | Square | Rect | Triangle)[]) {}
}
function buildShape(v: any): Circle | Square | Rect | Triangle {
  switch (v.kind) {
    case 'circle':
      return new Circle(v.radius);
    case 'square':
      return new Square(v.size);
    case 'rect':
      return new Rect(v.width, v.height);
    default:
      return new Triangle(v.a, v.b, v.c);
  }
}
function buildDrawing(v: any): Drawing {
  const s = v.shapes, shapes: (Circle | Square | Rect | Triangle)[] = new Array(s.length);
  for (let i = 0; i < s.length; i++) shapes[i] = buildShape(s[i]);
  return new Drawing(shapes);
}
function drawingErrors(v: any, out: string[]): void {
  if (!isObj(v)) return void out.push('');
  const s = v.shapes;
  if (!Array.isArray(s)) return void out.push('shapes');
  for (let i = 0; i < s.length; i++) {
    const x = s[i], at = `shapes.${i}`;
    if (!isObj(x)) {
      out.push(at);
      continue;
    }
    const need = SHAPE_KEYS[x.kind as string];
    if (need === undefined || !Object.hasOwn(SHAPE_KEYS, x.kind)) out.push(`${at}.kind`);
    else for (const k of need) if (k !== 'kind' && !isNum(x[k])) out.push(`${at}.${k}`);
  }
}

// (f) ------------------------------------------------------------------------

function isFlatList(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !Array.isArray(v.items)) return false;
  const items = v.items;
  for (let i = 0; i < items.length; i++) if (!isFlat(items[i])) return false;
  return true;
}
function isFlatListExact(v: any): boolean {
  if (!isFlatList(v) || !onlyKeys(v, (k) => k === 'items')) return false;
  for (const item of v.items) if (!isFlatExact(item)) return false;
  return true;
}
class FlatList {
  constructor(readonly items: Flat[]) {}
}
function buildFlatList(v: any): FlatList {
  const s = v.items, items: Flat[] = new Array(s.length);
  for (let i = 0; i < s.length; i++) items[i] = buildFlat(s[i]);
  return new FlatList(items);
}
function flatListErrors(v: any, out: string[]): void {
  if (!isObj(v)) return void out.push('');
  const s = v.items;
  if (!Array.isArray(s)) return void out.push('items');
  for (let i = 0; i < s.length; i++) flatErrors(s[i], out, `items.${i}`);
}

// ----------------------------------------------------------------------------

/** A case's four modes from its check, exact check, builder and error collector. */
function modes(
  is: (v: unknown) => boolean,
  exact: (v: any) => boolean,
  build: (v: any) => unknown,
  errors: (v: any, out: string[]) => void,
): CaseValidators {
  return {
    is,
    parse: (v) => (is(v) ? build(v) : fail()),
    strict: (v) => (is(v) && exact(v) ? build(v) : fail()),
    errors: (v) => {
      if (is(v)) return 0;
      const out: string[] = [];
      errors(v, out);
      return out.length;
    },
  };
}

const company = modes(isCompany, isCompanyExact, buildCompany, companyErrors);

/** The hand-written baseline. */
export const handwritten: Peer = {
  name: 'hand-written',
  setup: 'plain typeof checks written for these shapes; parse builds class instances through constructors',
  cases: {
    flat: modes(isFlat, isFlatExact, buildFlat, (v, out) => flatErrors(v, out, '')),
    company,
    tree: modes(isTree, isTreeExact, buildTree, (v, out) => treeErrors(v, out, '')),
    union: modes(isDrawing, isDrawingExact, buildDrawing, drawingErrors),
    errors: company,
    throughput: modes(isFlatList, isFlatListExact, buildFlatList, flatListErrors),
  },
};
