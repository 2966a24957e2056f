/**
 * The API shapes of kindergarten care (接送, 晨检, 委托服药), derived from the server's TypeBox
 * schemas like api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  AddMedicationBody, AddOneOffBody, AddPersonBody, ArrivalSchema, ChildDaySchema, ChildRefSchema, ClassDaySchema, HealthCheckBody, HealthCheckSchema,
  KindergartenChildrenSchema, KindergartenClassesSchema, MedicationListSchema, MedicationSchema, OneOffSchema, PickupBody, PickupOutcomeSchema,
  PickupPeopleSchema, PickupPersonSchema, RefusalSchema,
} from '../server/src/modules/family/kindergarten.schema.js';

export type KgChildRef = Static<typeof ChildRefSchema>;
export type KgChildren = Static<typeof KindergartenChildrenSchema>;
export type KgClasses = Static<typeof KindergartenClassesSchema>;
export type PickupPerson = Static<typeof PickupPersonSchema>;
export type OneOff = Static<typeof OneOffSchema>;
export type PickupPeople = Static<typeof PickupPeopleSchema>;
export type AddPerson = Static<typeof AddPersonBody>;
export type AddOneOff = Static<typeof AddOneOffBody>;
export type PickupRequest = Static<typeof PickupBody>;
export type PickupOutcome = Static<typeof PickupOutcomeSchema>;
export type Refusal = Static<typeof RefusalSchema>;
export type Arrival = Static<typeof ArrivalSchema>;
export type HealthCheckInput = Static<typeof HealthCheckBody>;
export type HealthCheck = Static<typeof HealthCheckSchema>;
export type AddMedication = Static<typeof AddMedicationBody>;
export type Medication = Static<typeof MedicationSchema>;
export type MedicationList = Static<typeof MedicationListSchema>;
export type ChildDay = Static<typeof ChildDaySchema>;
export type ClassDay = Static<typeof ClassDaySchema>;
export type ClassDayChild = ClassDay['children'][number];
