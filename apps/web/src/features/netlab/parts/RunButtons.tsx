interface RunAction {
  label: string;
  disabled: boolean;
  onClick(): void;
}

/** A lab run's button row: the form's submit, which starts the run, then what can be done to the run. */
export function RunButtons(props: { start: string; startDisabled: boolean; testId: string; actions: RunAction[] }) {
  return (
    <div className="button-row">
      <button
        type="submit"
        className="button button--primary"
        disabled={props.startDisabled}
        data-testid={props.testId}
      >
        {props.start}
      </button>
      {props.actions.map((action) => (
        <button key={action.label} type="button" className="button" disabled={action.disabled} onClick={action.onClick}>
          {action.label}
        </button>
      ))}
    </div>
  );
}
