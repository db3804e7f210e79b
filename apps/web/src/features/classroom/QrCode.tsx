import { create } from 'qrcode';
import { useMemo } from 'react';

/** A QR code as plain SVG squares: crisp at any size on a projector, no canvas, no image file. */
export function QrCode(props: { text: string; label: string; size?: number }) {
  const path = useMemo(() => {
    const { modules } = create(props.text, { errorCorrectionLevel: 'M' });
    const parts: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) parts.push(`M${col + 4} ${row + 4}h1v1h-1z`);
      }
    }
    return { d: parts.join(''), size: modules.size + 8 };
  }, [props.text]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={props.label}
      data-testid="join-qr"
      data-text={props.text}
      viewBox={`0 0 ${path.size} ${path.size}`}
      width={props.size ?? 200}
      height={props.size ?? 200}
      shapeRendering="crispEdges"
    >
      <rect width={path.size} height={path.size} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
