/**
 * The shapes of the benchmark cases as plain TypeScript types: the schema typia
 * reads, and the static type every peer's output is compared against.
 */

/** (a) A point on a map: the nested object of the flat case. */
export interface Location {
  lat: number;
  lng: number;
  city: string;
}

/** (a) A flat record of numbers, strings and booleans with one nested object. */
export interface Flat {
  id: number;
  name: string;
  age: number;
  active: boolean;
  score: number;
  nickname: string;
  verified: boolean;
  location: Location;
}

/** (b) An employee; dates are ISO `YYYY-MM-DD` strings. */
export interface Employee {
  id: number;
  name: string;
  email?: string;
  hiredAt: string;
  title?: string;
  active: boolean;
}

/** (b) A department with an optional manager. */
export interface Department {
  name: string;
  budget: number;
  manager?: Employee;
  employees: Employee[];
}

/** (b) The root of the hierarchy. */
export interface Company {
  name: string;
  founded: string;
  website?: string;
  departments: Department[];
}

/** (c) A node of a recursive tree. */
export interface TreeNode {
  id: number;
  label: string;
  children: TreeNode[];
}

/** (d) First member of the discriminated union. */
export interface Circle {
  kind: 'circle';
  radius: number;
}

/** (d) Second member. */
export interface Square {
  kind: 'square';
  size: number;
}

/** (d) Third member. */
export interface Rect {
  kind: 'rect';
  width: number;
  height: number;
}

/** (d) Fourth member. */
export interface Triangle {
  kind: 'triangle';
  a: number;
  b: number;
  c: number;
}

/** (d) The union, discriminated by `kind`. */
export type Shape = Circle | Square | Rect | Triangle;

/** (d) 100 shapes. */
export interface Drawing {
  shapes: Shape[];
}

/** (f) 10,000 flat records. */
export interface FlatList {
  items: Flat[];
}
