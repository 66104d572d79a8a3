/**
 * For every <Password :feedback="false">: PrimeVue puts aria-expanded and aria-haspopup on the
 * input for its strength popup even when the popup is off, and a text input may not carry them
 * (axe: aria-allowed-attr, critical). Props passed here override them.
 */
export const NO_POPUP = { 'aria-expanded': undefined, 'aria-haspopup': undefined } as const;
