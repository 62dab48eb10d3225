"""Tiny NeMo-style CTC model (Conformer/IndicConformer ONNX export layout).

Files: `model.onnx`, `vocab.txt` (one token a line; CTC blank is the extra
last class), `config.json` (sample_rate, n_mels, subsampling).
Signature: `audio_signal` [1, 80, frames] float32 + `length` [1] int64 →
`logprobs` [1, frames / 4, vocab + 1] float32 (log-softmax), 4× subsampling
by two stride-2 convolutions as NeMo's striding subsampler.

    /usr/bin/python3 models/recipes/nemo_ctc_tiny.py
"""
import math
import os
import sys

import torch
from torch import nn

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import export, parse_args, stats, write_card, write_json, write_manifest  # noqa: E402

TOKENS = ["<unk>", "▁"] + list("अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहािीुूेैोौं्")


class TinyNemo(nn.Module):
    def __init__(self, n_mels, channels, vocab):
        super().__init__()
        self.sub1 = nn.Conv1d(n_mels, channels, 3, stride=2, padding=1)
        self.sub2 = nn.Conv1d(channels, channels, 3, stride=2, padding=1)
        self.out = nn.Linear(channels, vocab + 1)

    def forward(self, audio_signal, length):
        t = audio_signal.shape[2]
        mask = (torch.arange(t).unsqueeze(0) < length.unsqueeze(1)).float().unsqueeze(1)
        h = torch.relu(self.sub1(audio_signal * mask))
        h = torch.relu(self.sub2(h))
        return torch.log_softmax(self.out(h.transpose(1, 2)), dim=-1)


def main():
    args = parse_args("nemo-ctc-tiny")
    channels = 512 if args.real_dims else 8
    model = TinyNemo(80, channels, len(TOKENS))
    frames = 101
    x = torch.sin(torch.arange(80 * frames, dtype=torch.float32) * 0.01).reshape(1, 80, frames)
    length = torch.tensor([frames], dtype=torch.long)
    export(model, (x, length), os.path.join(args.out, "model.onnx"), ["audio_signal", "length"],
           ["logprobs"], {"audio_signal": {0: "B", 2: "T"}, "length": {0: "B"},
                          "logprobs": {0: "B", 1: "T_out"}})
    with torch.no_grad():
        out = model(x, length)
    assert out.shape[1] == math.ceil(math.ceil(frames / 2) / 2)
    with open(os.path.join(args.out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(TOKENS) + "\n")
    write_json(args.out, "config.json", {
        "model_type": "nemo-ctc", "sample_rate": 16000, "n_mels": 80, "window_size": 0.025,
        "window_stride": 0.01, "subsampling_factor": 4, "blank_id": len(TOKENS),
        "normalize": "per_feature",
    })
    write_json(args.out, "golden.json", {
        "tolerance": {"abs": 1e-4},
        "cases": [{"feeds": {"audio_signal": {"formula": "sin(0.01 * i), i = 0..80*101-1, [1, 80, 101]"},
                             "length": [frames]}, "output": stats(out)}],
    })
    write_manifest(args.out, {
        "id": "nemo-ctc-tiny", "name": "Tiny NeMo-style CTC (Hindi; random weights)",
        "task": "asr", "family": "nemo-ctc", "layout": "nemo-onnx", "languages": ["hi"],
        "sampleRate": 16000, "licence": "GPL-3.0-or-later",
        "source": "models/recipes/nemo_ctc_tiny.py",
    }, [("model.onnx", "model"), ("vocab.txt", "vocab"), ("config.json", "config")])
    write_card(args.out, "nemo-ctc-tiny", """
Test fixture in the layout of a NeMo CTC (Conformer / IndicConformer) ONNX
export (`model.onnx` with `audio_signal` + `length` → `logprobs`, `vocab.txt`),
built by `models/recipes/nemo_ctc_tiny.py`; 4× subsampling, blank last.
""")


if __name__ == "__main__":
    main()
