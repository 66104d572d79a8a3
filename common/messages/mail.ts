import type { DomainMessages } from './types';

/** Messages of mail and the outbox; keys start with 'mail.'. */
export const mailMessages: DomainMessages = {
  lv: {
    'mail.list.staff': 'Visi darbinieki',
    'mail.list.management': 'Vadība',
    'mail.list.teachers': 'Visi skolotāji',
    'mail.list.nurse': 'Māsa',
    'mail.list.speech': 'Skolotāji-logopēdi',
    'mail.list.group': '{group}: skolotāji',
    'mail.lineBreak': 'Šajā laukā nedrīkst būt rindas pārnesumi vai vadības rakstzīmes.',
    'mail.badAddress': 'Nederīga e-pasta adrese (piemēram, vards@epasts.lv).',
    'mail.badHost': 'Servera adresē drīkst būt burti, cipari, punkti un domuzīmes.',
    'mail.badPort': 'Portam jābūt skaitlim no 1 līdz 65535.',
    'mail.noRecipient': 'Izvēlieties vismaz vienu saņēmēju vai sarakstu.',
    'mail.chooseTarget': 'Izvēlieties bērnu vai grupu, kuras vecākiem rakstāt.',
    'mail.nobody': 'Izvēlētie saraksti šobrīd neaptver nevienu kolēģi: vēstule netika nosūtīta.',
    'mail.listNotYours': 'Sarakstam «{list}» šobrīd nevarat rakstīt.',
    'mail.userNotFound': 'Saņēmējs nav atrasts vai vairs nestrādā.',
    'mail.messageNotFound': 'Vēstule nav atrasta.',
    'mail.nobodyReachable':
      'Nevienam no šiem vecākiem nevar nosūtīt e-pastu (nav adreses vai piekrišanas): nekas netika nosūtīts.',
    'mail.entryNobody':
      'Bērna {name} vecākiem nevar nosūtīt e-pastu: nevienam nav e-pasta adreses ar piekrišanu to saņemt.',
    'mail.childNotEnrolled': 'Bērns šodien nav uzņemts nevienā grupā.',
    'mail.notYourParents': 'Šiem vecākiem nevarat rakstīt: bērni nav grupā, kurā strādājat.',
    'mail.attachmentTooLarge': 'Pielikums ir lielāks par {max} MB: tas netika nosūtīts.',
    'mail.notResendable': 'Vēlreiz var nosūtīt tikai neizdevušos vai neskaidras sūtīšanas vēstuli.',
    'mail.outboxNotFound': 'E-pasts nav atrasts.',
    'mail.noPasswordForUser': 'Ievadiet paroli lietotājam.',
    'mail.connect.refused': 'Neizdevās savienoties ar {server}: serveris atteica savienojumu.',
    'mail.connect.timeout': 'Neizdevās savienoties ar {server}: serveris neatbild.',
    'mail.connect.dns': 'Neizdevās savienoties: serveris {server} nav atrasts.',
    'mail.connect.tls': 'Neizdevās savienoties ar {server}: šifrēta savienojuma (TLS) kļūda.',
    'mail.connect.auth': 'Serveris {server} nepieņēma lietotājvārdu vai paroli.',
    'mail.connect.other': 'Neizdevās savienoties ar {server}: {reason}',
    'mail.crashed':
      'Programma tika aizvērta sūtīšanas laikā: nav zināms, vai serveris vēstuli saņēma. Pārbaudiet un, ja vajag, nosūtiet vēlreiz.',
    'mail.lostAfterData':
      'Savienojums pārtrūka pēc vēstules nosūtīšanas, pirms serveris atbildēja: nav zināms, vai tā tika saņemta.',
  },
  en: {
    'mail.list.staff': 'All staff',
    'mail.list.management': 'Management',
    'mail.list.teachers': 'All teachers',
    'mail.list.nurse': 'Nurse',
    'mail.list.speech': 'Speech therapists',
    'mail.list.group': '{group}: teachers',
    'mail.lineBreak': 'This field must not contain line breaks or control characters.',
    'mail.badAddress': 'Invalid e-mail address (e.g. name@example.lv).',
    'mail.badHost': 'The server address may hold letters, digits, dots and hyphens.',
    'mail.badPort': 'The port must be a number from 1 to 65535.',
    'mail.noRecipient': 'Choose at least one recipient or list.',
    'mail.chooseTarget': 'Choose the child or group whose parents you write to.',
    'mail.nobody': 'The lists chosen reach no colleague at the moment: the message was not sent.',
    'mail.listNotYours': 'You cannot write to the list “{list}” at the moment.',
    'mail.userNotFound': 'The recipient was not found or no longer works here.',
    'mail.messageNotFound': 'Message not found.',
    'mail.nobodyReachable':
      'None of these parents can be e-mailed (no address or no consent): nothing was sent.',
    'mail.entryNobody':
      'The parents of {name} cannot be e-mailed: none has an e-mail address and consent to receive it.',
    'mail.childNotEnrolled': 'The child is not enrolled in any group today.',
    'mail.notYourParents':
      'You cannot write to these parents: the children are not in a group you work in.',
    'mail.attachmentTooLarge': 'The attachment is larger than {max} MB: it was not sent.',
    'mail.notResendable':
      'Only a failed message, or one whose outcome is unknown, can be sent again.',
    'mail.outboxNotFound': 'E-mail not found.',
    'mail.noPasswordForUser': 'Enter the password for the user.',
    'mail.connect.refused': 'Could not connect to {server}: the server refused the connection.',
    'mail.connect.timeout': 'Could not connect to {server}: the server does not answer.',
    'mail.connect.dns': 'Could not connect: the server {server} was not found.',
    'mail.connect.tls': 'Could not connect to {server}: encrypted connection (TLS) error.',
    'mail.connect.auth': 'The server {server} did not accept the user name or password.',
    'mail.connect.other': 'Could not connect to {server}: {reason}',
    'mail.crashed':
      'The program was closed while sending: it is not known whether the server received the message. Check and send again if needed.',
    'mail.lostAfterData':
      'The connection broke after the message was sent, before the server answered: it is not known whether it was received.',
  },
};
