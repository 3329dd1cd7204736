// Helpers shared by the UI tests that mount the whole App on the mock backend.
import { flushSync, tick } from 'svelte';

/** Lets pending promises and Svelte updates run (real timers for setTimeout are assumed). */
export async function settle() {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await tick();
  }
  flushSync();
}

export function queries(root: () => HTMLElement) {
  return {
    $: (sel: string) => root().querySelector(sel) as HTMLElement | null,
    $$: (sel: string) => [...root().querySelectorAll(sel)] as HTMLElement[],
    /** By data-testid. */
    byId: (id: string) => root().querySelector(`[data-testid="${id}"]`) as HTMLElement | null,
    allById: (id: string) => [...root().querySelectorAll(`[data-testid="${id}"]`)] as HTMLElement[],
  };
}

/** A key press where the keyboard sends it: the focused element (bubbling to the window). */
export function press(k: string, opts: KeyboardEventInit = {}, on: EventTarget = document.activeElement ?? window) {
  on.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...opts }));
}

export function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
