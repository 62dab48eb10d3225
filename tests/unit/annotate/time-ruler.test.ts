import { describe, expect, it } from 'vitest';
import {
  tickLabel,
  ticksFor,
  tickSpacing,
} from '../../../renderer/features/annotate/time-ruler.js';

describe('the Annotate time ruler (wavesurfer timeline spacing, visible window only)', () => {
  it('spaces notches as the timeline plugin does at each zoom', () => {
    expect(tickSpacing(30)).toEqual({ every: 1, primary: 10, secondary: 5 });
    expect(tickSpacing(5)).toEqual({ every: 5, primary: 6, secondary: 2 });
    expect(tickSpacing(2)).toEqual({ every: 15, primary: 4, secondary: 2 });
    // A 2-hour recording fitted into 1,400 px: a notch every 3 minutes.
    expect(tickSpacing(1400 / 7200).every).toBe(180);
  });

  it('labels as the plugin does: seconds, then m:ss past a minute', () => {
    expect(tickLabel(0)).toBe('0');
    expect(tickLabel(45)).toBe('45');
    expect(tickLabel(60)).toBe('60');
    expect(tickLabel(65)).toBe('1:05');
    expect(tickLabel(7140)).toBe('119:00');
  });

  it('gives only the notches in the view (and one before it), however long the recording', () => {
    // 30 px/s over 1,500 px: 50 s of a 2-hour recording, one notch a second.
    const ticks = ticksFor({ start: 3600, end: 3650 }, 1500);
    expect(ticks[0].t).toBe(3599);
    expect(ticks.at(-1)?.t).toBe(3650);
    expect(ticks).toHaveLength(52);
    expect(ticks.find((t) => t.t === 3600)).toEqual({ t: 3600, kind: 'primary', label: '60:00' });
    expect(ticks.find((t) => t.t === 3605)).toEqual({
      t: 3605,
      kind: 'secondary',
      label: '60:05',
    });
    expect(ticks.find((t) => t.t === 3601)).toEqual({ t: 3601, kind: 'tick', label: null });
  });

  it('at 5 px/s marks every 5 s, labels every 10 s and the half minutes as primary', () => {
    const ticks = ticksFor({ start: 0, end: 60 }, 300);
    expect(ticks.map((t) => t.t)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    expect(ticks.filter((t) => t.kind === 'primary').map((t) => t.t)).toEqual([0, 30, 60]);
    expect(ticks.filter((t) => t.kind === 'secondary').map((t) => t.t)).toEqual([10, 20, 40, 50]);
  });

  it('draws nothing for an empty view', () => {
    expect(ticksFor({ start: 5, end: 5 }, 800)).toEqual([]);
    expect(ticksFor({ start: 0, end: 10 }, 0)).toEqual([]);
  });
});
