import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

/**
 * Aura with colours that pass WCAG 2.1 AA (4.5:1 for text): Aura's defaults put white on
 * emerald-500 (2.5:1), yellow-600 text on yellow-50 (2.8:1) and red-500 text on white (3.8:1).
 * Text colours move to the 700–800 shades of the same hues, so the look stays Aura's; the
 * contrast of every screen is checked by axe in tests/e2e/a11y.spec.ts.
 */

/** A severity's hue and the shade its text takes on white or on its own pale background. */
const SEVERITIES = {
  success: 'green',
  info: 'sky',
  warn: 'orange',
  help: 'purple',
  danger: 'red',
} as const;

/** Filled buttons: white on the 700 shade, darker when hovered or pressed. */
function filledButtons() {
  const out: Record<string, object> = {};
  for (const [severity, hue] of Object.entries(SEVERITIES)) {
    out[severity] = {
      background: `{${hue}.700}`,
      hoverBackground: `{${hue}.800}`,
      activeBackground: `{${hue}.900}`,
      borderColor: `{${hue}.700}`,
      hoverBorderColor: `{${hue}.800}`,
      activeBorderColor: `{${hue}.900}`,
      color: '#ffffff',
      hoverColor: '#ffffff',
      activeColor: '#ffffff',
      focusRing: { color: `{${hue}.700}`, shadow: 'none' },
    };
  }
  return out;
}

/** Text and outlined buttons: the 700 shade on white (hover backgrounds are the 50 shade). */
function textButtons(outlined: boolean) {
  const out: Record<string, object> = {
    primary: { color: '{primary.color}' },
    secondary: { color: '{surface.600}' },
  };
  for (const [severity, hue] of Object.entries(SEVERITIES)) {
    out[severity] = outlined
      ? { color: `{${hue}.700}`, borderColor: `{${hue}.300}` }
      : { color: `{${hue}.700}` };
  }
  return out;
}

/** Messages and toasts: the 800 shade on the pale background of their hue. */
function notes(hues: Record<string, string>) {
  const out: Record<string, object> = {};
  for (const [severity, hue] of Object.entries(hues)) {
    const color = `{${hue}.800}`;
    out[severity] = {
      color,
      outlined: { color, borderColor: `{${hue}.700}` },
      simple: { color },
      closeButton: { focusRing: { color, shadow: 'none' } },
    };
  }
  return out;
}

const NOTE_HUES = { info: 'blue', success: 'green', warn: 'yellow', error: 'red' };

export const RegisterTheme = definePreset(Aura, {
  semantic: {
    colorScheme: {
      light: {
        primary: {
          color: '{primary.700}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.800}',
          activeColor: '{primary.900}',
        },
        highlight: {
          background: '{primary.50}',
          focusBackground: '{primary.100}',
          color: '{primary.800}',
          focusColor: '{primary.900}',
        },
        text: { mutedColor: '{surface.600}', hoverMutedColor: '{surface.700}' },
        formField: {
          placeholderColor: '{surface.600}',
          floatLabelColor: '{surface.600}',
          floatLabelActiveColor: '{surface.600}',
          floatLabelFocusColor: '{primary.700}',
          disabledColor: '{surface.600}',
        },
      },
    },
  },
  components: {
    button: {
      colorScheme: {
        light: {
          root: filledButtons(),
          text: textButtons(false),
          outlined: textButtons(true),
        },
      },
    },
    message: {
      colorScheme: {
        light: {
          ...notes(NOTE_HUES),
          secondary: { color: '{surface.700}', simple: { color: '{surface.700}' } },
        },
      },
    },
    toast: { colorScheme: { light: notes(NOTE_HUES) } },
    tag: {
      colorScheme: {
        light: {
          primary: { color: '{primary.800}' },
          secondary: { color: '{surface.700}' },
          success: { color: '{green.800}' },
          info: { color: '{sky.800}' },
          warn: { color: '{orange.800}' },
          danger: { color: '{red.800}' },
        },
      },
    },
    togglebutton: {
      colorScheme: {
        light: {
          root: { color: '{surface.600}', hoverColor: '{surface.800}' },
          icon: { color: '{surface.600}', hoverColor: '{surface.800}' },
        },
      },
    },
  },
});
