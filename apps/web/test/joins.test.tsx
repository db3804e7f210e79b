import { CLOSE_REMOVED_FROM_CLASS, type ClassJoin, type Roster } from '@playground/protocol';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createPageStores } from '../src/app/PageStores.tsx';
import { BridgeClient, type SocketLike } from '../src/bridge/client.ts';
import { JoinsCard } from '../src/features/classroom/JoinsCard.tsx';
import { createAccess, postJoin, STORAGE } from '../src/features/join/model/access.ts';
import { renderWithPlayground, welcome } from './support/render.tsx';
import { memoryStorage } from './support/storage.ts';

const join = (studentId: string, name: string, address: string, status: ClassJoin['status']): ClassJoin => ({
  studentId,
  name,
  address,
  joinedAt: Date.UTC(2026, 0, 1, 9, 30),
  status,
  ...(status === 'waiting' ? { expiresAt: Date.UTC(2026, 0, 1, 9, 40) } : {}),
});

function roster(joins: ClassJoin[]): Roster {
  return { type: 'roster', joinCode: 'K7QX2M', joinUrls: [], allowPeers: false, published: [], students: [], joins };
}

describe('the teacher’s list of joins', () => {
  it('groups joins by address, the flood first, and takes back one join or all of one address', async () => {
    const stores = createPageStores();
    stores.classroom.setState({
      roster: roster([
        join('st4', 'bot3', '10.0.0.66', 'waiting'),
        join('st3', 'bot2', '10.0.0.66', 'waiting'),
        join('st2', 'bot1', '10.0.0.66', 'waiting'),
        join('st1', 'Ada', '10.0.0.7', 'joined'),
      ]),
    });
    const { send } = renderWithPlayground(<JoinsCard />, { stores });
    expect(screen.getByText('4 joins: 1 in class, 3 waiting.')).toBeInTheDocument();
    const groups = screen.getAllByTestId('join-group');
    expect(groups.map((g) => g.dataset.address)).toEqual(['10.0.0.66', '10.0.0.7']);
    expect(within(groups[1] as HTMLElement).getByText('in class')).toBeInTheDocument();
    expect(within(groups[1] as HTMLElement).queryByTestId('revoke-address')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Remove Ada from the class' }));
    await userEvent.click(
      within(groups[0] as HTMLElement).getByRole('button', { name: 'Remove all 3 from 10.0.0.66' }),
    );
    expect(send.mock.calls.map(([command]) => command)).toEqual([
      { type: 'class.revoke', studentIds: ['st1'] },
      { type: 'class.revoke', studentIds: ['st4', 'st3', 'st2'] },
    ]);
  });

  it('says when nobody has joined', () => {
    const stores = createPageStores();
    stores.classroom.setState({ roster: roster([]) });
    renderWithPlayground(<JoinsCard />, { stores });
    expect(screen.getByText('Nobody has joined yet.')).toBeInTheDocument();
  });

  it('says the join rules the bridge runs with', () => {
    const stores = createPageStores();
    stores.classroom.setState({ roster: { ...roster([]), joinRules: { maxPerAddress: 3, unusedTtlMs: 5 * 60_000 } } });
    renderWithPlayground(<JoinsCard />, { stores });
    expect(screen.getByText(/forgotten after 5 minutes; each computer may hold at most 3 joins\./)).toBeInTheDocument();
  });
});

describe('a student the teacher removed', () => {
  it('forgets the token and the session, and the join screen says why', async () => {
    const storage = memoryStorage([[STORAGE.student, 'st1.secret']]);
    const data = storage.data;
    const access = createAccess({
      location: { hash: '', pathname: '/', search: '' },
      replaceHash: () => {},
      storages: { local: storage, session: storage },
      fetchJson: async () => Response.json({ mode: 'lan', token: null }),
    });
    let socket: (SocketLike & { close(): void }) | null = null;
    const onRemovedFromClass = vi.fn(() => access.removedFromClass());
    const client = new BridgeClient({
      url: 'ws://test/ws',
      token: () => access.token(),
      handlers: {
        onStatus: vi.fn(),
        onWelcome: (w) => access.welcomed(w),
        onBatch: vi.fn(),
        onNotice: vi.fn(),
        onRemovedFromClass,
      },
      backoffMs: [10],
      resume: {
        get: () => data.get(STORAGE.resume) ?? null,
        set: (t) => (t ? data.set(STORAGE.resume, t) : data.delete(STORAGE.resume)),
      },
      createSocket: () => {
        socket = { onmessage: null, onclose: null, send: () => {}, close: () => {} };
        return socket;
      },
    });
    client.start();
    await vi.waitFor(() => expect(socket).not.toBeNull());
    socket!.onmessage?.({ data: JSON.stringify({ ...welcome, role: 'student', resumeToken: 'sess.abc' }) });
    expect(data.get(STORAGE.resume)).toBe('sess.abc');

    socket!.onclose?.({ code: CLOSE_REMOVED_FROM_CLASS });
    expect(onRemovedFromClass).toHaveBeenCalledOnce();
    expect(data.has(STORAGE.student)).toBe(false);
    expect(data.has(STORAGE.resume)).toBe(false);
    // The reconnection asks for a token: there is none, so the join screen waits, saying why.
    await vi.waitFor(() => expect(access.store.getState()).toMatchObject({ view: 'join', joinReason: 'removed' }));
  });

  it('tells a computer that joined too often from a full class', async () => {
    const answer = (body: unknown) => async () => Response.json(body, { status: 503 });
    expect(await postJoin('K7QX2M', 'Ada', answer({ error: 'x', reason: 'addressFull' }))).toMatchObject({
      problem: 'addressFull',
    });
    expect(await postJoin('K7QX2M', 'Ada', answer({ error: 'x', reason: 'classFull' }))).toMatchObject({
      problem: 'classFull',
    });
  });
});
