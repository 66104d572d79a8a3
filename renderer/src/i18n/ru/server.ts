import type { lv } from '../server';

/** Russian UI text of a PC that works with the kindergarten's server. */
export const ru: typeof lv = {
  title: 'Подключиться к серверу детского сада',
  intro:
    'Если журнал детского сада хранится на сервере, этот компьютер только подключается к нему. Адрес и отпечаток сертификата вам даст IT-специалист детского сада (сервер показывает их при запуске).',
  address: 'Адрес сервера',
  addressHint: 'Например, https://zurnals.zilite.lv:8443',
  fingerprint: 'Отпечаток сертификата SHA-256',
  fingerprintHint: '64 шестнадцатеричные цифры; двоеточия можно писать или пропускать.',
  connect: 'Подключиться',
  back: 'Назад к созданию учреждения',
  choice: 'У детского сада есть сервер? Подключить этот компьютер к нему',
  connectedTo: 'Сервер: {address}',
};
