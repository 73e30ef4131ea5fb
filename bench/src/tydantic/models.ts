/** The benchmark cases as tydantic models: compiled by `tydantic generate -p bench/src/tydantic`. */
import { Model, model, type DateString } from 'tydantic';

/** (a) The nested object. */
@model()
export class Location extends Model {
  lat!: number;
  lng!: number;
  city!: string;
}

/** (a) A flat record. */
@model()
export class Flat extends Model {
  id!: number;
  name!: string;
  age!: number;
  active!: boolean;
  score!: number;
  nickname!: string;
  verified!: boolean;
  location!: Location;
}

/** (b) An employee. */
@model()
export class Employee extends Model {
  id!: number;
  name!: string;
  email?: string;
  hiredAt!: DateString;
  title?: string;
  active!: boolean;
}

/** (b) A department. */
@model()
export class Department extends Model {
  name!: string;
  budget!: number;
  manager?: Employee;
  employees!: Employee[];
}

/** (b) The root of the hierarchy. */
@model()
export class Company extends Model {
  name!: string;
  founded!: DateString;
  website?: string;
  departments!: Department[];
}

/** (c) A recursive tree node. */
@model()
export class TreeNode extends Model {
  id!: number;
  label!: string;
  children!: TreeNode[];
}

/** (d) Union member. */
@model()
export class Circle extends Model {
  kind!: 'circle';
  radius!: number;
}

/** (d) Union member. */
@model()
export class Square extends Model {
  kind!: 'square';
  size!: number;
}

/** (d) Union member. */
@model()
export class Rect extends Model {
  kind!: 'rect';
  width!: number;
  height!: number;
}

/** (d) Union member. */
@model()
export class Triangle extends Model {
  kind!: 'triangle';
  a!: number;
  b!: number;
  c!: number;
}

/** (d) 100 shapes of a discriminated union. */
@model()
export class Drawing extends Model {
  shapes!: (Circle | Square | Rect | Triangle)[];
}

/** (f) 10,000 flat records. */
@model()
export class FlatList extends Model {
  items!: Flat[];
}
