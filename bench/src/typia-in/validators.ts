/**
 * typia's validators of the cases, written as its docs show: `typia generate`
 * (typia 12.2.1, TypeScript 5.9) rewrites this file into ../typia-out/.
 */
import typia, { type tags } from 'typia';
import type { Flat, TreeNode, Drawing, FlatList } from '../types';

type Day = string & tags.Format<'date'>;

interface Employee {
  id: number;
  name: string;
  email?: string;
  hiredAt: Day;
  title?: string;
  active: boolean;
}

interface Department {
  name: string;
  budget: number;
  manager?: Employee;
  employees: Employee[];
}

interface Company {
  name: string;
  founded: Day;
  website?: string;
  departments: Department[];
}

/** Check, clone (parse), exact (strict) and validate (all errors) per case. */
export const typiaCases = {
  flat: {
    is: typia.createIs<Flat>(),
    parse: typia.misc.createAssertClone<Flat>(),
    strict: typia.createAssertEquals<Flat>(),
    validate: typia.createValidate<Flat>(),
  },
  company: {
    is: typia.createIs<Company>(),
    parse: typia.misc.createAssertClone<Company>(),
    strict: typia.createAssertEquals<Company>(),
    validate: typia.createValidate<Company>(),
  },
  tree: {
    is: typia.createIs<TreeNode>(),
    parse: typia.misc.createAssertClone<TreeNode>(),
    strict: typia.createAssertEquals<TreeNode>(),
    validate: typia.createValidate<TreeNode>(),
  },
  union: {
    is: typia.createIs<Drawing>(),
    parse: typia.misc.createAssertClone<Drawing>(),
    strict: typia.createAssertEquals<Drawing>(),
    validate: typia.createValidate<Drawing>(),
  },
  throughput: {
    is: typia.createIs<FlatList>(),
    parse: typia.misc.createAssertClone<FlatList>(),
    strict: typia.createAssertEquals<FlatList>(),
    validate: typia.createValidate<FlatList>(),
  },
};
