"""Tiny wav2vec2-style CTC model in the Hugging Face ONNX layout.

Files: `onnx/model.onnx`, `vocab.json`, `config.json`,
`preprocessor_config.json`. Signature: `input_values` [1, S] float32 →
`logits` [1, frames, vocab] float32. The feature encoder has wav2vec2's
kernels (10,3,3,3,3,2,2) and strides (5,2,2,2,2,2,2), so frame counts are
the real ones (about one per 320 samples).

    /usr/bin/python3 models/recipes/wav2vec2_ctc_tiny.py
    /usr/bin/python3 models/recipes/wav2vec2_ctc_tiny.py --real-dims --out /tmp/w2v
"""
import math
import os
import sys

import torch
from torch import nn

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import export, parse_args, stats, write_card, write_json, write_manifest  # noqa: E402

KERNELS = (10, 3, 3, 3, 3, 2, 2)
STRIDES = (5, 2, 2, 2, 2, 2, 2)
TOKENS = ["<pad>", "<s>", "</s>", "<unk>", "|"] + list(
    "अआइईउऊएऐओऔकखगघचछजझञटठडढणतथदधनपफबभमयरलवशषसहािीुूेैोौंः्"
)


class TinyW2v(nn.Module):
    def __init__(self, channels, vocab):
        super().__init__()
        layers = []
        c_in = 1
        for k, s in zip(KERNELS, STRIDES):
            layers += [nn.Conv1d(c_in, channels, k, stride=s, bias=False), nn.GELU()]
            c_in = channels
        self.features = nn.Sequential(*layers)
        self.proj = nn.Linear(channels, vocab)

    def forward(self, input_values):
        h = self.features(input_values.unsqueeze(1))  # [1, C, frames]
        return self.proj(h.transpose(1, 2))


def frames_for(samples):
    n = samples
    for k, s in zip(KERNELS, STRIDES):
        n = math.floor((n - k) / s) + 1
    return n


def main():
    args = parse_args("wav2vec2-ctc-tiny")
    channels = 512 if args.real_dims else 8
    vocab = {t: i for i, t in enumerate(TOKENS)}
    model = TinyW2v(channels, len(vocab))
    n = 16000
    t = torch.arange(n, dtype=torch.float32) / 16000
    x = (0.5 * torch.sin(2 * math.pi * 220 * t)).unsqueeze(0)
    export(model, (x,), os.path.join(args.out, "onnx", "model.onnx"), ["input_values"], ["logits"],
           {"input_values": {0: "batch_size", 1: "sequence_length"},
            "logits": {0: "batch_size", 1: "sequence_length"}})
    with torch.no_grad():
        out = model(x)
    assert out.shape[1] == frames_for(n)
    write_json(args.out, "vocab.json", vocab)
    write_json(args.out, "config.json", {
        "architectures": ["Wav2Vec2ForCTC"], "model_type": "wav2vec2", "vocab_size": len(vocab),
        "pad_token_id": 0, "bos_token_id": 1, "eos_token_id": 2, "ctc_loss_reduction": "mean",
        "conv_kernel": list(KERNELS), "conv_stride": list(STRIDES), "conv_dim": [channels] * 7,
        "hidden_size": channels,
    })
    write_json(args.out, "preprocessor_config.json", {
        "do_normalize": True, "feature_extractor_type": "Wav2Vec2FeatureExtractor",
        "feature_size": 1, "padding_side": "right", "padding_value": 0.0,
        "return_attention_mask": False, "sampling_rate": 16000,
    })
    write_json(args.out, "tokenizer_config.json", {
        "bos_token": "<s>", "eos_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>",
        "word_delimiter_token": "|", "do_lower_case": False,
        "tokenizer_class": "Wav2Vec2CTCTokenizer",
    })
    write_json(args.out, "golden.json", {
        "tolerance": {"abs": 1e-4},
        "input": "0.5 * sin(2π·220·t), 16000 samples at 16 kHz, fed as is (no normalisation)",
        "cases": [{"feeds": {"input_values": {"sine": {"hz": 220, "amplitude": 0.5,
                                                        "samples": n, "rate": 16000}}},
                   "output": stats(out)}],
    })
    write_manifest(args.out, {
        "id": "wav2vec2-ctc-tiny", "name": "Tiny wav2vec2 CTC (Hindi characters; random weights)",
        "task": "asr", "family": "wav2vec2-ctc", "layout": "hf-onnx", "languages": ["hi"],
        "sampleRate": 16000, "licence": "GPL-3.0-or-later",
        "source": "models/recipes/wav2vec2_ctc_tiny.py",
    }, [("onnx/model.onnx", "model"), ("vocab.json", "vocab"), ("config.json", "config"),
        ("preprocessor_config.json", "preprocessor"), ("tokenizer_config.json", "tokenizer_config")])
    write_card(args.out, "wav2vec2-ctc-tiny", """
Test fixture in the layout of a wav2vec2 / MMS CTC model exported to ONNX
(`onnx/model.onnx`, `vocab.json`, `config.json`, `preprocessor_config.json`),
built by `models/recipes/wav2vec2_ctc_tiny.py`. The feature encoder has the
real kernels and strides, so `frames` is what a real model would give.
`golden.json`: logits for one second of a 220 Hz sine.
""")


if __name__ == "__main__":
    main()
