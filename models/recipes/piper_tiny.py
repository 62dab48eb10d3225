"""Tiny Piper voice: `<name>.onnx` + `<name>.onnx.json` exactly as Piper ships them.

Signature (Piper's VITS export): inputs `input` [1, T] int64 phoneme ids,
`input_lengths` [1] int64, `scales` [3] float32 (noise_scale, length_scale,
noise_w), `sid` [1] int64 for multi-speaker voices; output `output`
[1, 1, 1, samples] float32. The net is a tiny embedding + conv + upsampler:
frames = floor(4 * T * length_scale), 256 samples per frame, so length_scale
changes the duration as in a real voice. Deterministic: no noise is drawn.

    /usr/bin/python3 models/recipes/piper_tiny.py            # single speaker (hi)
    /usr/bin/python3 models/recipes/piper_tiny.py --multi    # 3 speakers (te)
    /usr/bin/python3 models/recipes/piper_tiny.py --real-dims --out /tmp/piper

With --real-dims the same signature sits over a VITS-shaped net at Piper
medium's real dimensions (vits_real_dims.py), for benchmarks.
"""
import os
import sys
import unicodedata

import torch
from torch import nn

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import export, parse_args, stats, write_card, write_json, write_manifest  # noqa: E402
from vits_real_dims import RealDimsVits  # noqa: E402

HOP = 256
FRAMES_PER_ID = 4

# Piper's own symbol order: pad, BOS, EOS, space, punctuation, then letters and IPA.
SYMBOLS = (
    ["_", "^", "$", " ", "!", "'", "(", ")", ",", "-", ".", ":", ";", "?"]
    + [chr(c) for c in range(ord("a"), ord("z") + 1)]
    + list(
        "æçðøħŋœǀǁǂǃɐɑɒɓɔɕɖɗɘəɚɛɜɞɟɠɡɢɣɤɥɦɧɨɪɫɬɭɮɯɰɱɲɳɴɵɶɸɹɺɻɽɾʀʁʂʃʄʈʉʊʋʌʍʎʏʐʑʒʔʕʘʙʛʜʝʟʡʢʲˈˌːˑ˞βθχᵻⱱ"
    )
    + ["ʰ", "ʱ", "ʷ", "ˠ", "ˤ", "↓", "↑", "→", "↗", "↘", "\u0303", "\u0329", "\u032a", "\u0325",
       "\u0361", "\u0306", "\u0308", "\u0330", "\u031e", "\u031f", "\u0320", "\u0324", "\u0339"]
)


class TinyPiper(nn.Module):
    def __init__(self, n_symbols, channels, n_speakers):
        super().__init__()
        self.emb = nn.Embedding(n_symbols, channels)
        self.enc = nn.Conv1d(channels, channels, 3, padding=1)
        self.spk = nn.Embedding(n_speakers, channels) if n_speakers > 1 else None
        self.up1 = nn.ConvTranspose1d(channels, channels, 16, stride=16)
        self.up2 = nn.ConvTranspose1d(channels, 1, 16, stride=16)

    def forward(self, input, input_lengths, scales, sid=None):
        t = input.shape[1]
        mask = (torch.arange(t).unsqueeze(0) < input_lengths.unsqueeze(1)).float()
        h = self.emb(input) * mask.unsqueeze(2)  # [1, T, C]
        if self.spk is not None:
            h = h + self.spk(sid).unsqueeze(1)
        h = torch.tanh(self.enc(h.transpose(1, 2)))  # [1, C, T]
        h = h * (1.0 + 0.1 * scales[0]) + 0.01 * scales[2]
        # Duration from length_scale, as VITS's duration predictor scales it.
        frames = torch.floor(t * FRAMES_PER_ID * scales[1]).long()
        idx = torch.div(torch.arange(frames) * t, frames, rounding_mode="floor")
        h = torch.index_select(h, 2, idx)
        wav = torch.tanh(self.up2(torch.relu(self.up1(h))))  # [1, 1, frames * HOP]
        return wav.unsqueeze(1)  # [1, 1, 1, samples] as Piper's export


class RealDimsPiper(nn.Module):
    """Piper's signature over a VITS-shaped net at Piper medium's dimensions (benchmarks only)."""

    def __init__(self, n_symbols, n_speakers):
        super().__init__()
        self.vits = RealDimsVits(n_symbols, n_speakers, FRAMES_PER_ID)

    def forward(self, input, input_lengths, scales, sid=None):
        t = input.shape[1]
        mask = (torch.arange(t).unsqueeze(0) < input_lengths.unsqueeze(1)).float()
        return self.vits(input, mask, scales[1], sid).unsqueeze(1)  # [1, 1, 1, samples]


