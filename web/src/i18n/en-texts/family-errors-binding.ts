/** English for the error codes of binding and class staff (the server's Chinese sentence is the fallback). */
export const enFamilyErrorsBinding: Record<string, string> = {
  BINDING_CODE_INVALID: 'This invitation code is wrong, expired or revoked: ask the head teacher for a new code or scan the class QR code again',
  BINDING_NOT_MATCHED: 'The child\'s details could not be checked: make sure the name and the last four digits of the student number are right (the head teacher can tell you the number)',
  BINDING_TOO_MANY_TRIES: 'Too many failed tries: to protect children\'s data, try again in an hour or contact the head teacher',
  BINDING_RELATION_TEXT: 'With “other”, write your relation to the child (e.g. uncle)',
  BINDING_ALREADY_BOUND: 'You are already bound to this child: see “My children”',
  BINDING_ALREADY_DECIDED: 'This request has already been decided: refresh the list',
  CLASS_STAFF_NOT_TEACHER: 'Only a teacher of this school can be class staff: give the account a teacher role of the school first',
  CLASS_HEAD_TAKEN: 'The class already has a head teacher: make them a subject teacher or remove them first',
};
