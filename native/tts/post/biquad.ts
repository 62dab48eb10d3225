/** Butterworth high- and low-pass sections (RBJ cookbook biquads), run in float64. */

interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

function section(kind: 'low' | 'high', freq: number, rate: number, q: number): Biquad {
  const w = (2 * Math.PI * freq) / rate;
  const cos = Math.cos(w);
  const alpha = Math.sin(w) / (2 * q);
  const a0 = 1 + alpha;
  const b1 = kind === 'low' ? 1 - cos : -(1 + cos);
  const b0 = kind === 'low' ? (1 - cos) / 2 : (1 + cos) / 2;
  return { b0: b0 / a0, b1: b1 / a0, b2: b0 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0 };
}

/** Q of each second-order section of an order-`order` Butterworth filter. */
function butterworthQs(order: number): number[] {
  const qs: number[] = [];
  for (let k = 0; k < order / 2; k++) {
    qs.push(1 / (2 * Math.cos((Math.PI * (2 * k + 1)) / (2 * order))));
  }
  return qs;
}

/** Applies an even-order Butterworth filter, zero initial state. */
export function butterworth(
  x: Float32Array,
  kind: 'low' | 'high',
  freq: number,
  rate: number,
  order = 6,
): Float32Array {
  let buf = Float64Array.from(x);
  for (const q of butterworthQs(order)) {
    const { b0, b1, b2, a1, a2 } = section(kind, freq, rate, q);
    const y = new Float64Array(buf.length);
    let x1 = 0,
      x2 = 0,
      y1 = 0,
      y2 = 0;
    for (let i = 0; i < buf.length; i++) {
      const v = buf[i];
      const o = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = v;
      y2 = y1;
      y1 = o;
      y[i] = o;
    }
    buf = y;
  }
  return Float32Array.from(buf);
}
