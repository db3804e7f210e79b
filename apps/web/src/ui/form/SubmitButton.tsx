import type { ReactNode, Ref } from 'react';

/**
 * A form's submit button. While its command runs it is marked busy (aria-disabled) rather than
 * disabled: a disabled button drops keyboard focus to the page, and the learner loses their place.
 * The form's submit handler ignores a second submit while `pending`.
 */
export function SubmitButton(props: {
  pending: boolean;
  disabled?: boolean;
  /** The card's main action: it takes focus when the card is new (see features/sockets/useReveal). */
  mainAction?: boolean;
  ref?: Ref<HTMLButtonElement>;
  children: ReactNode;
}) {
  return (
    <button
      ref={props.ref}
      type="submit"
      className="button button--primary"
      disabled={props.disabled}
      aria-disabled={props.pending || undefined}
      data-main-action={props.mainAction || undefined}
    >
      {props.children}
    </button>
  );
}
