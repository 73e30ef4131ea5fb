/**
 * class-validator + class-transformer, as their docs show: decorated classes,
 * reflect-metadata loaded once, plainToInstance then validateSync.
 * Legacy decorators (this folder's tsconfig): class-validator needs them.
 */
import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import {
  IsBoolean, IsIn, IsISO8601, IsNumber, IsOptional, IsString, ValidateNested, validateSync, type ValidationError,
} from 'class-validator';
import type { CaseValidators, Peer } from '../../peer';

class Location {
  @IsNumber() lat!: number;
  @IsNumber() lng!: number;
  @IsString() city!: string;
}

class Flat {
  @IsNumber() id!: number;
  @IsString() name!: string;
  @IsNumber() age!: number;
  @IsBoolean() active!: boolean;
  @IsNumber() score!: number;
  @IsString() nickname!: string;
  @IsBoolean() verified!: boolean;
  @ValidateNested() @Type(() => Location) location!: Location;
}

class Employee {
  @IsNumber() id!: number;
  @IsString() name!: string;
  @IsOptional() @IsString() email?: string;
  @IsISO8601({ strict: true }) hiredAt!: string;
  @IsOptional() @IsString() title?: string;
  @IsBoolean() active!: boolean;
}

class Department {
  @IsString() name!: string;
  @IsNumber() budget!: number;
  @IsOptional() @ValidateNested() @Type(() => Employee) manager?: Employee;
  @ValidateNested({ each: true }) @Type(() => Employee) employees!: Employee[];
}

class Company {
  @IsString() name!: string;
  @IsISO8601({ strict: true }) founded!: string;
  @IsOptional() @IsString() website?: string;
  @ValidateNested({ each: true }) @Type(() => Department) departments!: Department[];
}

class TreeNode {
  @IsNumber() id!: number;
  @IsString() label!: string;
  @ValidateNested({ each: true }) @Type(() => TreeNode) children!: TreeNode[];
}

abstract class Shape {
  @IsIn(['circle', 'square', 'rect', 'triangle']) kind!: string;
}
class Circle extends Shape {
  @IsNumber() radius!: number;
}
class Square extends Shape {
  @IsNumber() size!: number;
}
class Rect extends Shape {
  @IsNumber() width!: number;
  @IsNumber() height!: number;
}
class Triangle extends Shape {
  @IsNumber() a!: number;
  @IsNumber() b!: number;
  @IsNumber() c!: number;
}

class Drawing {
  @ValidateNested({ each: true })
  @Type(() => Shape, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'kind',
      subTypes: [
        { value: Circle, name: 'circle' },
        { value: Square, name: 'square' },
        { value: Rect, name: 'rect' },
        { value: Triangle, name: 'triangle' },
      ],
    },
  })
  shapes!: Shape[];
}

class FlatList {
  @ValidateNested({ each: true }) @Type(() => Flat) items!: Flat[];
}

class Invalid extends Error {}

/** Leaf constraint failures in a tree of ValidationErrors. */
function count(errors: readonly ValidationError[]): number {
  let n = 0;
  for (const e of errors) n += (e.constraints === undefined ? 0 : 1) + count(e.children ?? []);
  return n;
}

const STRIP = { whitelist: true } as const;
const FORBID = { whitelist: true, forbidNonWhitelisted: true } as const;
const ALL = {} as const;

function modes(cls: new () => object): CaseValidators {
  const run = (v: unknown, options: object): object => {
    // plainToInstance maps an array to an array of instances: the cases are objects, so refuse that.
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid('not an object');
    const out = plainToInstance(cls, v);
    if (validateSync(out, options).length > 0) throw new Invalid('invalid');
    return out;
  };
  return {
    parse: (v) => run(v, STRIP),
    strict: (v) => run(v, FORBID),
    errors: (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return 1;
      return count(validateSync(plainToInstance(cls, v), ALL));
    },
  };
}

const company = modes(Company);

/** class-transformer's plainToInstance then class-validator's validateSync. */
export const classValidator: Peer = {
  name: 'class-validator',
  setup: 'class-validator 0.15 + class-transformer 0.5 + reflect-metadata, legacy decorators: plainToInstance then validateSync ({ whitelist } strips, forbidNonWhitelisted rejects); no check-only mode',
  cases: { flat: modes(Flat), company, tree: modes(TreeNode), union: modes(Drawing), errors: company, throughput: modes(FlatList) },
};
