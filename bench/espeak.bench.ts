/**
 * espeak-ng synthesis speed on one core: real-time factor (synthesis time /
 * audio duration) for Hindi, Telugu and Tamil, in this thread (the same code
 * a pool worker runs). Each language is warmed up first (WASM tier-up, voice
 * and dictionary load), then timed over several repetitions; the median is
 * reported. Writes bench/results/espeak.json; exits 1 if any RTF is above
 * the 0.05 target.
 *
 *   npx tsx bench/espeak.bench.ts [--reps N]
 */
import { synthesizeInThread } from '../native/tts/espeak/synthesize.js';
import { loadEspeak } from '../native/tts/espeak/runtime.js';
import { recordBench } from './record.js';

const TARGET_RTF = 0.05;

const repsArg = process.argv.indexOf('--reps');
const reps = repsArg >= 0 ? Number(process.argv[repsArg + 1]) : 7;

const TEXTS: Record<string, string> = {
  hi:
    'भारत एक विशाल देश है जिसमें अनेक भाषाएँ बोली जाती हैं। ' +
    'मेरा फ़ोन नंबर नौ आठ सात छह पाँच चार तीन दो एक शून्य है। ' +
    'कल सुबह दस बजे हम दिल्ली से मुंबई के लिए निकलेंगे।',
  te:
    'భారతదేశం అనేక భాషలు మాట్లాడే విశాలమైన దేశం. ' +
    'నా ఫోన్ నంబర్ తొమ్మిది ఎనిమిది ఏడు ఆరు ఐదు నాలుగు మూడు రెండు ఒకటి సున్నా. ' +
    'రేపు ఉదయం పది గంటలకు మేము హైదరాబాద్ నుండి చెన్నైకి బయలుదేరుతాము.',
  ta:
    'இந்தியா பல மொழிகள் பேசப்படும் ஒரு பெரிய நாடு. ' +
    'என் தொலைபேசி எண் ஒன்பது எட்டு ஏழு ஆறு ஐந்து நான்கு மூன்று இரண்டு ஒன்று பூஜ்ஜியம். ' +
    'நாளை காலை பத்து மணிக்கு நாங்கள் சென்னையிலிருந்து மதுரைக்கு புறப்படுவோம்.',
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const t0 = performance.now();
await loadEspeak();
const loadMs = performance.now() - t0;

const results: Record<string, unknown> = {};
let worst = 0;
for (const [lang, text] of Object.entries(TEXTS)) {
  for (let i = 0; i < 3; i++) await synthesizeInThread(text, { voice: lang });
  const times: number[] = [];
  let audio = 0;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const r = await synthesizeInThread(text, { voice: lang });
    times.push((performance.now() - t) / 1000);
    audio = r.samples.length / r.sampleRate;
  }
  const rtf = median(times) / audio;
  worst = Math.max(worst, rtf);
  results[lang] = {
    characters: text.length,
    audioSeconds: Number(audio.toFixed(3)),
    medianSynthesisSeconds: Number(median(times).toFixed(4)),
    rtf: Number(rtf.toFixed(4)),
    rtfMin: Number((Math.min(...times) / audio).toFixed(4)),
  };
  console.log(`${lang}: ${audio.toFixed(2)} s of audio, RTF ${rtf.toFixed(4)} (median of ${reps})`);
}

recordBench('espeak', {
  engine: 'espeak-ng (WASM, @echogarden/espeak-ng-emscripten 0.3.5)',
  threads: 1,
  reps,
  moduleLoadMs: Math.round(loadMs),
  targetRtf: TARGET_RTF,
  languages: results,
  pass: worst <= TARGET_RTF,
});
console.log(
  `module load ${loadMs.toFixed(0)} ms; worst RTF ${worst.toFixed(4)} (target ≤ ${TARGET_RTF})`,
);
if (worst > TARGET_RTF) process.exitCode = 1;
