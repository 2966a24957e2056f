import { schoolsPlan } from './schools.import-spec.js';
import { staffPlan } from './staff.import-spec.js';
type P = Parameters<typeof schoolsPlan.prepare>[0][number];
const x: P['batch'] = 5;
const x2: P['kind'] = 5;
const x3: P['poorVillage'] = 'a';
type S = Parameters<typeof staffPlan.prepare>[0][number];
const y: S['role'] = 'sysadmin';
const z: S['phone'] = 3;
