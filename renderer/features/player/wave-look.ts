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
  // Square bars: a rounded one is an anti-aliased path, rasterised on every zoom
  // when wavesurfer copies each canvas onto its progress canvas (the zoom step's
  // largest cost); plain rectangles keep a step of a 2-hour recording to 1–2 frames.
  barRadius: 0,
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
