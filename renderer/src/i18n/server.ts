/** UI text of a PC that works with the kindergarten's server (under the 'server.' prefix). */
export const lv = {
  title: 'Pieslēgties bērnudārza serverim',
  intro:
    'Ja bērnudārzā žurnāls glabājas serverī, šis dators tikai pieslēdzas tam. Adresi un sertifikāta nospiedumu jums iedos bērnudārza IT speciālists (serveris to parāda, kad tiek palaists).',
  address: 'Servera adrese',
  addressHint: 'Piemēram, https://zurnals.zilite.lv:8443',
  fingerprint: 'Sertifikāta SHA-256 nospiedums',
  fingerprintHint: '64 heksadecimālie cipari; kolus var rakstīt vai izlaist.',
  connect: 'Pieslēgties',
  back: 'Atpakaļ uz iestādes izveidi',
  choice: 'Bērnudārzam ir serveris? Pieslēgt šo datoru serverim',
  connectedTo: 'Serveris: {address}',
};

export const en: typeof lv = {
  title: 'Connect to the kindergarten’s server',
  intro:
    'If the kindergarten keeps its register on a server, this PC only connects to it. The kindergarten’s IT gives you the address and the certificate’s fingerprint (the server shows it when it starts).',
  address: 'Server address',
  addressHint: 'For example https://register.zilite.lv:8443',
  fingerprint: 'Certificate SHA-256 fingerprint',
  fingerprintHint: '64 hexadecimal digits; with or without colons.',
  connect: 'Connect',
  back: 'Back to setting up the institution',
  choice: 'Does the kindergarten have a server? Connect this PC to it',
  connectedTo: 'Server: {address}',
};
