/// <reference types="vite/client" />
import type { RegisterBridge } from '../../electron/preload';

declare global {
  interface Window {
    /** Present in the desktop app only (exposed by electron/preload.ts). */
    register?: RegisterBridge;
  }
}