def main():
    multi = "--multi" in sys.argv
    if multi:
        sys.argv.remove("--multi")
    name = "piper-multi-tiny" if multi else "piper-tiny"
    args = parse_args(name)
    n_speakers = 3 if multi else 1
    espeak_voice = "te" if multi else "hi"
    symbols = [unicodedata.normalize("NFD", s) for s in SYMBOLS]
    n_symbols = 256 if args.real_dims else len(symbols)
    channels = 192 if args.real_dims else 8
    model = RealDimsPiper(n_symbols, n_speakers) if args.real_dims else TinyPiper(n_symbols, channels, n_speakers)
    ids = torch.tensor([[1, 0, 20, 0, 14, 0, 33, 0, 3, 0, 10, 0, 2]], dtype=torch.long)
    lengths = torch.tensor([ids.shape[1]], dtype=torch.long)
    scales = torch.tensor([0.667, 1.0, 0.8], dtype=torch.float32)
    sid = torch.tensor([2 if multi else 0], dtype=torch.long)
    stem = ("te_IN-tiny-x_low" if multi else "hi_IN-tiny-x_low")
    onnx_rel = f"{stem}.onnx"
    inputs = (ids, lengths, scales, sid) if multi else (ids, lengths, scales)
    names = ["input", "input_lengths", "scales"] + (["sid"] if multi else [])
    export(
        model,
        inputs,
        os.path.join(args.out, onnx_rel),
        names,
        ["output"],
        {"input": {0: "batch_size", 1: "phonemes"}, "input_lengths": {0: "batch_size"},
         "output": {0: "batch_size", 3: "time"}},
    )
    with torch.no_grad():
        out = model(*inputs)
        out_slow = model(ids, lengths, torch.tensor([0.667, 1.5, 0.8]), *( [sid] if multi else []))
    config = {
        "dataset": stem,
        "audio": {"sample_rate": 22050, "quality": "x_low"},
        "espeak": {"voice": espeak_voice},
        "language": {"code": "te_IN" if multi else "hi_IN"},
        "inference": {"noise_scale": 0.667, "length_scale": 1, "noise_w": 0.8},
        "phoneme_type": "espeak",
        "phoneme_map": {},
        "phoneme_id_map": {s: [i] for i, s in enumerate(symbols)},
        "num_symbols": n_symbols,
        "num_speakers": n_speakers,
        "speaker_id_map": {"a": 0, "b": 1, "c": 2} if multi else {},
        "piper_version": "1.0.0",
    }
    write_json(args.out, f"{onnx_rel}.json", config)
    write_json(args.out, "golden.json", {
        "tolerance": {"abs": 1e-4},
        "cases": [
            {"feeds": {"input": ids[0].tolist(), "input_lengths": [ids.shape[1]],
                       "scales": scales.tolist(), **({"sid": sid.tolist()} if multi else {})},
             "output": stats(out)},
            {"feeds": {"input": ids[0].tolist(), "input_lengths": [ids.shape[1]],
                       "scales": [0.667, 1.5, 0.8], **({"sid": sid.tolist()} if multi else {})},
             "output": stats(out_slow)},
        ],
        "framesPerId": FRAMES_PER_ID,
        "hop": HOP,
    })
    write_manifest(args.out, {
        "id": name,
        "name": f"Tiny Piper voice ({'Telugu, 3 speakers' if multi else 'Hindi'}; random weights)",
        "task": "tts",
        "family": "piper",
        "layout": "piper",
        "languages": ["te" if multi else "hi"],
        "sampleRate": 22050,
        "licence": "GPL-3.0-or-later",
        "source": "models/recipes/piper_tiny.py" + (" --multi" if multi else ""),
    }, [(onnx_rel, "model"), (f"{onnx_rel}.json", "config")])
    write_card(args.out, name, f"""
Test fixture in the exact layout of a Piper voice (`{onnx_rel}` and
`{onnx_rel}.json`), with Piper's input/output signature, built by
`models/recipes/piper_tiny.py`. It makes {FRAMES_PER_ID} frames of {HOP}
samples per phoneme id at length_scale 1 and is noise, not speech.
`golden.json` holds outputs for fixed phoneme ids (tolerance 1e-4).
""")


if __name__ == "__main__":
    main()
