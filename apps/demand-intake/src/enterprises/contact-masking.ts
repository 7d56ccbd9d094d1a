import { maskEmail, maskPersonName, maskPhone } from '#runtime';

/**
 * Masking of the contact person (personal data under PIPL) for callers who may know that an
 * enterprise has a contact but not who it is. Pure functions, no I/O.
 */

export { maskEmail, maskPersonName, maskPhone };

export interface ContactPerson {
  name: string;
  phone: string;
  email: string;
}

export function maskContact(contact: ContactPerson): ContactPerson {
  return { name: maskPersonName(contact.name), phone: maskPhone(contact.phone), email: maskEmail(contact.email) };
}
