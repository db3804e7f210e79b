import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../src/features/flow/buildFlow.ts';
import { svgDocument } from '../src/features/flow/exportFlow.ts';
import { FLOW_LAYOUT, FlowDiagram } from '../src/features/flow/FlowDiagram.tsx';
import { client, server, Wire } from './support/wire.ts';

const lanes = {
  client: { name: 'client s2', address: '127.0.0.1:50000', outside: false },
  server: { name: 'conn s3', address: '127.0.0.1:65432', outside: false },
};

function diagram(times: string[]) {
  const w = new Wire();
  const entries = [w.opened(server), w.opened(client), w.opened({ ...client, id: 's3', kind: 'tcp-conn' })].map(
    (event) => ({ key: `1:${event.socketId}`, event }),
  );
  const flow = buildFlow(entries, { client: '1:s2', server: '1:s3', listener: '1:s1', connId: 's3' });
  const { container } = render(
    <FlowDiagram
      flow={flow}
      times={times.slice(0, flow.rows.length)}
      timeTitle="Δ row (ms)"
      lanes={lanes}
      title="flow"
      selected={{ key: null, seq: null }}
      onSelect={() => {}}
    />,
  );
  return container.querySelector('svg') as SVGSVGElement;
}

describe('the flow diagram’s times', () => {
  it('are the log’s labels, whole, in the diagram and in its export; long ones widen the time column', () => {
    const short = diagram(['0.500', '+0.250', '+0.250']);
    expect(Number(short.getAttribute('width'))).toBe(FLOW_LAYOUT.width);
    const long = diagram(['+1234567.250', '+0.250', '+0.250']);
    expect(Number(long.getAttribute('width'))).toBeGreaterThan(FLOW_LAYOUT.width);
    const exported = svgDocument(long);
    expect(exported).toContain('Δ row (ms)');
    expect(exported).toContain('+1234567.250');
  });
});
