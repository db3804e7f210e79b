import * as RadixTabs from '@radix-ui/react-tabs';
import type { ComponentProps, ReactNode } from 'react';
import './tabs.css';

/**
 * Tabs on Radix UI's primitive: the tablist, roving focus, arrow keys, Home/End and the panel
 * wiring come from it. Each place only chooses a look and what its tabs say.
 */
export interface TabOption<V extends string> {
  value: V;
  label: ReactNode;
  /** A second, smaller line under the label (a count, a summary). */
  detail?: ReactNode;
  /** Longer explanation on hover. */
  hint?: string;
  testId?: string;
}

/** `line`: folder tabs over a pane; `pill`: filled buttons in a strip; `box`: bordered boxes with a detail line. */
export type TabLook = 'line' | 'pill' | 'box';

export function Tabs<V extends string>(
  props: Omit<ComponentProps<typeof RadixTabs.Root>, 'value' | 'onValueChange' | 'defaultValue' | 'onChange'> & {
    value: V;
    onChange(value: NoInfer<V>): void;
  },
) {
  const { value, onChange, ...rest } = props;
  return <RadixTabs.Root {...rest} value={value} onValueChange={(v) => onChange(v as V)} />;
}

export function TabList<V extends string>(props: {
  label: string;
  options: readonly TabOption<V>[];
  look: TabLook;
  className?: string;
}) {
  return (
    <RadixTabs.List
      aria-label={props.label}
      className={`tab-list tab-list--${props.look}${props.className ? ` ${props.className}` : ''}`}
    >
      {props.options.map((option) => (
        <RadixTabs.Trigger
          key={option.value}
          value={option.value}
          className="tab-list__tab"
          title={option.hint}
          data-testid={option.testId}
        >
          <span className="tab-list__label">{option.label}</span>
          {option.detail !== undefined && <span className="tab-list__detail">{option.detail}</span>}
        </RadixTabs.Trigger>
      ))}
    </RadixTabs.List>
  );
}

/**
 * One tab's content. `keepMounted` keeps it in the page while hidden (what was typed in a form
 * survives a look at another tab); otherwise only the open panel is mounted.
 */
export function TabPanel(props: {
  value: string;
  keepMounted?: boolean;
  /** The panel scrolls on its own: it is a Tab stop so the keyboard can scroll it (see ScrollBody). */
  scrollable?: boolean;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <RadixTabs.Content
      value={props.value}
      forceMount={props.keepMounted || undefined}
      className={`tab-panel${props.className ? ` ${props.className}` : ''}`}
      data-testid={props.testId}
      // A panel that scrolls is a Tab stop; one that does not is reached through its own controls.
      tabIndex={props.scrollable ? 0 : -1}
    >
      {props.children}
    </RadixTabs.Content>
  );
}
