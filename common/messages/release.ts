import type { DomainMessages } from './types';

/** Messages of program versions and updates; keys start with 'release.'. */
export const releaseMessages: DomainMessages = {
  lv: {
    'error.MIGRATION_FAILED':
      'Jaunā programmas versija nevarēja pārveidot datubāzi. Dati atjaunoti no kopijas, kas izveidota pirms tam.',
    'release.migrationFailed':
      'Programmas versija {version} nevarēja pārveidot datubāzi ({reason}). Dati ir atjaunoti no rezerves kopijas, kas izveidota tieši pirms tam ({file}), un nekas nav zudis. Žurnālu varēs atvērt, kad būs uzstādīta izlabota versija; lūdzu, sazinieties ar programmas piegādātāju.',
    'release.migrationRestoreFailed':
      'Programmas jaunā versija nevarēja pārveidot datubāzi, un automātiski atjaunot datus neizdevās. Rezerves kopija pirms atjaunināšanas ir šeit: {file}. Nemainiet datu mapi un sazinieties ar programmas piegādātāju.',
    'release.notReady': 'Nav lejupielādētas jaunas versijas, ko uzstādīt.',
  },
  en: {
    'error.MIGRATION_FAILED':
      'The new version of the program could not convert the database. The data was restored from the copy made before.',
    'release.migrationFailed':
      'Version {version} of the program could not convert the database ({reason}). The data has been restored from the backup made just before ({file}); nothing was lost. The register will open again once a corrected version is installed; please contact the program’s supplier.',
    'release.migrationRestoreFailed':
      'The new version of the program could not convert the database, and restoring the data automatically failed. The backup made before the update is here: {file}. Do not change the data folder and contact the program’s supplier.',
    'release.notReady': 'No new version has been downloaded to install.',
  },
};
