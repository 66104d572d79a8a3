import type { DomainMessages } from './types';

/** Messages of server mode and of a PC that works with the kindergarten's server ('server.'). */
export const serverMessages: DomainMessages = {
  lv: {
    'error.UNAVAILABLE': 'Datubāze pašlaik nav pieejama. Izmaiņas netika saglabātas.',
    'error.CERTIFICATE_MISMATCH':
      'Servera sertifikāts neatbilst norādītajam nospiedumam. Savienojums netika izveidots.',
    'server.databaseUnavailable':
      'Serveris nevar sazināties ar datubāzi. Izmaiņas netika saglabātas; mēģiniet vēlreiz pēc brīža.',
    'server.unreachable':
      'Neizdevās sazināties ar bērnudārza serveri {address} ({reason}). Pārbaudiet tīkla savienojumu un servera adresi.',
    'server.fingerprintMismatch':
      'Serveris {address} uzrādīja sertifikātu ar nospiedumu {actual}, bet šim datoram norādīts {expected}. Savienojums netika izveidots, un nekas netika nosūtīts. Pārbaudiet adresi un nospiedumu pie bērnudārza IT speciālista.',
    'server.notOnServer': 'Šī darbība serverī vēl nav pieejama.',
    'server.sessionMoved':
      'Sesija ir piesaistīta citam datoram. Drošības dēļ tā ir slēgta; pieslēdzieties vēlreiz.',
    'server.choiceDone': 'Šim datoram jau ir izvēlēts, kur glabāt žurnālu.',
    'server.badFingerprint':
      'Nospiedums ir 64 heksadecimālie cipari (SHA-256), var būt atdalīti ar kolu.',
    'server.badAddress': 'Adresei jābūt formā https://serveris:ports.',
  },
  en: {
    'error.UNAVAILABLE': 'The database is not available right now. Nothing was saved.',
    'error.CERTIFICATE_MISMATCH':
      'The server’s certificate does not match the fingerprint given. No connection was made.',
    'server.databaseUnavailable':
      'The server cannot reach its database. Nothing was saved; please try again in a moment.',
    'server.unreachable':
      'Could not reach the kindergarten’s server {address} ({reason}). Check the network and the server’s address.',
    'server.fingerprintMismatch':
      'The server {address} presented a certificate with the fingerprint {actual}, but this PC expects {expected}. No connection was made and nothing was sent. Check the address and the fingerprint with the kindergarten’s IT.',
    'server.notOnServer': 'This is not available on the server yet.',
    'server.sessionMoved':
      'The session belongs to another computer. It has been closed for safety; please log in again.',
    'server.choiceDone': 'This PC has already chosen where the register is kept.',
    'server.badFingerprint':
      'The fingerprint is 64 hexadecimal digits (SHA-256), optionally separated by colons.',
    'server.badAddress': 'The address must look like https://server:port.',
  },
};
