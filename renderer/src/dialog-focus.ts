import Dialog from 'primevue/dialog';
import { ask, hasDirtyForm, question } from './unsaved';

/**
 * Three fixes to PrimeVue's Dialog for every dialog of the program, in one place:
 *
 * - It moves the focus to its [autofocus] element (or its close button) only when its opening
 *   animation ends. On a busy PC someone may already be typing in the first field by then, and
 *   the keystrokes that follow would land on the close button (an Escape meant for a calendar
 *   would even close the dialog). Focus that is already inside the dialog stays put.
 * - Escape, × or the mask close a dialog at once, typed text and all: with a form that holds
 *   unsaved input it now asks first (unsaved.ts). Saving closes without asking, as the dialogs
 *   close themselves then, not through close().
 * - It gives the focus back to the element that opened it only when its closing animation runs;
 *   most dialogs here are removed by their screen (v-if) instead, and the focus fell to <body>.
 *   Now it returns to the opener either way, if the opener is still on the screen.
 */
export function keepFocusInOpeningDialogs(): void {
  const component = Dialog as unknown as {
    methods: Record<string, (this: DialogThis) => unknown>;
    beforeUnmount: (this: DialogThis) => void;
  };
  const { methods } = component;
  const focusOnShow = methods.focus;
  methods.focus = function (this: DialogThis) {
    if (this.container?.contains(document.activeElement)) return;
    focusOnShow.call(this);
  };

  const close = methods.close;
  methods.close = function (this: DialogThis) {
    if (this.$attrs['data-leave-question'] !== undefined) return close.call(this);
    if (question.value) return;
    if (!hasDirtyForm()) return close.call(this);
    void ask('discard').then((leave) => {
      if (leave) close.call(this);
    });
  };

  const beforeUnmount = component.beforeUnmount;
  component.beforeUnmount = function (this: DialogThis) {
    const opener = this.target;
    const inside = this.container?.contains(document.activeElement) ?? false;
    beforeUnmount.call(this);
    if (opener instanceof HTMLElement && opener.isConnected && (inside || lostFocus())) {
      // After the dialog's own DOM is gone: focusing earlier would be undone by its removal.
      setTimeout(() => {
        if (lostFocus()) opener.focus();
      });
    }
  };
}

function lostFocus(): boolean {
  return !document.activeElement || document.activeElement === document.body;
}

interface DialogThis {
  container: HTMLElement | null;
  target: Element | null;
  $attrs: Record<string, unknown>;
}
