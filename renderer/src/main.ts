import { createPinia } from 'pinia';
import 'primeicons/primeicons.css';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import { createApp, watch } from 'vue';
import { takeTokenFromUrl } from './api/client';
import App from './App.vue';
import { keepFocusInOpeningDialogs } from './dialog-focus';
import { i18n } from './i18n';
import { PRIMEVUE_LOCALES } from './primevue-locale';
import { primeVueLv } from './primevue-lv';
import { hasUnsaved } from './dirty';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles.css';
import { RegisterTheme } from './theme';

keepFocusInOpeningDialogs();
// Closing the window (or reloading) with unsaved input: the browser asks, and in the desktop
// build the main process asks with its own dialog (electron/main.ts, 'will-prevent-unload').
window.addEventListener('beforeunload', (event) => {
  if (hasUnsaved()) event.preventDefault();
});

async function boot(): Promise<void> {
  takeTokenFromUrl();
  const app = createApp(App);
  app.use(createPinia());
  app.use(i18n);
  app.use(PrimeVue, {
    theme: { preset: RegisterTheme, options: { darkModeSelector: false } },
    locale: primeVueLv,
  });
  app.use(ToastService);
  // PrimeVue's own texts (date pickers, tables, close buttons) follow the UI language.
  const primevue = app.config.globalProperties.$primevue;
  watch(i18n.global.locale, (locale) => {
    Object.assign(primevue.config.locale ?? {}, PRIMEVUE_LOCALES[locale]);
  });
  const store = useSessionStore();
  await store.refresh();
  store.start();
  app.use(createAppRouter());
  app.mount('#app');
}

void boot();
