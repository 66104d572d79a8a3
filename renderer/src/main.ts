import Aura from '@primeuix/themes/aura';
import { createPinia } from 'pinia';
import 'primeicons/primeicons.css';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import { createApp } from 'vue';
import { takeTokenFromUrl } from './api/client';
import App from './App.vue';
import { keepFocusInOpeningDialogs } from './dialog-focus';
import { i18n } from './i18n';
import { primeVueLv } from './primevue-lv';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles.css';

keepFocusInOpeningDialogs();

async function boot(): Promise<void> {
  takeTokenFromUrl();
  const app = createApp(App);
  app.use(createPinia());
  app.use(i18n);
  app.use(PrimeVue, {
    theme: { preset: Aura, options: { darkModeSelector: false } },
    locale: primeVueLv,
  });
  app.use(ToastService);
  const store = useSessionStore();
  await store.refresh();
  store.start();
  app.use(createAppRouter());
  app.mount('#app');
}

void boot();
