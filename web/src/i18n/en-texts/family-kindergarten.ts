import type { zhFamilyKindergarten } from '../zh-CN-texts/family-kindergarten';

/** The kindergarten's day (staff): arrivals, morning checks, the pick-up desk, medication. */
export const enFamilyKindergarten: typeof zhFamilyKindergarten = {
  familyKindergarten: {
    title: 'Kindergarten day',
    note: 'Arrivals, morning checks, pick-up and medication; only the people guardians authorised and the day\'s one-offs may take a child.',
    chooseClass: 'Choose a class',
    noClass: 'You are not on the staff of any kindergarten class',
    col: { child: 'Child', arrival: 'Arrival', check: 'Morning check', medication: 'Medication', pickup: 'Pick-up' },
    arrive: 'Record arrival',
    broughtBy: 'Brought by',
    save: 'Save',
    correct: 'Correct',
    giveDose: 'Dose given',
    dosesDone: 'All doses given today',
    pickUp: 'Pick-up desk',
    refusedTag: '{{name}} refused',
    status: { normal: 'Normal', attention: 'Attention', sent_home: 'Sent home' },
    check: {
      title: 'Morning check: {{child}}', do: 'Check', temperature: 'Temperature', hands: 'Hands fine', mouth: 'Mouth fine', skin: 'Skin fine',
      status: 'Result', note: 'Note', short: 'H{{hands}} M{{mouth}} S{{skin}}',
    },
    desk: {
      title: 'Pick-up: {{child}}', persons: 'People the guardians authorised', noPersons: 'The guardians have added nobody yet', oneOff: 'One-off (today, once)',
      confirm: 'Picked up by this person', someoneElse: 'Not on the list? Enter their name and mobile to check', name: 'Name', phone: 'Mobile',
      phoneRule: 'Enter an 11-digit mobile number', check: 'Check', refused: 'REFUSED',
    },
  },
};
