import Dialog from 'primevue/dialog';

/**
 * PrimeVue's Dialog moves the focus to its [autofocus] element (or its close button) only when
 * its opening animation ends. On a busy PC someone may already be typing in the first field by
 * then, and the keystrokes that follow would land on the close button (an Escape meant for a
 * calendar would even close the dialog). Focus that is already inside the dialog stays put.
 */
export function keepFocusInOpeningDialogs(): void {
  const methods = (Dialog as unknown as { methods: Record<string, (this: DialogThis) => void> })
    .methods;
  const focusOnShow = methods.focus;
  methods.focus = function (this: DialogThis) {
    if (this.container?.contains(document.activeElement)) return;
    focusOnShow.call(this);
  };
}

interface DialogThis {
  container: HTMLElement | null;
}
