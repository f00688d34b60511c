import type { CreateBranchInput } from '../src/modules/network/index.js';
import type { CreateStaffMemberInput } from '../src/modules/staff/index.js';

let sequence = 0;
const next = () => ++sequence;

/** A valid new branch; override what the test is about. */
export function branchInput(overrides: Partial<CreateBranchInput> = {}): CreateBranchInput {
  const n = next();
  return {
    code: `B${n}`,
    name: `Тестовая сельская библиотека ${n}`,
    type: 'rural',
    isPublicAccessCentre: false,
    isModel: false,
    openedOn: '2000-01-01',
    basisKind: '',
    basis: '',
    ...overrides,
  };
}

/** A valid new staff member of the given branch. */
export function staffMemberInput(branchId: number, overrides: Partial<CreateStaffMemberInput> = {}): CreateStaffMemberInput {
  const n = next();
  return {
    branchId,
    lastName: `Иванова${n}`,
    firstName: 'Мария',
    middleName: 'Петровна',
    position: 'Библиотекарь',
    employment: 'staff',
    education: 'higher',
    hasLibraryEducation: true,
    hiredOn: '2015-09-01',
    birthDate: '1980-05-12',
    ...overrides,
  };
}
