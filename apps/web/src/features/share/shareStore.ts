import type { Setup } from '@playground/protocol';
import { createStore } from 'zustand/vanilla';
import type { MovedServer } from './setupLink.ts';

export interface ShareData {
  /** A setup from a shared link, waiting for the learner to accept or dismiss it. */
  offered: Setup | null;
  /** Servers of the setup just created that got another port than the link's: the page says so. */
  moved: MovedServer[];
}

export const shareStore = createStore<ShareData>()(() => ({ offered: null, moved: [] }));
