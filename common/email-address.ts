/**
 * What the register accepts as an e-mail address, for guardians, the sender and test messages:
 * one mailbox, no display name, no spaces, quotes, commas, angle brackets or line breaks, so an
 * address can never smuggle a second recipient or a header into a message.
 */
const ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export const EMAIL_MAX_LENGTH = 120;

export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && ADDRESS.test(value);
}

/** CR, LF or another control character: never allowed in a subject or a name that becomes a header. */
export function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f\u2028\u2029]/.test(value);
}
