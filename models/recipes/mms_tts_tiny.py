"""Tiny MMS-TTS (VITS) model in the transformers.js ONNX layout.

Files: `onnx/model.onnx`, `config.json` (sampling_rate…), `vocab.json`
(character → id, id 0 is the blank that `add_blank` interleaves),
`tokenizer_config.json` (add_blank, normalize, is_uroman, language).
Signature: `input_ids` [1, T] int64, `attention_mask` [1, T] int64 →
`waveform` [1, samples] float32, 4 frames of 256 samples per token.

    /usr/bin/python3 models/recipes/mms_tts_tiny.py
    /usr/bin/python3 models/recipes/mms_tts_tiny.py --real-dims --out /tmp/mms

With --real-dims the same signature sits over a VITS-shaped net at the real
mms-tts-* dimensions (vits_real_dims.py), for benchmarks.
"""
import os
import sys

import torch
from torch import nn

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import export, parse_args, stats, write_card, write_json, write_manifest  # noqa: E402
from vits_real_dims import RealDimsVits  # noqa: E402

HOP = 256
FRAMES_PER_ID = 4
# Hindi characters as mms-tts-hin's vocab holds them (lower-case Latin too, for code-mix).
CHARS = (
    ["_", " ", "'", "-"]
    + list("अआइईउऊऋएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसहािीुूृेैोौंँः़्")
    + list("abcdefghijklmnopqrstuvwxyz")
)


class TinyVits(nn.Module):
    def __init__(self, vocab, channels):
        super().__init__()
        self.emb = nn.Embedding(vocab, channels)
        self.enc = nn.Conv1d(channels, channels, 5, padding=2)
        self.up1 = nn.ConvTranspose1d(channels, channels, 16, stride=16)
        self.up2 = nn.ConvTranspose1d(channels, 1, 16, stride=16)

    def forward(self, input_ids, attention_mask):
        h = self.emb(input_ids) * attention_mask.unsqueeze(2).float()
        h = torch.tanh(self.enc(h.transpose(1, 2)))
        h = torch.repeat_interleave(h, FRAMES_PER_ID, dim=2)
        wav = torch.tanh(self.up2(torch.relu(self.up1(h))))
        return wav.squeeze(1)  # [1, samples]


class RealDimsMms(nn.Module):
    """MMS-TTS's signature over a VITS-shaped net at mms-tts-*'s real dimensions (benchmarks only)."""

    def __init__(self, vocab):
        super().__init__()
        self.vits = RealDimsVits(vocab, 1, FRAMES_PER_ID)

    def forward(self, input_ids, attention_mask):
        return self.vits(input_ids, attention_mask.float(), torch.tensor(1.0)).squeeze(1)  # [1, samples]


def main():
    args = parse_args("mms-tts-tiny")
    channels = 192 if args.real_dims else 8
    vocab = {c: i for i, c in enumerate(CHARS)}
    model = RealDimsMms(len(vocab)) if args.real_dims else TinyVits(len(vocab), channels)
    ids = torch.tensor([[0, 44, 0, 68, 0, 1, 0, 63, 0]], dtype=torch.long)
    mask = torch.ones_like(ids)
    export(model, (ids, mask), os.path.join(args.out, "onnx", "model.onnx"),
           ["input_ids", "attention_mask"], ["waveform"],
           {"input_ids": {0: "batch_size", 1: "sequence_length"},
            "attention_mask": {0: "batch_size", 1: "sequence_length"},
            "waveform": {0: "batch_size", 1: "num_samples"}})
    with torch.no_grad():
        out = model(ids, mask)
    write_json(args.out, "vocab.json", vocab)
    write_json(args.out, "tokenizer_config.json", {
        "add_blank": True, "is_uroman": False, "language": "hin", "normalize": True,
        "pad_token": "_", "phonemize": False, "tokenizer_class": "VitsTokenizer",
        "unk_token": "<unk>", "model_max_length": 1000000000000000019884624838656,
    })
    write_json(args.out, "config.json", {
        "architectures": ["VitsModel"], "model_type": "vits", "sampling_rate": 16000,
        "vocab_size": len(vocab), "hidden_size": channels, "noise_scale": 0.667,
        "noise_scale_duration": 0.8, "speaking_rate": 1.0, "num_speakers": 1,
    })
    write_json(args.out, "golden.json", {
        "tolerance": {"abs": 1e-4},
        "cases": [{"feeds": {"input_ids": ids[0].tolist()}, "output": stats(out)}],
        "framesPerId": FRAMES_PER_ID, "hop": HOP,
    })
    write_manifest(args.out, {
        "id": "mms-tts-tiny", "name": "Tiny MMS-TTS (Hindi characters; random weights)",
        "task": "tts", "family": "mms-tts", "layout": "transformers.js",
        "languages": ["hi"], "sampleRate": 16000, "licence": "GPL-3.0-or-later",
        "source": "models/recipes/mms_tts_tiny.py",
    }, [("onnx/model.onnx", "model"), ("config.json", "config"), ("vocab.json", "vocab"),
        ("tokenizer_config.json", "tokenizer_config")])
    write_card(args.out, "mms-tts-tiny", """
Test fixture in the layout of an MMS-TTS VITS export for transformers.js
(`onnx/model.onnx`, `config.json`, `vocab.json`, `tokenizer_config.json`),
built by `models/recipes/mms_tts_tiny.py`. Four frames of 256 samples per
token id, 16 kHz; noise, not speech. `golden.json`: outputs for fixed ids.
""")


if __name__ == "__main__":
    main()
