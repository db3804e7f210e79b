import type { Setup } from '@playground/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { storeContext, useStoreApi, useStoreState } from '../../store/storeContext.ts';
import type { MovedServer } from './setupLink.ts';

export interface ShareData {
  /** A setup from a shared link, waiting for the learner to accept or dismiss it. */
  offered: Setup | null;
  /** Servers of the setup just created that got another port than the link's: the page says so. */
  moved: MovedServer[];
}

export type ShareStore = StoreApi<ShareData>;

export const createShareStore = (): ShareStore => createStore<ShareData>()(() => ({ offered: null, moved: [] }));

export const ShareContext = storeContext<ShareData>('share');
export const useShareStore = () => useStoreApi(ShareContext);
export const useShare = <T>(selector: (state: ShareData) => T) => useStoreState(ShareContext, selector);
