import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import ZoomPlugin from 'wavesurfer.js/dist/plugins/zoom.esm.js';

/** How every waveform in Charkha is drawn (the Player's and the Annotate screen's). */
export const WAVE_LOOK = {
  waveColor: '#8aa4bf',
  progressColor: '#2f5d8a',
  cursorColor: '#b4532a',
  cursorWidth: 2,
  barWidth: 2,
  barGap: 1,
  barRadius: 1,
  normalize: true,
  autoScroll: true,
  autoCenter: true,
} as const;

/** The time ruler under the waveform and wheel zoom, as both screens use them. */
export function timelineAndZoom() {
  return [
    TimelinePlugin.create({
      height: 22,
      style: { fontSize: '13px', color: '#374151' },
      secondaryLabelOpacity: 1,
    }),
    ZoomPlugin.create({ scale: 0.25, maxZoom: 2000 }),
  ];
}
