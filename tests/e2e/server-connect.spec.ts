import { expect, snapshot, test } from './fixtures';
import { RecoveryKeyPage, SetupPage } from './page-models/auth';
import { ConnectServerPage } from './page-models/server';
import { startServer, type RunningServer } from './server-mode';

const NOW = '2026-11-30T07:30:00Z';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(NOW);
});
test.afterAll(async () => {
  await server?.stop();
});

test('a new PC connects to the kindergarten server, refusing a wrong certificate', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  const connect = new ConnectServerPage(page);
  await connect.open();
  const wrong = 'AB:'.repeat(31) + 'AB';
  await connect.connect(server.address, wrong);
  await expect(connect.error()).toHaveText(
    `Serveris ${server.address} uzrādīja sertifikātu ar nospiedumu ${server.fingerprint}, bet ` +
      `šim datoram norādīts ${wrong}. Savienojums netika izveidots, un nekas netika nosūtīts. ` +
      'Pārbaudiet adresi un nospiedumu pie bērnudārza IT speciālista.',
  );
  await snapshot(page, 'server-connect-refused');

  await page.getByLabel('Sertifikāta SHA-256 nospiedums').fill('');
  await connect.connect(server.address, server.fingerprint.replace(/:/g, '').toLowerCase());
  const setup = new SetupPage(page);
  await expect(setup.heading()).toBeVisible();
  await expect(connect.server()).toHaveText(`Serveris: ${server.address}`);
  await expect(page.getByRole('link', { name: 'Atjaunot no rezerves kopijas' })).toHaveCount(0);
  await snapshot(page, 'server-connected-setup');

  // The institution is made on the server, through this PC.
  await setup.fill(
    { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' },
    { fullName: 'Ilze Bērziņa', username: 'ilze', password: 'vadītāja-parole-1' },
  );
  await setup.submit();
  await expect(new RecoveryKeyPage(page).heading()).toBeVisible();
  const state = await app.api('app.state');
  expect(state).toMatchObject({ phase: 'unlocked', server: server.address });
});
