import type { Setup } from '@playground/protocol';
import { createStore } from 'zustand/vanilla';

export interface ShareData {
  /** A setup from a shared link, waiting for the learner to accept or dismiss it. */
  offered: Setup | null;
}

export const shareStore = createStore<ShareData>()(() => ({ offered: null }));
